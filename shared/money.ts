/** Money: decimal strings with at most two places, stored as integer cents. */
import { divideRounded, divideRoundedSafe, formatScaled, parseScaled } from './decimal';
import { QUANTITY_SCALE } from './quantity';

export const MONEY_SCALE = 2;
/** Thousandths of a unit in one unit. */
const PER_UNIT = 10 ** QUANTITY_SCALE;
/** DECIMAL(10,2) in the old schema. */
export const MAX_UNIT_COST_CENTS = 99_999_999_99;

export const centsFromMoney = (text: string): number => Number(parseScaled(text, MONEY_SCALE));
export const moneyFromCents = (cents: bigint | number): string => formatScaled(cents, MONEY_SCALE);

/** Value of a stock level at a unit cost, in cents, rounded half away from zero. */
export function stockValueCents(quantityMilli: number, unitCostCents: number): bigint {
  const product = quantityMilli * unitCostCents;
  // Exact in a double while it stays a safe integer (nearly always): no bigint per item of a long list.
  if (Number.isSafeInteger(product)) return BigInt(divideRoundedSafe(product, PER_UNIT));
  return divideRounded(BigInt(quantityMilli) * BigInt(unitCostCents), BigInt(PER_UNIT));
}

const plainFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const currencyFormats = new Map<string, Intl.NumberFormat>();

/**
 * In the restaurant's currency, the currency's own decimals but never hiding a cent ("€1,234.50",
 * "¥1,234.5"); before a restaurant has chosen one, the amount alone.
 */
function formatFor(currency: string | null): Intl.NumberFormat {
  if (currency === null) return plainFormat;
  let format = currencyFormats.get(currency);
  if (!format) {
    const { minimumFractionDigits = 2 } = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
    }).resolvedOptions();
    format = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: Math.min(minimumFractionDigits, MONEY_SCALE),
      maximumFractionDigits: MONEY_SCALE,
    });
    currencyFormats.set(currency, format);
  }
  return format;
}

/** For display only: "$1,234.50". Formats the exact decimal string, never a float sum. */
export function formatMoney(text: string, currency: string | null): string {
  return formatFor(currency).format(text as unknown as number);
}
