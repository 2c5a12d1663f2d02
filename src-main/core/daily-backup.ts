/** A backup copy of the store once a day, checked hourly while the app runs, off the start-up path. */

import type { Logger } from '../ipc/router';
import { backupFolder, backupStore, isDailyBackupDue } from '../store/backup';
import type { Clock } from '../store/clock';
import type { Db } from '../store/database';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const FIRST_CHECK_MS = 30 * 1000;

export function startDailyBackups(db: Db, dataFolder: string, clock: Clock, log: Logger): () => void {
  const folder = backupFolder(dataFolder);
  const check = async () => {
    if (!db.open || !isDailyBackupDue(folder, clock.now())) return;
    try {
      await backupStore(db, folder, 'daily', clock.now());
    } catch (error) {
      log.error('Daily backup failed', error);
    }
  };
  const first = setTimeout(check, FIRST_CHECK_MS);
  const hourly = setInterval(check, CHECK_EVERY_MS);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
