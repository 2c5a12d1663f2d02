import { z } from 'zod';
import * as f from './fields';

export const systemStatusSchema = z.object({
  appVersion: z.string(),
  dataFolder: z.string(),
  localStore: z.object({ schemaVersion: z.number(), lastBackupAt: f.isoTime.nullable() }),
  keychain: z.object({ available: z.boolean(), message: z.string().nullable() }),
  centralServer: z.object({ configured: z.boolean() }),
  outbox: z.object({ waiting: z.number() }),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;

export const systemChannels = {
  'system.status': { input: f.empty, output: systemStatusSchema },
} as const;
