import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder } from '../store/backup';
import { DAMAGE, damageStore } from '../testing/damaged-store';
import { itemInput, openTestCore, PASSWORD, registerOwner, removeFolder, type TestCore } from '../testing/temp-core';
import { storeFile } from './folder-layout';
import { restoreBackup, setDamagedStoreAside } from './restore';
import { openStoreCheckingBeside, restoreAdvice, StoreNeedsRestore } from './store-check';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) removeFolder(folder);
});

/** A store with two items and a good backup of it, then a third item and a newer backup that is junk. */
async function storeWithBackups(): Promise<{ folder: string; owner: string; good: string }> {
  const core = await openTestCore();
  folders.push(core.folder);
  const { user } = await registerOwner(core);
  await core.call('inventory.create', itemInput({ name: 'Milk' }));
  await core.call('inventory.create', itemInput({ name: 'Flour' }));
  const good = await core.call('backups.create', {});
  await core.call('inventory.create', itemInput({ name: 'Eggs' }));
  writeFileSync(
    join(backupFolder(core.folder), 'kitchenguard-2026-11-27T09-00-00-000Z-daily.sqlite'),
    'not a database',
  );
  await core.close();
  return { folder: core.folder, owner: user.username, good: good.name };
}

async function startFailure(folder: string): Promise<StoreNeedsRestore> {
  const error = await openTestCore({ folder }).then(
    async (core: TestCore) => {
      await core.close();
      throw new Error('the core opened on a store that needs a restore');
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StoreNeedsRestore);
  return error as StoreNeedsRestore;
}

describe('a store found missing, empty or damaged at start', () => {
  it.each(DAMAGE)('%s: start-up says so and offers the newest good backup, which then opens', async (damage) => {
    const { folder, owner, good } = await storeWithBackups();
    damageStore(storeFile(folder), damage);

    const failure = await startFailure(folder);
    expect(failure.problem).toBe(damage === 'emptied' ? 'empty' : 'damaged');
    expect(failure.backups.map((backup) => [backup.name, backup.checked])).toEqual([
      ['kitchenguard-2026-11-27T09-00-00-000Z-daily.sqlite', false],
      [good, true],
    ]);
    expect(failure.offered).toMatchObject({ name: good, items: 2, checked: true });
    expect(failure.message).toMatch(
      new RegExp(
        `^The KitchenGuard store ${storeFile(folder)} is (empty, but backups of it are there|damaged \\(.+\\))\\. The newest good backup is from 2026-11-26T09:00:00.000Z \\(2 items\\): restore it to carry on\\.$`,
      ),
    );

    restoreBackup(folder, join(backupFolder(folder), good), new Date('2026-11-28T10:00:00.000Z'));
    const core = await openTestCore({ folder });
    await core.call('auth.login', { login: owner, password: PASSWORD });
    const { items } = await core.stock('kitchen');
    expect(items.map((item) => item.name).sort()).toEqual(['Flour', 'Milk']);
    await core.close();
  });

  it('a deleted store is missed, not replaced by a new empty install, while backups exist', async () => {
    const { folder, good } = await storeWithBackups();
    rmSync(storeFile(folder));
    const failure = await startFailure(folder);
    expect(failure.problem).toBe('missing');
    expect(failure.offered?.name).toBe(good);
  });

  it('a damaged store with no backup says so and offers to start afresh, keeping it aside, named and dated', async () => {
    const { folder } = await storeWithBackups();
    rmSync(backupFolder(folder), { recursive: true });
    damageStore(storeFile(folder), 'overwritten');
    const damaged = readFileSync(storeFile(folder));
    const failure = await startFailure(folder);
    expect(failure.offered).toBeNull();
    expect(failure.message).toMatch(/is damaged \(.+\)\. There is no good backup to restore\. KitchenGuard can keep/);
    expect(failure.message).toContain('connecting to it from the sign-in screen');
    expect(restoreAdvice(failure)).toContain(`npm run restore-backup -- --data-folder "${folder}" --start-fresh`);

    const aside = setDamagedStoreAside(folder, new Date('2026-11-28T10:00:00.000Z'));
    expect(aside).toBe(join(folder, 'kitchenguard-damaged-2026-11-28T10-00-00-000Z.sqlite'));
    expect(readFileSync(aside).equals(damaged)).toBe(true);
    const core = await openTestCore({ folder });
    expect(await core.call('auth.session', {})).toBeNull();
    expect((await core.call('computer.status', {})).dataFolder).toBe(folder);
    await core.close();
  });

  it('with only damaged backups, the newest good backup is none and starting afresh is offered', async () => {
    const { folder, good } = await storeWithBackups();
    rmSync(join(backupFolder(folder), good));
    damageStore(storeFile(folder), 'truncated');
    const failure = await startFailure(folder);
    expect(failure.backups).toHaveLength(1);
    expect(failure.offered).toBeNull();
    expect(restoreAdvice(failure)).toContain('--start-fresh');
  });
});

describe('the check beside start-up (a large store: a worker thread checks it while start-up reads)', () => {
  const checkBeside = async (folder: string) => {
    const { db, checked } = openStoreCheckingBeside(folder, 0);
    const failure = await checked;
    db.close();
    return failure;
  };

  it('finds the page start-up never reads, and passes a sound store', async () => {
    const { folder, good } = await storeWithBackups();
    expect(await checkBeside(folder)).toBeNull();
    damageStore(storeFile(folder), 'one page');
    const failure = await checkBeside(folder);
    expect(failure).toBeInstanceOf(StoreNeedsRestore);
    expect(failure?.problem).toBe('damaged');
    expect(failure?.message).toMatch(/is damaged \(.*(page|malformed|btree|Tree).*\)/i);
    expect(failure?.offered?.name).toBe(good);
  });
});
