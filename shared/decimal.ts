/**
 * Exact decimals for money and quantities. Values travel as decimal strings ("12.50", "-3.250")
 * and are stored as scaled integers (cents, thousandths), so no binary float ever does arithmetic.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "12.5" at scale 2 → 1250n. Throws on malformed text or more fraction digits than the scale. */
export function parseScaled(text: string, scale: number): bigint {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`Not a decimal number: "${text}"`);
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > scale) throw new RangeError(`At most ${scale} decimal places: "${text}"`);
  const digits = BigInt(whole + fraction.padEnd(scale, '0'));
  return minus ? -digits : digits;
}

/** 1250n at scale 2 → "12.50"; trailing zeros beyond `minFraction` are dropped. */
export function formatScaled(value: bigint | number, scale: number, minFraction = scale): string {
  // A safe integer formats as it is (the stock list formats 20,000 rows at once); anything else as a bigint.
  const exact = typeof value === 'number' && Number.isSafeInteger(value) ? value : BigInt(value);
  const negative = exact < 0;
  const digits = (negative ? -exact : exact).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  while (fraction.length > minFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const sign = negative ? '-' : '';
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** Integer division rounding half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice < (denominator < 0n ? -denominator : denominator)) return quotient;
  return numerator < 0n !== denominator < 0n ? quotient - 1n : quotient + 1n;
}

/** `divideRounded` for safe integers (a positive denominator), without bigints. */
export function divideRoundedSafe(numerator: number, denominator: number): number {
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  if (Math.abs(remainder) * 2 < denominator) return quotient;
  return numerator < 0 ? quotient - 1 : quotient + 1;
}
