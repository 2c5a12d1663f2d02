/**
 * `npm run restore-backup -- --data-folder DIR [--backup FILE] [--list] [--start-fresh [--yes]]`:
 * restores a backup of a computer's local store while KitchenGuard is closed (it refuses a folder
 * in use). Without --backup it restores the newest backup that passes its check; --list only lists
 * them. The store it replaces is kept aside in the data folder as kitchenguard-replaced-<time>.sqlite.
 * --start-fresh is for a store found missing, empty or damaged with no good backup: after a
 * confirmation (typed, or --yes) it keeps the store aside as kitchenguard-damaged-<time>.sqlite, and
 * the next start begins with an empty store.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { Backup } from '../shared/contract/backups';
import { backupLine, describeBackups, newestGoodBackup } from '../src-main/backups/backups';
import { storeFile } from '../src-main/core/folder-layout';
import { restoreBackup, setDamagedStoreAside } from '../src-main/core/restore';
import { openCheckedStore, StoreNeedsRestore } from '../src-main/core/store-check';
import { backupFolder } from '../src-main/store/backup';

const { values } = parseArgs({
  options: {
    'data-folder': { type: 'string' },
    backup: { type: 'string' },
    list: { type: 'boolean', default: false },
    'start-fresh': { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
  },
});

const CONFIRMATION = 'start fresh';

async function main(): Promise<void> {
  if (!values['data-folder'])
    throw new Error('--data-folder DIR is required (the folder that holds kitchenguard.sqlite).');
  const dataFolder = resolve(values['data-folder']);
  const backups = describeBackups(dataFolder);
  if (values.list) {
    console.log(backups.length ? backups.map(backupLine).join('\n') : `No backups in ${backupFolder(dataFolder)}.`);
    return;
  }
  if (values['start-fresh']) return startFresh(dataFolder);
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

/** Only for a store that fails its check, and only after the person said so. */
async function startFresh(dataFolder: string): Promise<void> {
  const problem = storeProblem(dataFolder);
  console.log(problem.message);
  if (problem.offered)
    throw new Error('A good backup is there: restore it instead (run this command without --start-fresh).');
  console.log(
    'Starting fresh keeps the store aside in the data folder, untouched, and KitchenGuard starts with no items, ' +
      'no team and no history on this computer.',
  );
  if (!values.yes && !(await confirmed())) throw new Error('Nothing was changed.');
  const aside = setDamagedStoreAside(dataFolder, new Date());
  console.log(`Kept aside as ${aside}. Start KitchenGuard: it begins with an empty store.`);
  console.log(
    "With a central server: on the sign-in screen, connect this computer to it and sign in; it gets the restaurant's " +
      'data back. Changes that never reached the server are only in the file kept aside.',
  );
}

function storeProblem(dataFolder: string): StoreNeedsRestore {
  if (!existsSync(storeFile(dataFolder)))
    throw new Error(`There is no store in ${dataFolder}: KitchenGuard makes an empty one by itself.`);
  try {
    openCheckedStore(dataFolder).close();
  } catch (error) {
    if (error instanceof StoreNeedsRestore) return error;
    throw error;
  }
  throw new Error(`The store in ${dataFolder} passes its check: there is nothing to start afresh from.`);
}

async function confirmed(): Promise<boolean> {
  if (!process.stdin.isTTY) throw new Error('Confirm with --yes, or run this in a terminal to type the confirmation.');
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await terminal.question(`Type "${CONFIRMATION}" to go on: `)).trim().toLowerCase() === CONFIRMATION;
  } finally {
    terminal.close();
  }
}

main().catch((error: unknown) => {
  console.error(`restore-backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
