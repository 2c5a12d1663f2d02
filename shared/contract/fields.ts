/**
 * Field schemas shared by several channels, with messages a restaurant manager can act on.
 * The limits here are the only copy: the contract checks what a person types with them, sync checks
 * rows pulled from the server with them (`stored*`: the same rules, without trimming what the server
 * holds), and the server's CHECK constraints must agree (src-main/central/limits.test.ts).
 */
import { z } from 'zod';
import { isCurrency } from '../currency';
import type { MovementReason } from '../domain';
import { centsFromMoney, MAX_UNIT_COST_CENTS, MONEY_SCALE } from '../money';
import { MAX_QUANTITY_MILLI, milliFromQuantity, movementQuantityProblem, QUANTITY_SCALE } from '../quantity';
import { type DecimalRule, decimalProblem } from './decimal-rules';

export const id = z.uuid({ error: 'Must be an id' });
export const isoTime = z.string().max(40);

/** The earliest time a movement can have happened: clocks reset to a factory date claim earlier. */
export const EARLIEST_MOVEMENT = '2020-01-01T00:00:00.000Z';

/**
 * When something happened, given as a time with its offset or in UTC ("2026-12-02T07:00:00+01:00"),
 * read back as the same instant everywhere: UTC to the millisecond, as every computer orders by.
 */
export const happenedAt = z
  .string({ error: 'When it happened must be a date and time' })
  .max(40, 'When it happened must be a date and time')
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'When it happened must be a date and time',
  )
  .transform((text) => new Date(text))
  .refine((date) => !Number.isNaN(date.getTime()), 'When it happened must be a real date and time')
  .transform((date) => date.toISOString())
  .refine((iso) => iso >= EARLIEST_MOVEMENT, 'When it happened cannot be before 2020');

/** What a restaurant's people type, in characters; `required`: at least one. */
export const TEXT_FIELDS = {
  restaurantName: { label: 'Restaurant name', max: 120, required: true },
  restaurantType: { label: 'Restaurant type', max: 40, required: true },
  fullName: { label: 'Full name', max: 120, required: true },
  position: { label: 'Position', max: 80, required: false },
  produceName: { label: 'Produce name', max: 80, required: true },
  itemName: { label: 'Name', max: 120, required: true },
  category: { label: 'Category', max: 60, required: false },
  supplier: { label: 'Supplier', max: 120, required: false },
  unit: { label: 'Unit', max: 20, required: true },
  storageAreaName: { label: 'Storage area name', max: 60, required: true },
  countUnitName: { label: 'Count unit', max: 20, required: true },
  note: { label: 'Note', max: 500, required: false },
} as const;
export type TextField = keyof typeof TEXT_FIELDS;
/** Fields typed in a box of several lines: they keep newlines and tabs. */
const MULTILINE: ReadonlySet<TextField> = new Set(['note']);

export const USERNAME = { min: 3, max: 40, pattern: /^[A-Za-z0-9._-]+$/ } as const;
export const EMAIL_MAX = 254;
/** How many names one produce list holds. */
export const PRODUCE_NAMES_MAX = 500;

/**
 * At most `max` characters as the server's length() counts them: an emoji is one, where a string's
 * length would count two.
 */
const fitsIn = (max: number) => (value: string) => value.length <= max || [...value].length <= max;

/**
 * No control characters (a NUL the server cannot store, an escape that redraws a screen) and no
 * half of a character (a lone surrogate): text every computer and the server hold alike. Regular
 * expressions, not a loop over the characters: every text field of every listed item passes here.
 */
const NOT_PLAIN = /[\p{Cc}\p{Cs}]/u;
/** The same, allowing tab and newline. */
const NOT_PLAIN_MULTILINE = /[^\P{Cc}\t\n]|\p{Cs}/u;

const isPlainText = (value: string, multiline: boolean): boolean =>
  !(multiline ? NOT_PLAIN_MULTILINE : NOT_PLAIN).test(value);

/** `trim`: what a person typed loses its outer spaces; what the server holds is read as it is. */
function textOf(label: string, max: number, trim: boolean, multiline = false) {
  const base = z.string({ error: `${label} must be text` });
  return (trim ? base.trim() : base)
    .refine(fitsIn(max), `${label} must be at most ${max} characters`)
    .refine(
      (value) => isPlainText(value, multiline),
      `${label} holds a character that cannot be saved (a control character or a broken one)`,
    );
}

export const text = (label: string, max: number) => textOf(label, max, true);
export const requiredText = (label: string, max: number) => text(label, max).min(1, `${label} is required`);

function textField(name: TextField, trim: boolean) {
  const { label, max, required } = TEXT_FIELDS[name];
  const schema = textOf(label, max, trim, MULTILINE.has(name));
  return required ? schema.min(1, `${label} is required`) : schema;
}
/** One of TEXT_FIELDS as a person types it. */
export const typedText = (name: TextField) => textField(name, true);
/** One of TEXT_FIELDS as the server holds it. */
export const storedText = (name: TextField) => textField(name, false);

const usernameOf = (trim: boolean) => {
  const base = z.string({ error: 'Username must be text' });
  return (trim ? base.trim() : base)
    .min(1, { error: 'Username is required', abort: true })
    .min(USERNAME.min, `Username must be at least ${USERNAME.min} characters`)
    .max(USERNAME.max, `Username must be at most ${USERNAME.max} characters`)
    .regex(USERNAME.pattern, 'Username may use letters, digits, dot, dash and underscore');
};
export const username = usernameOf(true);
export const storedUsername = usernameOf(false);

export const email = z
  .string({ error: 'Email must be text' })
  .trim()
  .refine(fitsIn(EMAIL_MAX), 'Email is too long')
  .pipe(z.email({ error: 'Enter a valid email address' }));
/** The server holds any address with an @ after its first character (older data included). */
export const storedEmail = z
  .string({ error: 'Email must be text' })
  .refine(fitsIn(EMAIL_MAX), 'Email is too long')
  .regex(/^.+@/, 'Enter a valid email address');

/** Long enough to resist guessing, short enough for bcrypt (72 bytes). */
export const newPassword = z
  .string({ error: 'Password must be text' })
  .min(10, 'Password must be at least 10 characters')
  .refine((value) => new TextEncoder().encode(value).length <= 72, 'Password must be at most 72 bytes');

export const password = z.string({ error: 'Password must be text' }).min(1, 'Password is required').max(1024);

/** A decimal that follows `rule`, each mistake named by what is wrong with it. */
function decimalOf(rule: DecimalRule, trim: boolean) {
  const base = z.string({ error: `Must be ${rule.example}` });
  return (trim ? base.trim() : base).superRefine((value, context) => {
    const problem = decimalProblem(value, rule);
    // A failed format must stop there: rules after it (a movement's sign) parse the text and would throw.
    if (problem) context.addIssue({ code: 'custom', message: problem, continue: false });
  });
}

const MONEY_RULE: DecimalRule = {
  decimals: MONEY_SCALE,
  wholeDigits: 8,
  signed: false,
  largest: '99,999,999.99',
  fits: (value) => centsFromMoney(value) <= MAX_UNIT_COST_CENTS,
  example: 'an amount like 12.50',
};
const quantityRule = (signed: boolean): DecimalRule => ({
  decimals: QUANTITY_SCALE,
  wholeDigits: 12,
  signed,
  largest: '999,999,999.999',
  fits: (value) => Math.abs(milliFromQuantity(value)) <= MAX_QUANTITY_MILLI,
  example: signed ? 'a number like 2.5 or -1' : 'a number like 2.5',
});

export const money = decimalOf(MONEY_RULE, true);
export const storedMoney = decimalOf(MONEY_RULE, false);
export const quantity = decimalOf(quantityRule(false), true);
export const signedQuantity = decimalOf(quantityRule(true), true);
export const storedQuantity = decimalOf(quantityRule(false), false);
export const storedSignedQuantity = decimalOf(quantityRule(true), false);

/** The sign rule (MOVEMENT_SIGNS) on a movement whose quantity is already well formed. */
export function checkMovementSign(movement: { reason: MovementReason; quantity: string }, context: z.RefinementCtx) {
  const problem = movementQuantityProblem(movement.reason, milliFromQuantity(movement.quantity));
  if (problem) context.addIssue({ code: 'custom', path: ['quantity'], message: problem });
}

const produceListOf = (name: z.ZodString) =>
  z.array(name, { error: 'Must be a list of names' }).max(PRODUCE_NAMES_MAX, `At most ${PRODUCE_NAMES_MAX} names`);
export const produceList = produceListOf(typedText('produceName'));
export const storedProduceList = produceListOf(storedText('produceName'));

/** The restaurant's currency, chosen from the list of ISO 4217 codes (EUR, USD, …). */
export const currency = z
  .string({ error: 'Currency must be text' })
  .refine(isCurrency, 'Choose a currency from the list, such as EUR or USD');
/** As the server or the store holds it: a well-formed code, or none chosen yet. */
export const storedCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'A currency is a three-letter code')
  .nullable();

export const empty = z.strictObject({});
