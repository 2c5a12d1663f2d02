/**
 * A full disk, for real: the data folder sits on a 2 MB tmpfs that is then filled. Mounting needs
 * root (the build machines run tests as root); without it this test fails saying so, never skips.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  itemInput,
  openTestCore,
  PASSWORD,
  registerOwner,
  removeFolder,
  signInAs,
  TestClock,
  type TestCore,
  tableCounts,
  tempFolder,
  testKeychain,
} from '../testing/temp-core';

let disk: string;
let mountProblem: string | null = null;
/** The core on the small disk, closed before unmounting even when an assertion failed mid-test. */
let core: TestCore | null = null;

beforeAll(() => {
  disk = tempFolder('kg-full-disk');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk], { stdio: 'pipe' });
  } catch (error) {
    mountProblem = String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
});

afterAll(async () => {
  if (core?.db.open) await core.close();
  if (!mountProblem) execFileSync('umount', [disk]);
  removeFolder(disk);
});

/** Fills the disk with 16 kB files until it refuses more; returns the removal that frees it. */
function fillDisk(): () => void {
  const filler = join(disk, 'filler');
  mkdirSync(filler);
  try {
    for (let n = 0; ; n += 1) writeFileSync(join(filler, String(n)), Buffer.alloc(16 * 1024, 1));
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
  return () => rmSync(filler, { recursive: true });
}

describe('a full disk', () => {
  it('refuses writes saying so, keeps reads, the signed-in person and restarts working, and half-writes nothing', async () => {
    if (mountProblem)
      throw new Error(`FAILING: this test needs a small tmpfs and could not mount one: ${mountProblem}`);
    const folder = join(disk, 'data');
    const clock = new TestClock();
    const secrets = testKeychain();
    core = await openTestCore({ folder, clock, secrets });
    const { user } = await registerOwner(core);
    const milk = await core.call('inventory.create', itemInput({ name: 'Milk', openingStock: '4' }));
    const freeDisk = fillDisk();

    const full = {
      kind: 'disk_full',
      message: `The disk is full: free some space on the disk that holds ${folder}, then try again. Nothing was saved.`,
    };
    const before = tableCounts(core.db);
    expect(await core.fail('inventory.create', itemInput({ name: 'Eggs' }))).toEqual(full);
    expect(await core.fail('inventory.adjustStock', { itemId: milk.id, reason: 'delivery', quantity: '2' })).toEqual(
      full,
    );
    expect(tableCounts(core.db)).toEqual(before);
    const { items } = await core.stock('kitchen');
    expect(items.map((item) => [item.name, item.onHand])).toEqual([['Milk', '4']]);

    // A restart on the full disk: the session resumes (it reads only) and reading goes on.
    await core.close();
    core = await openTestCore({ folder, clock, secrets });
    expect((await core.call('auth.session', {}))?.user.username).toBe(user.username);
    expect((await core.call('inventory.get', { id: milk.id })).onHand).toBe('4');
    // Signing out and in record the session's end and start: refused in the same words (never
    // "something went wrong"), and whoever was signed in stays signed in.
    expect(await core.fail('auth.logout', {})).toEqual(full);
    expect(await core.fail('auth.login', { login: user.username, password: PASSWORD })).toEqual(full);
    expect((await core.call('auth.session', {}))?.user.username).toBe(user.username);

    freeDisk();
    await signInAs(core, user.username);
    await core.call('inventory.create', itemInput({ name: 'Eggs' }));
    expect((await core.stock('kitchen')).items.map((item) => item.name)).toEqual(['Eggs', 'Milk']);
    await core.close();
  });
});
