/** Backups of this computer's local store: list them, make one now, restore one. */
import { z } from 'zod';
import * as f from './fields';

export const backupSchema = z.object({
  /** The file's name inside the backups folder: the only way to name a backup across the bridge. */
  name: z.string(),
  madeAt: f.isoTime,
  /** Why it was taken: "daily", "manual", "before-v3" (before a migration to schema 3). */
  label: z.string(),
  bytes: z.number(),
  /** Items (not deleted) it holds; null when it cannot be read. */
  items: z.number().nullable(),
  /** SQLite's check of the whole file passed. */
  checked: z.boolean(),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupsViewSchema = z.object({ folder: z.string(), backups: z.array(backupSchema) });
export type BackupsView = z.infer<typeof backupsViewSchema>;

const backupName = z
  .string({ error: 'Backup must be a file name' })
  .regex(/^kitchenguard-[0-9TZ-]+-[a-z0-9-]+\.sqlite$/, 'Backup must be one of the backups listed');

export const backupsChannels = {
  'backups.list': { input: f.empty, output: backupsViewSchema },
  'backups.create': { input: f.empty, output: backupSchema },
  'backups.restore': { input: z.strictObject({ name: backupName }), output: z.object({ restored: backupSchema }) },
} as const;
