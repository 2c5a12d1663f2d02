/** Quantities: decimal strings with at most three places, stored as integer thousandths ("milli"). */
import { formatScaled, parseScaled } from './decimal';
import type { MovementReason } from './domain';

export const QUANTITY_SCALE = 3;
/** A billion units of anything is a typo, and keeps every sum a safe integer. */
export const MAX_QUANTITY_MILLI = 999_999_999_999;

export const milliFromQuantity = (text: string): number => Number(parseScaled(text, QUANTITY_SCALE));
export const quantityFromMilli = (milli: bigint | number): string => formatScaled(milli, QUANTITY_SCALE, 0);

/**
 * How each reason's amount is signed: a delivery adds, usage and waste take away, a correction goes
 * either way, a count is the level found on the shelf. The contract, the adjust form, rows pulled
 * from the server and the server's CHECK on stock_movements all follow this table.
 */
export const MOVEMENT_SIGNS = {
  delivery: 'adds',
  usage: 'takes',
  waste: 'takes',
  correction: 'either',
  count: 'level',
} as const satisfies Record<MovementReason, 'adds' | 'takes' | 'either' | 'level'>;

/** A count replaces what is on hand; every other reason moves it. */
export const setsLevel = (reason: MovementReason): boolean => MOVEMENT_SIGNS[reason] === 'level';

/** Why `milli` does not suit the reason, in words for the person who typed it; null when it does. */
export function movementQuantityProblem(reason: MovementReason, milli: number): string | null {
  const sign = MOVEMENT_SIGNS[reason];
  if (sign === 'level') return milli < 0 ? 'A count cannot be negative' : null;
  if (milli === 0) return 'Enter a change other than zero.';
  if (sign === 'adds' && milli < 0) return 'A delivery adds stock: enter a positive amount';
  if (sign === 'takes' && milli > 0)
    return `${reason.charAt(0).toUpperCase()}${reason.slice(1)} takes stock away: enter a negative amount`;
  return null;
}
