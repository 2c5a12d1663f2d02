/** Quantities: decimal strings with at most three places, stored as integer thousandths ("milli"). */
import { formatScaled, parseScaled } from './decimal';

export const QUANTITY_SCALE = 3;
/** A billion units of anything is a typo, and keeps every sum a safe integer. */
export const MAX_QUANTITY_MILLI = 999_999_999_999;

export const milliFromQuantity = (text: string): number => Number(parseScaled(text, QUANTITY_SCALE));
export const quantityFromMilli = (milli: bigint | number): string => formatScaled(milli, QUANTITY_SCALE, 0);
