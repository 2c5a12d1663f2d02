/** `npm run restore-backup -- --start-fresh` run as a person runs it, on real store files. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeFile } from '../src-main/core/folder-layout';
import { backupFolder } from '../src-main/store/backup';
import { DAMAGE, damageStore } from '../src-main/testing/damaged-store';
import { itemInput, registerOwner, testCores } from '../src-main/testing/temp-core';

const ROOT = resolve(import.meta.dirname, '..');
const open = testCores();

/** A closed store with an item and a backup; `keepBackup: false` removes the backup. */
async function closedStore(keepBackup: boolean): Promise<string> {
  const core = await open();
  await registerOwner(core);
  await core.call('inventory.create', itemInput({ name: 'Milk' }));
  await core.call('backups.create', {});
  await core.close();
  if (!keepBackup) rmSync(backupFolder(core.folder), { recursive: true });
  return core.folder;
}

function restoreBackup(...args: string[]) {
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/restore-backup.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** What was kept aside (the store; its -wal and -shm go with it). */
const aside = (folder: string) => readdirSync(folder).filter((name) => /^kitchenguard-damaged-.*\.sqlite$/.test(name));

describe('npm run restore-backup -- --start-fresh', () => {
  // An emptied store with no backup is a new install: KitchenGuard starts on it as it is.
  it.each(DAMAGE.filter((damage) => damage !== 'emptied'))(
    '%s store, no backup: kept aside after --yes, and only then',
    async (damage) => {
      const folder = await closedStore(false);
      damageStore(storeFile(folder), damage);

      const unconfirmed = restoreBackup('--data-folder', folder, '--start-fresh');
      expect(unconfirmed.status).toBe(1);
      expect(unconfirmed.err).toContain('Confirm with --yes');
      expect(aside(folder)).toEqual([]);

      const run = restoreBackup('--data-folder', folder, '--start-fresh', '--yes');
      expect(run.err).toBe('');
      expect(run.status).toBe(0);
      expect(run.out).toContain('There is no good backup to restore.');
      expect(run.out).toContain('it begins with an empty store');
      expect(run.out).toContain('connect this computer to it and sign in');
      expect(aside(folder)).toHaveLength(1);
      expect(existsSync(storeFile(folder))).toBe(false);
    },
  );

  it('refuses a sound store, and a damaged one that has a good backup to restore', async () => {
    const sound = await closedStore(false);
    const refused = restoreBackup('--data-folder', sound, '--start-fresh', '--yes');
    expect(refused.status).toBe(1);
    expect(refused.err).toContain('passes its check: there is nothing to start afresh from');

    const backedUp = await closedStore(true);
    damageStore(storeFile(backedUp), 'overwritten');
    const instead = restoreBackup('--data-folder', backedUp, '--start-fresh', '--yes');
    expect(instead.status).toBe(1);
    expect(instead.err).toContain('A good backup is there: restore it instead');
    expect(aside(sound)).toEqual([]);
    expect(aside(backedUp)).toEqual([]);
  });
});
