import { z } from 'zod';
import * as f from './fields';

export const SYNC_STATES = ['not_configured', 'signed_out', 'syncing', 'online', 'offline', 'error'] as const;

export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  /** "kitchenguard on db.example.com", or null without a server. */
  server: z.string().nullable(),
  waiting: z.number(),
  lastSyncedAt: f.isoTime.nullable(),
  lastError: z.string().nullable(),
  rejections: z.number(),
  /** Initial sync only. */
  progress: z.object({ done: z.number(), total: z.number() }).nullable(),
  /** Grows whenever data changed underneath the screens (pulled, undone, signed out). */
  change: z.number(),
});

const changesSchema = z.object({
  /** Data changed underneath the screens (pulled, undone, signed out): refetch what is shown. */
  data: z.number().int().nonnegative(),
  /** The sync state changed (online, offline, syncing, progress, an error): refetch the status. */
  status: z.number().int().nonnegative(),
});
export type SyncChanges = z.infer<typeof changesSchema>;
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
  'sync.waitForChange': { input: z.strictObject({ since: changesSchema.strict() }), output: changesSchema },
  'sync.rejections': { input: f.empty, output: z.array(rejectionSchema) },
  'sync.dismissRejections': { input: f.empty, output: z.object({ ok: z.literal(true) }) },
} as const;
