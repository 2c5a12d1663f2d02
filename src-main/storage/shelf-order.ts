/**
 * Places in an order as fractional-indexing keys: a move writes the one moved row, with a key
 * between its new neighbours', so two computers moving different rows never touch each other's.
 */
import { generateKeyBetween } from 'fractional-indexing';

/**
 * The key of a row moved to `toIndex` of `keys` (the order without it). Where two computers gave
 * neighbours the same key, no key fits between them: the row goes beside the run of equal keys.
 */
export function keyAt(keys: readonly string[], toIndex: number): string {
  const index = Math.min(Math.max(toIndex, 0), keys.length);
  const lower = keys[index - 1] ?? null;
  const upper = keys.slice(index).find((key) => lower === null || key > lower) ?? null;
  return generateKeyBetween(lower, upper);
}

/** A key after every one given: the end of the order. */
export const keyAfter = (keys: readonly string[]): string => keyAt(keys, keys.length);

/** Whether a key (as the server sent it) is one fractional indexing can place others beside. */
export function isOrderKey(key: string): boolean {
  if (!/^[A-Za-z][0-9A-Za-z]{0,199}$/.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}
