import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder } from '../store/backup';
import {
  addMember,
  itemInput,
  registerOwner,
  removeFolder,
  signInAs,
  tempFolder,
  testCores,
} from '../testing/temp-core';
import type { SaveBackupCopy } from './backups-handlers';
import { copyBackupTo } from './copy';

const open = testCores();
const places: string[] = [];
afterEach(() => {
  for (const place of places.splice(0)) removeFolder(place);
});

/** A folder standing for the USB stick a person saves to. */
function elsewhere(): string {
  const place = tempFolder('kg-usb');
  places.push(place);
  return place;
}

/** A signed-in owner's core holding Milk and a backup of it; `saveCopy` stands for the host's dialog. */
async function ownerWithBackup(saveCopy?: SaveBackupCopy) {
  const core = await open({ saveBackupCopy: saveCopy });
  await registerOwner(core);
  await core.call('inventory.create', itemInput({ name: 'Milk' }));
  const backup = await core.call('backups.create', {});
  return { core, backup, file: join(backupFolder(core.folder), backup.name) };
}

const itemsIn = (file: string): string[] => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT name FROM items').pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('a copy of a backup, saved where a person chooses', () => {
  it('is written whole, checked, and opens with what the backup holds', async () => {
    const { file } = await ownerWithBackup();
    const place = elsewhere();
    const copied = copyBackupTo(file, join(place, 'kitchen-copy.sqlite'));
    expect(copied).toEqual({ path: join(place, 'kitchen-copy.sqlite'), bytes: expect.any(Number) });
    expect(copied.bytes).toBeGreaterThan(0);
    expect(itemsIn(copied.path)).toEqual(['Milk']);
    expect(readdirSync(place)).toEqual(['kitchen-copy.sqlite']);
  });

  it('says so when the place cannot be written, and leaves nothing half-written there', async () => {
    const { file } = await ownerWithBackup();
    const place = elsewhere();
    const target = join(place, 'no-such-folder', 'copy.sqlite');
    expect(() => copyBackupTo(file, target)).toThrow(`No copy could be written to ${target}`);
    expect(readdirSync(place)).toEqual([]);
    expect(() => copyBackupTo(file, 'copy.sqlite')).toThrow('Choose a full path');
  });

  it('through Settings: the host chooses the place (or the person cancels) and the copy is checked there', async () => {
    const place = elsewhere();
    let answer: 'choose' | 'cancel' = 'choose';
    const { core, backup } = await ownerWithBackup(async ({ file, name }) =>
      answer === 'cancel' ? { outcome: 'cancelled' } : { outcome: 'saved', ...copyBackupTo(file, join(place, name)) },
    );
    const saved = await core.call('backups.saveCopy', { name: backup.name });
    expect(saved).toEqual({ outcome: 'saved', path: join(place, backup.name), bytes: backup.bytes });
    expect(itemsIn(join(place, backup.name))).toEqual(['Milk']);

    answer = 'cancel';
    expect(await core.call('backups.saveCopy', { name: backup.name })).toEqual({ outcome: 'cancelled' });
  });

  it('refuses a damaged backup, one not listed, a host that cannot save, and a staff member', async () => {
    let asked = 0;
    const { core, backup } = await ownerWithBackup(async () => {
      asked += 1;
      return { outcome: 'cancelled' };
    });
    const junk = 'kitchenguard-2026-11-27T09-00-00-000Z-daily.sqlite';
    writeFileSync(join(backupFolder(core.folder), junk), 'not a database');
    expect(await core.fail('backups.saveCopy', { name: junk })).toMatchObject({
      kind: 'conflict',
      message: `The backup ${junk} failed its check: save a copy of a sound one.`,
    });
    expect(
      await core.fail('backups.saveCopy', { name: 'kitchenguard-2020-01-01T00-00-00-000Z-daily.sqlite' }),
    ).toMatchObject({ kind: 'validation' });
    expect(asked).toBe(0);

    const staff = await addMember(core, 'staff');
    await signInAs(core, staff.username);
    expect((await core.fail('backups.saveCopy', { name: backup.name })).kind).toBe('forbidden');

    const { core: bare, backup: other } = await ownerWithBackup();
    expect(await bare.fail('backups.saveCopy', { name: other.name })).toMatchObject({ kind: 'unavailable' });
    expect(existsSync(join(bare.folder, 'backups', other.name))).toBe(true);
  });
});
