/**
 * Count sessions: a count of the kitchen, the bar or both (full, or of chosen storage areas and
 * categories), counted storage area by storage area in shelf order by one or several people, each
 * on their own computer. Entries are append-only (a correction is a new entry, an undo a void);
 * the manager reviews the variance, settles conflicts, and approves (one count movement per item)
 * or abandons it. See docs/decisions for how a count's lines are placed in time.
 */
import { z } from 'zod';
import { AREAS } from '../domain';
import { countUnitSchema } from './count-units';
import * as f from './fields';

const area = z.enum(AREAS, { error: 'Area must be kitchen or bar' });
const countId = z.strictObject({ countId: f.id });
/** Lines of a count are in a storage area, or on no shelf at all (null). */
const storageAreaId = f.id.nullable();

export const COUNT_STATUSES = ['open', 'submitted', 'approved', 'abandoned'] as const;
export type CountStatus = (typeof COUNT_STATUSES)[number];
/** `set`: the level found; `add`: more found on the same line ("+2"); `settle`: a manager settles a conflict. */
export const ENTRY_KINDS = ['set', 'add', 'settle'] as const;

const person = z.object({ id: f.id, name: z.string() });
const progress = z.object({ counted: z.number().int(), total: z.number().int() });

export const countSummarySchema = z.object({
  id: f.id,
  areas: z.array(z.enum(AREAS)),
  scope: z.enum(['full', 'partial']),
  storageAreaIds: z.array(f.id),
  /** Names of the chosen storage areas, in order (empty for a full count). */
  storageAreaNames: z.array(z.string()),
  categories: z.array(z.string()),
  /** The time the count is as of; null: each line as of when it was counted. */
  asOf: f.isoTime.nullable(),
  blind: z.boolean(),
  status: z.enum(COUNT_STATUSES),
  startedBy: person,
  startedAt: f.isoTime,
  submittedAt: f.isoTime.nullable(),
  /** Who approved or abandoned it, and when. */
  closedBy: person.nullable(),
  closedAt: f.isoTime.nullable(),
  /** Items counted of the items listed. */
  progress,
});
export type CountSummary = z.infer<typeof countSummarySchema>;

/** One part of a line as typed: "2" cases, "5" bottles, "0.3" (of the stock unit). */
const partSchema = z.strictObject({
  unit: f.typedText('countUnitName'),
  amount: f.quantity,
});

export const countEntrySchema = z.object({
  id: f.id,
  itemId: f.id,
  storageAreaId,
  kind: z.enum(ENTRY_KINDS),
  quantity: z.string(),
  parts: z.array(z.object({ unit: z.string(), amount: z.string() })),
  countedBy: person,
  /** The computer it was entered on. */
  deviceId: f.id,
  recordedAt: f.isoTime,
  occurredAt: f.isoTime,
  /** Undone (Ctrl+Z): kept, and no longer counted. */
  voided: z.boolean(),
});
export type CountEntry = z.infer<typeof countEntrySchema>;

/** A line: one item in one storage area, as this computer knows it now. */
export const countLineSchema = z.object({
  itemId: f.id,
  storageAreaId,
  /** What the person asking counted on this line; null: not yet. */
  mine: z.string().nullable(),
  /** The line's quantity; null while uncounted or in conflict. */
  counted: z.string().nullable(),
  /** Two people counted this item here and disagree: a manager settles it in review. */
  conflict: z.boolean(),
  /** The reviewer asked for this line to be counted again. */
  recount: z.boolean(),
});
export type CountLine = z.infer<typeof countLineSchema>;

export const sheetItemSchema = countLineSchema.extend({
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  countUnits: z.array(countUnitSchema),
  /** The expected on-hand; null in a blind count for counters (never for owners and managers). */
  expected: z.string().nullable(),
  /** Listed in this storage area by the count (false: counted here though not on its shelf). */
  listed: z.boolean(),
});
export type SheetItem = z.infer<typeof sheetItemSchema>;

export const countSheetSchema = z.object({
  count: countSummarySchema,
  /** Each storage area of the count in order, its items in shelf order; `storageAreaId` null: on no shelf. */
  storageAreas: z.array(z.object({ storageAreaId, name: z.string(), items: z.array(sheetItemSchema), progress })),
  entries: z.array(countEntrySchema),
});
export type CountSheet = z.infer<typeof countSheetSchema>;

export const FLAG_KINDS = ['under-half', 'over-twice', 'ten-times'] as const;
const flagSchema = z.object({ kind: z.enum(FLAG_KINDS), against: z.enum(['expected', 'last count']) });

const reviewLine = z.object({
  storageAreaId,
  storageAreaName: z.string(),
  counted: z.string().nullable(),
  /** Each counter's line where two disagree (a conflict); empty otherwise. */
  conflict: z.array(z.object({ countedBy: person, quantity: z.string() })),
});

export const reviewItemSchema = z.object({
  itemId: f.id,
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  unitCost: z.string(),
  /** On hand as of the item's time in this count (the count's as-of, or its first line). */
  expected: z.string(),
  /** The sum of its lines; null while a line is in conflict. */
  counted: z.string().nullable(),
  variance: z.string().nullable(),
  varianceValue: z.string().nullable(),
  lastCount: z.string().nullable(),
  /** When the item's count is placed: the count's as-of time, or the item's first line. */
  countedAt: f.isoTime,
  flags: z.array(flagSchema),
  lines: z.array(reviewLine),
  /** Stock recorded between the item's first and last lines (docs/decisions: taken as after the count). */
  changedBetweenLines: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const countReviewSchema = z.object({
  count: countSummarySchema,
  /** Counted items by the money their variance is worth, largest first. */
  items: z.array(reviewItemSchema),
  uncounted: z.array(
    z.object({
      itemId: f.id,
      name: z.string(),
      unit: z.string(),
      expected: z.string(),
      expectedValue: z.string(),
    }),
  ),
  conflicts: z.number().int(),
  varianceValue: z.string(),
});
export type CountReview = z.infer<typeof countReviewSchema>;

const usageItem = z.object({
  itemId: f.id,
  name: z.string(),
  unit: z.string(),
  opening: z.string(),
  deliveries: z.string(),
  waste: z.string(),
  /** Corrections between the two counts, signed. */
  corrections: z.string(),
  closing: z.string(),
  /** opening + deliveries + corrections − waste − closing. */
  usage: z.string(),
  usageValue: z.string(),
  /** What was recorded as usage meanwhile, for comparison. */
  recordedUsage: z.string(),
});

export const countUsageSchema = z.object({
  /** The approved count it runs from; null when none came before. */
  since: countSummarySchema.nullable(),
  items: z.array(usageItem),
  usageValue: z.string(),
});
export type CountUsage = z.infer<typeof countUsageSchema>;

const lineKey = z.strictObject({ itemId: f.id, storageAreaId });

const startInput = z
  .strictObject({
    areas: z
      .array(area)
      .min(1, 'Choose the kitchen, the bar or both')
      .max(2)
      .default([...AREAS]),
    scope: z.enum(['full', 'partial'], { error: 'Scope must be full or partial' }),
    storageAreaIds: z.array(f.id).max(200).default([]),
    categories: z.array(f.typedText('category').min(1, 'Category is required')).max(200).default([]),
    /** As of a time (last night's close), or null: each line as of when it is counted. */
    asOf: f.happenedAt.nullable().default(null),
    blind: z.boolean({ error: 'Blind must be true or false' }).default(false),
  })
  .refine((input) => input.scope === 'full' || input.storageAreaIds.length + input.categories.length > 0, {
    path: ['storageAreaIds'],
    message: 'A partial count needs at least one storage area or category',
  });

export const countsChannels = {
  /** Every count of the restaurant, newest first. */
  'counts.list': { input: f.empty, output: z.object({ counts: z.array(countSummarySchema) }) },
  'counts.start': { input: startInput, output: countSummarySchema },
  'counts.get': { input: countId, output: countSheetSchema },
  /** Saved (committed on this computer) before it answers. */
  'counts.enter': {
    input: z.strictObject({
      countId: f.id,
      itemId: f.id,
      storageAreaId,
      quantity: f.quantity,
      parts: z.array(partSchema).max(12, 'At most 12 parts on one line').default([]),
      kind: z.enum(['set', 'add'], { error: 'Kind must be set or add' }).default('set'),
    }),
    output: z.object({ entry: countEntrySchema, line: countLineSchema }),
  },
  /** Ctrl+Z: voids an entry (kept, no longer counted). */
  'counts.undoEntry': {
    input: z.strictObject({ countId: f.id, entryId: f.id }),
    output: z.object({ line: countLineSchema }),
  },
  'counts.submit': { input: countId, output: countSummarySchema },
  'counts.review': { input: countId, output: countReviewSchema },
  /** A manager settles a conflict (or any line) at a quantity. */
  'counts.settle': {
    input: z.strictObject({ countId: f.id, itemId: f.id, storageAreaId, quantity: f.quantity }),
    output: z.object({ line: countLineSchema }),
  },
  /** Asks for lines to be counted again: the count opens again for them. */
  'counts.requestRecount': {
    input: z.strictObject({ countId: f.id, lines: z.array(lineKey).min(1, 'Choose a line to recount').max(5000) }),
    output: countSummarySchema,
  },
  'counts.approve': {
    input: z.strictObject({
      countId: f.id,
      /** For uncounted items of a full count: keep the expected level (the default) or set it to zero. */
      decisions: z
        .array(z.strictObject({ itemId: f.id, decision: z.enum(['keep', 'zero'], { error: 'Keep or zero' }) }))
        .max(100_000)
        .default([]),
    }),
    output: z.object({ count: countSummarySchema, movements: z.number().int() }),
  },
  'counts.abandon': { input: countId, output: countSummarySchema },
  /** Usage per item between this approved count and the one before it (or `sinceCountId`). */
  'counts.usage': {
    input: z.strictObject({ countId: f.id, sinceCountId: f.id.optional() }),
    output: countUsageSchema,
  },
} as const;
