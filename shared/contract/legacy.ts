/**
 * "Bring over from the old KitchenGuard", on the sign-in screen of a computer without a central
 * server: the old server's address and database login, then the person's own old username and
 * password. `legacy.preview` shows what importing their restaurant would do; `legacy.import` does it,
 * saves the report as a file and signs them in. The same input for both: nothing is kept between.
 */
import { z } from 'zod';
import { sessionViewSchema } from './auth';
import { connectionFields, host, identifier, port } from './central';
import * as f from './fields';

export const legacyInput = z.strictObject({
  host,
  port: port.default(5432),
  authDatabase: identifier('Auth database').default('kitchenguard_auth'),
  inventoryDatabase: identifier('Inventory database').default('kitchenguard_inventory'),
  /** The old server's database login (read-only is enough). */
  user: identifier('Database user'),
  password: z
    .string({ error: 'Database password must be text' })
    .min(1, 'Database password is required')
    .max(1024, 'Database password is too long'),
  /** Path of the CA bundle (.pem) that signed the old server's certificate. */
  caFile: connectionFields.caFile,
  /** The person's own old username or e-mail, as they signed in to the old KitchenGuard. */
  login: f.requiredText('Old username or email', f.EMAIL_MAX),
  oldPassword: z
    .string({ error: 'Old password must be text' })
    .min(1, 'Old password is required')
    .max(1024, 'Old password is too long'),
  /**
   * The money of a restaurant brought over now (the old KitchenGuard had no currency), chosen at the
   * preview; one brought over before keeps its own. Without one, money shows without a sign until
   * an owner or a manager chooses it in Settings.
   */
  currency: f.currency.optional(),
});
export type LegacyInput = z.input<typeof legacyInput>;

const outcome = z.enum(['imported', 'merged', 'updated', 'unchanged', 'kept', 'skipped', 'dropped']);

/** One old row and what becomes (or became) of it, with every value changed on the way and why. */
export const legacyDecisionSchema = z.object({
  /** "kitchen_produce 12", "users 3". */
  row: z.string(),
  outcome,
  /** In words: "kitchen item "Tomatoes" (kg)". */
  became: z.string(),
  notes: z.array(z.string()),
});
export type LegacyDecision = z.infer<typeof legacyDecisionSchema>;

const writtenSchema = z.object({
  restaurants: z.number(),
  users: z.number(),
  items: z.number(),
  stock_movements: z.number(),
  updated: z.number(),
});

export const legacyPreviewSchema = z.object({
  restaurant: z.object({
    name: z.string(),
    type: z.string(),
    /** Brought over to this computer before: a run now brings only what changed since. */
    importedBefore: z.boolean(),
  }),
  users: z.array(
    z.object({
      /** The username they sign in with here (the old one, unless it had to change). */
      username: z.string(),
      email: z.string(),
      fullName: z.string(),
      role: z.enum(['owner', 'manager']),
      isActive: z.boolean(),
    }),
  ),
  kitchenItems: z.number(),
  barItems: z.number(),
  /** Rows merged, renamed, cleaned, kept or not imported: each with why. Rows imported as they were are not listed. */
  decisions: z.array(legacyDecisionSchema),
  /** Old rows by outcome. */
  outcomes: z.partialRecord(outcome, z.number()),
  /** What importing now writes on this computer. */
  toWrite: writtenSchema,
});
export type LegacyPreview = z.infer<typeof legacyPreviewSchema>;

export const legacyImportResultSchema = z.object({
  session: sessionViewSchema,
  written: writtenSchema,
  /** The report, saved as a text file the person can open. */
  report: z.object({ file: z.string(), text: z.string() }),
});
export type LegacyImportResult = z.infer<typeof legacyImportResultSchema>;

export const legacyChannels = {
  'legacy.preview': { input: legacyInput, output: legacyPreviewSchema },
  'legacy.import': { input: legacyInput, output: legacyImportResultSchema },
} as const;
