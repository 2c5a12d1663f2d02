/**
 * Exact arithmetic on the core's decimal strings: scaled bigints, never binary floats.
 * Used to compare levels, sum the value of what is shown, and preview an adjustment.
 */
import type { Item } from '../../../shared/contract/inventory';
import { formatScaled, parseScaled } from '../../../shared/decimal';
import type { MovementReason } from '../../../shared/domain';
import { MONEY_SCALE } from '../../../shared/money';
import { MOVEMENT_SIGNS, movementQuantityProblem, QUANTITY_SCALE, setsLevel } from '../../../shared/quantity';

const milli = (text: string): bigint => parseScaled(text, QUANTITY_SCALE);
const cents = (text: string): bigint => parseScaled(text, MONEY_SCALE);
const sign = (difference: bigint): number => (difference > 0n ? 1 : difference < 0n ? -1 : 0);

export const compareQuantity = (a: string, b: string): number => sign(milli(a) - milli(b));
export const compareMoney = (a: string, b: string): number => sign(cents(a) - cents(b));

export type StockLevel = 'negative' | 'below-par' | 'ok';

/** Negative stock (usage booked before its delivery) first, then what must be ordered. */
export const stockLevel = perItem((item: Pick<Item, 'onHand' | 'par'>): StockLevel => {
  const onHand = milli(item.onHand);
  if (onHand < 0n) return 'negative';
  if (item.par !== null && onHand < milli(item.par)) return 'below-par';
  return 'ok';
});

/**
 * A figure worked out once per item and remembered with it: the cached list keeps unchanged items
 * as the same objects, so each keystroke of a search reuses what the last one worked out.
 */
export function perItem<I extends object, T>(workOut: (item: I) => T): (item: I) => T {
  const known = new WeakMap<I, T>();
  return (item) => {
    if (!known.has(item)) known.set(item, workOut(item));
    return known.get(item) as T;
  };
}

const valueCents = perItem((item: Item) => cents(item.stockValue));

/** The value of the items shown, summed exactly from each item's value. */
export const sumStockValue = (items: readonly Item[]): string =>
  formatScaled(
    items.reduce((total, item) => total + valueCents(item), 0n),
    MONEY_SCALE,
  );

/**
 * What the core expects for a reason, from what was typed: a delivery adds the amount, usage and
 * waste subtract it (whatever sign was typed), a correction is signed, a count is the level found.
 * A minus typed for a delivery is kept, so the contract refuses it with a message: "-3" received
 * is a mistake to point out, never +3 saved without a word.
 */
export function signedChange(reason: MovementReason, amount: string): string {
  const sign = MOVEMENT_SIGNS[reason];
  if (sign === 'either' || sign === 'level') return amount;
  if (sign === 'adds') return amount.replace(/^\+/, '');
  const magnitude = amount.replace(/^[+-]/, '');
  return magnitude === '' ? '' : `-${magnitude}`;
}

/** The level after the adjustment, or null while the amount is not a valid change for the reason. */
export function levelAfter(onHand: string, reason: MovementReason, change: string): string | null {
  try {
    const moved = milli(change);
    if (movementQuantityProblem(reason, Number(moved))) return null;
    return formatScaled(setsLevel(reason) ? moved : milli(onHand) + moved, QUANTITY_SCALE, 0);
  } catch {
    return null;
  }
}

/** Whether an adjustment takes the level below zero (it may be right: usage booked before its delivery). */
export const goesNegative = (onHand: string, after: string | null): boolean =>
  after !== null && milli(after) < 0n && milli(after) < milli(onHand);
