import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder } from '../store/backup';
import {
  addMember,
  itemInput,
  openTestCore,
  registerOwner,
  removeFolder,
  signInAs,
  type TestCore,
} from '../testing/temp-core';
import { storeFile } from './folder-layout';
import { restoreBackup } from './restore';

const cores: TestCore[] = [];
afterEach(async () => {
  // Closed by hand: a restore reopens the store, so `db` as the test core copied it is the old one.
  for (const core of cores.splice(0)) {
    await core.close().catch(() => undefined);
    removeFolder(core.folder);
  }
});

async function kitchen(core: TestCore): Promise<string[]> {
  const { items } = await core.stock('kitchen');
  return items.map((item) => item.name).sort();
}

/** A signed-in owner's store holding Milk, a backup of it, then Eggs added after the backup. */
async function storeWithBackup() {
  const core = await openTestCore();
  cores.push(core);
  await registerOwner(core);
  await core.call('inventory.create', itemInput({ name: 'Milk' }));
  const backup = await core.call('backups.create', {});
  await core.call('inventory.create', itemInput({ name: 'Eggs' }));
  return { core, backup };
}

describe('restoring a backup', () => {
  it('from Settings: the store is kept aside, the backup goes in, and the app carries on over it', async () => {
    const { core, backup } = await storeWithBackup();
    expect((await core.call('backups.list', {})).backups.map((listed) => listed.name)).toEqual([backup.name]);
    expect(backup).toMatchObject({ label: 'manual', items: 1, checked: true });

    const { restored } = await core.call('backups.restore', { name: backup.name });
    expect(restored).toEqual(backup);
    expect(await kitchen(core)).toEqual(['Milk']);
    // It keeps working, and writes land in the restored store.
    await core.call('inventory.create', itemInput({ name: 'Butter' }));
    expect(await kitchen(core)).toEqual(['Butter', 'Milk']);

    const aside = readdirSync(core.folder).filter((name) => name.startsWith('kitchenguard-replaced-'));
    expect(aside).toEqual(['kitchenguard-replaced-2026-11-26T09-00-00-000Z.sqlite']);
    const replaced = new Database(join(core.folder, aside[0] ?? ''), { readonly: true });
    expect(replaced.prepare('SELECT name FROM items ORDER BY name').pluck().all()).toEqual(['Eggs', 'Milk']);
    replaced.close();
  });

  it('from the command: a stale -wal beside the store is moved aside with it, never replayed into the backup', async () => {
    const { core, backup } = await storeWithBackup();
    // The write-ahead log of the store as it stands, with Eggs in it, as a crash would leave it.
    copyFileSync(`${storeFile(core.folder)}-wal`, join(core.folder, 'stale-wal'));
    await core.close();
    rmSync(storeFile(core.folder));
    copyFileSync(join(core.folder, 'stale-wal'), `${storeFile(core.folder)}-wal`);

    restoreBackup(core.folder, join(backupFolder(core.folder), backup.name), new Date('2026-11-27T08:00:00.000Z'));
    const reopened = await openTestCore({ folder: core.folder, clock: core.clock });
    cores.push(reopened);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.db.prepare('SELECT name FROM items').pluck().all()).toEqual(['Milk']);
    expect(readdirSync(core.folder)).toContain('kitchenguard-replaced-2026-11-27T08-00-00-000Z.sqlite-wal');
  });

  it('is for an owner or a manager, and only of a backup that is listed', async () => {
    const { core, backup } = await storeWithBackup();
    expect(await core.fail('backups.restore', { name: '../kitchenguard.sqlite' })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'name', message: 'Backup must be one of the backups listed' }],
    });
    expect(
      await core.fail('backups.restore', { name: 'kitchenguard-2020-01-01T00-00-00-000Z-daily.sqlite' }),
    ).toMatchObject({ kind: 'validation', issues: [{ path: 'name' }] });
    const staff = await addMember(core, 'staff');
    await signInAs(core, staff.username);
    for (const channel of ['backups.list', 'backups.create'] as const) {
      expect((await core.fail(channel, {})).kind).toBe('forbidden');
    }
    expect((await core.fail('backups.restore', { name: backup.name })).kind).toBe('forbidden');
    expect(await kitchen(core)).toEqual(['Eggs', 'Milk']);
  });
});
