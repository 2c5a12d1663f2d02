/** Field schemas shared by several channels, with messages a restaurant manager can act on. */
import { z } from 'zod';
import { centsFromMoney, MAX_UNIT_COST_CENTS } from '../money';
import { MAX_QUANTITY_MILLI, milliFromQuantity } from '../quantity';

export const id = z.uuid({ error: 'Must be an id' });
export const isoTime = z.string().max(40);

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

export const requiredText = (label: string, max: number) => text(label, max).min(1, `${label} is required`);

export const username = z
  .string({ error: 'Username must be text' })
  .trim()
  .min(3, 'Username must be at least 3 characters')
  .max(40, 'Username must be at most 40 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'Username may use letters, digits, dot, dash and underscore');

export const email = z
  .string({ error: 'Email must be text' })
  .trim()
  .max(254, 'Email is too long')
  .pipe(z.email({ error: 'Enter a valid email address' }));

/** Long enough to resist guessing, short enough for bcrypt (72 bytes). */
export const newPassword = z
  .string({ error: 'Password must be text' })
  .min(10, 'Password must be at least 10 characters')
  .refine((value) => new TextEncoder().encode(value).length <= 72, 'Password must be at most 72 bytes');

export const password = z.string({ error: 'Password must be text' }).min(1, 'Password is required').max(1024);

export const money = z
  .string({ error: 'Must be an amount like 12.50' })
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, {
    error: 'Must be an amount like 12.50 (two decimals at most)',
    // A failed format must stop here: the size check below parses the text and would throw.
    abort: true,
  })
  .refine((value) => centsFromMoney(value) <= MAX_UNIT_COST_CENTS, 'Amount is too large');

const decimalQuantity = (signed: boolean) =>
  z
    .string({ error: 'Must be a number like 2.5' })
    .trim()
    .regex(signed ? /^-?\d{1,12}(\.\d{1,3})?$/ : /^\d{1,12}(\.\d{1,3})?$/, {
      error: signed
        ? 'Must be a number like 2.5 or -1 (three decimals at most)'
        : 'Must be a number like 2.5 (three decimals at most)',
      abort: true,
    })
    .refine((value) => Math.abs(milliFromQuantity(value)) <= MAX_QUANTITY_MILLI, 'Quantity is too large');

export const quantity = decimalQuantity(false);
export const signedQuantity = decimalQuantity(true);

export const produceList = z
  .array(requiredText('Produce name', 80), { error: 'Must be a list of names' })
  .max(500, 'At most 500 names');

export const empty = z.strictObject({});
