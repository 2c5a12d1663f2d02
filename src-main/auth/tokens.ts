/** Random secrets (session tokens, reset codes) and the hashes that are all the store keeps of them. */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 256 random bits, URL-safe. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** No 0/O or 1/I/L: a code read aloud over the phone must survive it. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** "K7QM-3XPD": 8 characters (~40 bits); single use, one hour, throttled. */
export function newResetCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Users type codes in any case, with or without the dash. */
export const normaliseResetCode = (code: string): string => code.toUpperCase().replace(/[^0-9A-Z]/g, '');
