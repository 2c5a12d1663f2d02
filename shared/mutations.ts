/**
 * Mutations: the named changes a computer appends to its outbox in the same transaction as each
 * local write, and pushes to the central server, whose `kg.apply_mutation` dispatches on the same
 * names (a test keeps the two sets equal). Each name has one shape of arguments.
 *
 * The schemas check shape, not values: the contract checked the values when they were entered and
 * the server judges them again, so a row read back from the outbox is refused only if this
 * computer could not even say what it was.
 */
import { z } from 'zod';
import { restaurantSchema, userProfileSchema } from './contract/auth';
import * as f from './contract/fields';
import { AREAS, MOVEMENT_REASONS } from './domain';

/** Money in cents, quantities in thousandths: whole numbers, as the stores keep them. */
const whole = z.number().int();

/** A team member as the outbox carries them: the profile and standing, never a password hash. */
const teamMemberArgs = userProfileSchema
  .omit({ lastLoginAt: true })
  .extend({ restaurantId: f.id, isActive: z.boolean() });

const itemFields = z.object({
  name: z.string(),
  category: z.string(),
  supplier: z.string(),
  unit: z.string(),
  unitCostCents: whole,
  parMilli: whole.nullable(),
});

/**
 * A delivery, usage, waste, correction or count, with who recorded it and when (`at`, this computer's
 * clock), and when it happened with the clock offset that time was corrected by (changes queued
 * before these existed have neither: they happened when they were recorded).
 */
const movementArgs = z.object({
  id: f.id,
  restaurantId: f.id,
  itemId: f.id,
  reason: z.enum(MOVEMENT_REASONS),
  quantityMilli: whole,
  note: z.string(),
  by: f.id,
  at: f.isoTime,
  occurredAt: f.isoTime.optional(),
  clockOffsetMs: whole.nullable().optional(),
});

/** A place in shelf order: a fractional-indexing key, compared as plain text (code points). */
const position = z.string();

const countUnitArgs = z.object({ name: z.string(), size: z.string(), step: z.string().nullable() });

/** A count line's entry: who, when it happened (on the server's clock as this computer knew it). */
const countEntryArgs = z.object({
  id: f.id,
  countId: f.id,
  itemId: f.id,
  storageAreaId: f.id.nullable(),
  /** `void`: undoes the entry `voids` (append-only: the entry stays). */
  kind: z.enum(['set', 'add', 'settle', 'void']),
  quantityMilli: whole,
  parts: z.array(z.object({ unit: z.string(), amount: z.string() })),
  voids: f.id.nullable(),
  by: f.id,
  at: f.isoTime,
  occurredAt: f.isoTime,
  clockOffsetMs: whole.nullable(),
});

/** What an approval posts per item: a count movement (`movementId`) at `occurredAt`. */
const countResultArgs = z.object({
  itemId: f.id,
  movementId: f.id,
  quantityMilli: whole,
  occurredAt: f.isoTime,
  decision: z.enum(['counted', 'zero']),
});

const countLineArgs = z.object({ itemId: f.id, storageAreaId: f.id.nullable() });

const mutation = <N extends string, A extends z.ZodType>(name: N, args: A) => z.object({ name: z.literal(name), args });

export const mutationSchema = z.discriminatedUnion('name', [
  // Kept as it was first written: the currency is set apart from it.
  mutation('restaurant.create', restaurantSchema.omit({ currency: true })),
  mutation('user.create', teamMemberArgs),
  mutation('user.update', teamMemberArgs),
  mutation('item.create', itemFields.extend({ id: f.id, restaurantId: f.id, area: z.enum(AREAS) })),
  /** Only the fields that changed: edits are last-writer-wins per field. */
  mutation('item.update', itemFields.partial().extend({ id: f.id })),
  mutation('item.delete', z.object({ id: f.id })),
  mutation('movement.record', movementArgs),
  mutation(
    'storageArea.create',
    z.object({ id: f.id, restaurantId: f.id, area: z.enum(AREAS), name: z.string(), position }),
  ),
  /** Only the fields that changed, as for items. */
  mutation(
    'storageArea.update',
    z.object({
      id: f.id,
      name: z.string().optional(),
      position: position.optional(),
      archived: z.boolean().optional(),
    }),
  ),
  /** Puts an item on a shelf or moves it there: one placement row, whoever else moves other ones. */
  mutation('shelf.place', z.object({ storageAreaId: f.id, itemId: f.id, position })),
  mutation('shelf.remove', z.object({ storageAreaId: f.id, itemId: f.id })),
  /** The item's whole list of count units: the last one the server receives wins. */
  mutation('countUnits.set', z.object({ itemId: f.id, units: z.array(countUnitArgs) })),
  mutation(
    'count.start',
    z.object({
      id: f.id,
      restaurantId: f.id,
      areas: z.array(z.enum(AREAS)),
      scope: z.enum(['full', 'partial']),
      storageAreaIds: z.array(f.id),
      categories: z.array(z.string()),
      asOf: f.isoTime.nullable(),
      blind: z.boolean(),
      by: f.id,
      at: f.isoTime,
    }),
  ),
  mutation('count.enter', countEntryArgs),
  mutation('count.submit', z.object({ countId: f.id, at: f.isoTime })),
  /** Opens a submitted count again, for the lines asked to be recounted. */
  mutation('count.reopen', z.object({ countId: f.id, recount: z.array(countLineArgs), at: f.isoTime })),
  /**
   * Approves once: the server takes the first approval it receives, with its count movements, and
   * refuses any other (and one that did not see every entry the server holds: `entriesSeen`).
   */
  mutation(
    'count.approve',
    z.object({ countId: f.id, at: f.isoTime, entriesSeen: whole, results: z.array(countResultArgs) }),
  ),
  mutation('count.abandon', z.object({ countId: f.id, at: f.isoTime })),
]);

export type Mutation = z.infer<typeof mutationSchema>;
export type MutationName = Mutation['name'];
export type MutationArgs<N extends MutationName> = Extract<Mutation, { name: N }>['args'];

export const MUTATION_NAMES: readonly MutationName[] = mutationSchema.options.map((option) => option.shape.name.value);

/**
 * Made only on a computer without a central server. Joining one uploads the restaurant and its
 * people instead and drops these from the outbox, so the server never receives them.
 */
export const LOCAL_ONLY_MUTATIONS: readonly MutationName[] = ['restaurant.create', 'user.create'];

/** For a switch over mutation names: adding a mutation fails to compile until every switch handles it. */
export function unhandledMutation(mutation: never): never {
  throw new Error(`Unhandled mutation ${(mutation as Mutation).name}`);
}
