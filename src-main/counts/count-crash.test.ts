/**
 * Crash safety of the count sheet: a process entering count lines is killed (kill -9) at a random
 * moment, 20 times over on one store. After each, the store opens again, and every line whose save
 * was acknowledged is there exactly once, with its one change waiting to sync; at most the one line
 * being saved when the process died is there without an acknowledgement.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  itemInput,
  openTestCore,
  PASSWORD,
  registerOwner,
  removeFolder,
  TestClock,
  tempFolder,
} from '../testing/temp-core';
import { startTsxChild } from '../testing/tsx-child';

const CHILD = join(import.meta.dirname, 'testing', 'count-child.ts');
const ROUNDS = 20;

/** A store with a restaurant, three items and an open count; the owner's username. */
async function storeWithCount(folder: string) {
  const core = await openTestCore({ folder, clock: new TestClock(new Date()) });
  const { user } = await registerOwner(core);
  const items: string[] = [];
  for (let n = 0; n < 3; n += 1) items.push((await core.call('inventory.create', itemInput())).id);
  const count = await core.call('counts.start', { scope: 'full' });
  await core.close();
  return { username: user.username, countId: count.id, items };
}

/** Starts a counting process, waits until it counts, kills it after `afterMs`; the ids it said were saved. */
async function countUntilKilled(args: string[], afterMs: number): Promise<string[]> {
  const saved: string[] = [];
  let ready = () => {};
  const counting = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const child = startTsxChild([CHILD, ...args], (line) => {
    if (line === 'ready') ready();
    else if (line.startsWith('saved ')) saved.push(line.slice('saved '.length));
  });
  await Promise.race([counting, child.exited.then(() => Promise.reject(new Error(`ended: ${child.errors()}`)))]);
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  child.process.kill('SIGKILL');
  await child.exited;
  return [...saved];
}

it('kill -9 while entering count lines, 20 rounds: every acknowledged line is there exactly once', async () => {
  const folder = tempFolder('kg-crash');
  try {
    const { username, countId, items } = await storeWithCount(folder);
    const acknowledged: string[] = [];
    let unacknowledged = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      acknowledged.push(
        ...(await countUntilKilled([folder, username, PASSWORD, countId, ...items], Math.random() * 300)),
      );
      const core = await openTestCore({ folder, clock: new TestClock(new Date()) });
      try {
        const held = core.db.prepare('SELECT id FROM count_entries').pluck().all() as string[];
        const waiting = core.db
          .prepare("SELECT json_extract(args, '$.id') FROM outbox WHERE name = 'count.enter'")
          .pluck()
          .all() as string[];
        // Each line with exactly one change waiting to sync: saved and sent once.
        expect(waiting.sort(), `round ${round}`).toEqual([...held].sort());
        const once = new Set(held);
        expect(
          acknowledged.filter((id) => !once.has(id)),
          `round ${round}: acknowledged, then lost`,
        ).toEqual([]);
        unacknowledged = held.length - acknowledged.length;
        expect(unacknowledged, `round ${round}: lines no one was told were saved`).toBeLessThanOrEqual(round + 1);
      } finally {
        await core.close();
      }
    }
    // The processes did count: the kills landed among saves, not before the first.
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
  } finally {
    removeFolder(folder);
  }
}, 600_000);
