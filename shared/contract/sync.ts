import { z } from 'zod';
import * as f from './fields';
import { itemChangesSchema } from './inventory';

/** A computer whose clock is further off the server's than this says so in the status bar. */
export const CLOCK_WARNING_MS = 2 * 60 * 1000;

export const SYNC_STATES = ['not_configured', 'signed_out', 'syncing', 'online', 'offline', 'error'] as const;

export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  /** "kitchenguard on db.example.com", or null without a server. */
  server: z.string().nullable(),
  waiting: z.number(),
  lastSyncedAt: f.isoTime.nullable(),
  lastError: z.string().nullable(),
  rejections: z.number(),
  /** The server's clock minus this computer's, as last measured (ms); null before any contact. */
  clockOffsetMs: z.number().nullable(),
  /** Initial sync only. */
  progress: z.object({ done: z.number(), total: z.number() }).nullable(),
  /** Grows whenever data changed underneath the screens (pulled, undone, signed out). */
  change: z.number(),
});

const counter = z.number().int().nonnegative();

const changesSchema = z.object({
  /** Data changed underneath the screens (pulled, undone, signed out): refetch what is shown. */
  data: counter,
  /** The sync state changed (online, offline, syncing, progress, an error): refetch the status. */
  status: counter,
  /**
   * Items changed, by any write on this computer (a screen's own, a pull, an undone refusal). Given,
   * the answer wakes on item changes too and lists them; left out, item changes wake nothing.
   */
  items: counter.optional(),
});
export type SyncChanges = z.infer<typeof changesSchema>;

const changesAnswer = changesSchema.required().extend({
  /**
   * The items changed since `since.items`, as the stock list has them now: patch the cached lists
   * with them. Null when `since.items` was not given, or when the core cannot say (it restarted, or
   * everything changed at once, e.g. a person was renamed): refetch the lists then.
   */
  itemChanges: itemChangesSchema.nullable(),
});
export type SyncChangesAnswer = z.infer<typeof changesAnswer>;
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const rejectionSchema = z.object({
  mutationId: z.number(),
  what: z.string(),
  reason: z.string(),
  rejectedAt: f.isoTime,
});
export type SyncRejection = z.infer<typeof rejectionSchema>;

export const syncChannels = {
  'sync.status': { input: f.empty, output: syncStatusSchema },
  'sync.now': { input: f.empty, output: syncStatusSchema },
  /** Resolves when either counter passes the one given, or after a while unchanged: a long poll. */
  'sync.waitForChange': { input: z.strictObject({ since: changesSchema.strict() }), output: changesAnswer },
  'sync.rejections': { input: f.empty, output: z.array(rejectionSchema) },
  'sync.dismissRejections': { input: f.empty, output: z.object({ ok: z.literal(true) }) },
} as const;
