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
  /** Resolves when `change` passes `since`, or after a while with the same value: a long poll. */
  'sync.waitForChange': {
    input: z.strictObject({ since: z.number().int().nonnegative() }),
    output: z.object({ change: z.number() }),
  },
  'sync.rejections': { input: f.empty, output: z.array(rejectionSchema) },
  'sync.dismissRejections': { input: f.empty, output: z.object({ ok: z.literal(true) }) },
} as const;
