import { z } from 'zod';
import * as f from './fields';

export const computerStatusSchema = z.object({
  appVersion: z.string(),
  dataFolder: z.string(),
  localStore: z.object({ schemaVersion: z.number(), lastBackupAt: f.isoTime.nullable() }),
  keychain: z.object({ available: z.boolean(), message: z.string().nullable() }),
  centralServer: z.object({ configured: z.boolean() }),
  outbox: z.object({ waiting: z.number() }),
});
export type ComputerStatus = z.infer<typeof computerStatusSchema>;

export const computerChannels = {
  'computer.status': { input: f.empty, output: computerStatusSchema },
} as const;
