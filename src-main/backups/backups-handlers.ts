import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Backup, backupsChannels, SavedCopy } from '../../shared/contract/backups';
import { fail } from '../../shared/errors';
import { requireManager } from '../ipc/actor';
import type { Handlers } from '../ipc/handler';
import { BackupDamaged, backupFolder, backupStore } from '../store/backup';
import type { Clock } from '../store/clock';
import type { Db } from '../store/database';
import { describeBackup, describeBackups } from './backups';

/**
 * The host's way to put a checked backup where a person chooses: the desktop app's save dialog
 * (then copyBackupTo), the browser preview's one-time download.
 */
export type SaveBackupCopy = (backup: { file: string; name: string }) => Promise<SavedCopy>;

export interface BackupSources {
  db: Db;
  dataFolder: string;
  clock: Clock;
  /** Restores the backup file and reopens the core on it. */
  restore(file: string): Promise<Backup>;
  /** None: this host cannot save a copy elsewhere (a test core). */
  saveCopy?: SaveBackupCopy | undefined;
}

/** Backups are an owner's or a manager's business: a restore replaces every account's data on this computer. */
export function backupHandlers({
  db,
  dataFolder,
  clock,
  restore,
  saveCopy,
}: BackupSources): Handlers<keyof typeof backupsChannels> {
  const folder = backupFolder(dataFolder);
  return {
    'backups.list': (_input, request) => {
      requireManager(request.actor());
      return { folder, backups: describeBackups(dataFolder) };
    },
    'backups.create': async (_input, request) => {
      requireManager(request.actor());
      try {
        return describeBackup(await backupStore(db, folder, 'manual', clock.now()));
      } catch (error) {
        if (error instanceof BackupDamaged) throw fail.conflict(error.message);
        throw error;
      }
    },
    'backups.saveCopy': async ({ name }, request) => {
      requireManager(request.actor());
      const file = listedBackup(folder, name);
      if (!saveCopy) throw fail.unavailable('Saving a copy elsewhere is not possible here.');
      if (!describeBackup(file).checked)
        throw fail.conflict(`The backup ${name} failed its check: save a copy of a sound one.`, 'name');
      return saveCopy({ file, name });
    },
    'backups.restore': async ({ name }, request) => {
      requireManager(request.actor());
      return { restored: await restore(listedBackup(folder, name)) };
    },
  };
}

function listedBackup(folder: string, name: string): string {
  const file = join(folder, name);
  if (!existsSync(file)) throw fail.validation('name', `There is no backup ${name}: choose one of the backups listed.`);
  return file;
}
