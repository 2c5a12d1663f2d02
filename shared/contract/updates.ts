/**
 * Updates of the app itself: what this computer runs, on which channel, when it last looked, and
 * where an update stands. Restarting to install asks first while changes wait to sync.
 */
import { z } from 'zod';
import * as f from './fields';

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export const updateChannel = z.enum(UPDATE_CHANNELS, { error: 'Channel must be stable or beta' });
export type UpdateChannel = z.infer<typeof updateChannel>;

export const updateStateSchema = z.discriminatedUnion('kind', [
  /** This app cannot update itself (a development build, the browser preview without a feed). */
  z.object({ kind: z.literal('unavailable'), reason: z.string() }),
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  /** `newer`: a newer version exists but is not offered to this computer yet (staged rollout). */
  z.object({ kind: z.literal('up-to-date'), newer: z.string().nullable() }),
  z.object({ kind: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('ready'), version: z.string() }),
  z.object({ kind: z.literal('error'), message: z.string() }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;

export const updateStatusSchema = z.object({
  version: z.string(),
  channel: updateChannel,
  lastCheckAt: f.isoTime.nullable(),
  state: updateStateSchema,
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const restartOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('restarting') }),
  /** Nothing was done: the person must agree first (`confirmed: true`), for the reason given. */
  z.object({ outcome: z.literal('confirm'), reason: z.string() }),
]);
export type RestartOutcome = z.infer<typeof restartOutcomeSchema>;

export const updatesChannels = {
  'updates.status': { input: f.empty, output: updateStatusSchema },
  'updates.check': { input: f.empty, output: updateStatusSchema },
  'updates.setChannel': { input: z.object({ channel: updateChannel }).strict(), output: updateStatusSchema },
  'updates.restart': { input: z.object({ confirmed: z.boolean() }).strict(), output: restartOutcomeSchema },
} as const;
