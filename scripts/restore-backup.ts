/**
 * `npm run restore-backup -- --data-folder DIR [--backup FILE] [--list]`: restores a backup of a
 * computer's local store while KitchenGuard is closed (it refuses a folder in use). Without
 * --backup it restores the newest backup that passes its check; --list only lists them. The store
 * it replaces is kept aside in the data folder as kitchenguard-replaced-<time>.sqlite.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Backup } from '../shared/contract/backups';
import { backupLine, describeBackups, newestGoodBackup } from '../src-main/backups/backups';
import { restoreBackup } from '../src-main/core/restore';
import { backupFolder } from '../src-main/store/backup';

const { values } = parseArgs({
  options: {
    'data-folder': { type: 'string' },
    backup: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
});

function main(): void {
  if (!values['data-folder'])
    throw new Error('--data-folder DIR is required (the folder that holds kitchenguard.sqlite).');
  const dataFolder = resolve(values['data-folder']);
  const backups = describeBackups(dataFolder);
  if (values.list) {
    console.log(backups.length ? backups.map(backupLine).join('\n') : `No backups in ${backupFolder(dataFolder)}.`);
    return;
  }
  const file = values.backup ? resolve(values.backup) : pickNewest(dataFolder, backups);
  const restored = restoreBackup(dataFolder, file, new Date());
  console.log(`Restored into ${dataFolder}: ${backupLine(restored)}`);
  console.log('The store it replaced is kept beside it as kitchenguard-replaced-<time>.sqlite.');
}

function pickNewest(dataFolder: string, backups: Backup[]): string {
  const newest = newestGoodBackup(backups);
  if (!newest) throw new Error(`No backup in ${backupFolder(dataFolder)} passes its check.`);
  return join(backupFolder(dataFolder), newest.name);
}

try {
  main();
} catch (error) {
  console.error(`restore-backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
