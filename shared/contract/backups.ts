/** Backups of this computer's local store: list them, make one now, save a copy elsewhere, restore one. */
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

/**
 * Where a copy of a backup went. The desktop app asks where to save it and checks the copy there;
 * the browser preview hands the checked backup to the browser as a download, at a one-time address.
 */
export const savedCopySchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string(), bytes: z.number() }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('download'), url: z.string().startsWith('/'), fileName: z.string() }),
]);
export type SavedCopy = z.infer<typeof savedCopySchema>;

const backupName = z
  .string({ error: 'Backup must be a file name' })
  .regex(/^kitchenguard-[0-9TZ-]+-[a-z0-9-]+\.sqlite$/, 'Backup must be one of the backups listed');

export const backupsChannels = {
  'backups.list': { input: f.empty, output: backupsViewSchema },
  'backups.create': { input: f.empty, output: backupSchema },
  'backups.saveCopy': { input: z.strictObject({ name: backupName }), output: savedCopySchema },
  'backups.restore': { input: z.strictObject({ name: backupName }), output: z.object({ restored: backupSchema }) },
} as const;
