import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFolder, tempFolder } from '../testing/temp-core';
import { startTsxChild } from '../testing/tsx-child';
import { LOCK_FILE, lockFolder } from './folder-lock';

/**
 * Another process that takes a folder when asked, as a second app or preview would. "take FOLDER AT"
 * waits for the clock to reach AT (so two processes try at the same instant), then answers "held" or
 * "in use: <message>"; "release" lets the folder go.
 */
const HOLDER = `import { createInterface } from 'node:readline';
import { lockFolder } from ${JSON.stringify(join(import.meta.dirname, 'folder-lock.ts'))};
let release = () => {};
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, folder, at] = line.split('\\t');
  if (command === 'take') {
    while (Date.now() < Number(at)) {}
    try {
      release = lockFolder(folder);
      console.log('held');
    } catch (error) {
      console.log('in use: ' + error.message);
    }
  } else {
    release();
    release = () => {};
    console.log('released');
  }
});`;

interface Holder {
  process: ChildProcessWithoutNullStreams;
  ask(line: string): Promise<string>;
}

const started: Holder[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const holder of started.splice(0)) holder.process.kill('SIGKILL');
  for (const folder of folders.splice(0)) removeFolder(folder);
});

function startHolder(): Holder {
  const waiting: ((line: string) => void)[] = [];
  const child = startTsxChild(['--input-type=module', '--eval', HOLDER], (line) => waiting.shift()?.(line));
  // An answer never comes from a process that ended: say why rather than wait for the timeout.
  void child.exited.then(() => {
    for (const answer of waiting.splice(0)) answer(`ended: ${child.errors()}`);
  });
  const holder = {
    process: child.process,
    ask: (line: string) =>
      new Promise<string>((answer) => {
        waiting.push(answer);
        child.process.stdin.write(`${line}\n`);
      }),
  };
  started.push(holder);
  return holder;
}

const newFolder = () => {
  const folder = tempFolder('kg-lock');
  folders.push(folder);
  return folder;
};

/** Both processes try the same folder at the same instant; returns both answers. */
async function race(first: Holder, second: Holder, folder: string): Promise<string[]> {
  const at = Date.now() + 30;
  return Promise.all([first.ask(`take\t${folder}\t${at}`), second.ask(`take\t${folder}\t${at}`)]);
}

describe('the data folder lock', () => {
  it('never lets two processes that start together both hold one folder (30 trials)', async () => {
    const [first, second] = [startHolder(), startHolder()];
    // A first trial lets both processes load before the timed ones.
    await race(first, second, newFolder());
    await Promise.all([first.ask('release'), second.ask('release')]);
    const outcomes: string[] = [];
    for (let trial = 0; trial < 30; trial += 1) {
      const answers = await race(first, second, newFolder());
      outcomes.push(answers.map((answer) => (answer === 'held' ? 'held' : 'in use')).join(' + '));
      await Promise.all([first.ask('release'), second.ask('release')]);
    }
    expect(outcomes.filter((outcome) => outcome !== 'held + in use' && outcome !== 'in use + held')).toEqual([]);
  }, 120_000);

  it('refuses a second process with a message naming the folder, and lets it in once released', async () => {
    const folder = newFolder();
    const release = lockFolder(folder);
    const other = startHolder();
    expect(await other.ask(`take\t${folder}\t0`)).toBe(
      `in use: KitchenGuard is already open on this data folder (${folder}) in another window or preview. Close it there first.`,
    );
    release();
    expect(await other.ask(`take\t${folder}\t0`)).toBe('held');
  }, 30_000);

  it('is free again once its holder is killed (kill -9 leaves nothing that blocks)', async () => {
    const folder = newFolder();
    const holder = startHolder();
    expect(await holder.ask(`take\t${folder}\t0`)).toBe('held');
    expect(() => lockFolder(folder)).toThrow(/already open on this data folder/);
    const ended = new Promise((done) => holder.process.once('exit', done));
    holder.process.kill('SIGKILL');
    await ended;
    const release = lockFolder(folder);
    release();
  }, 30_000);

  it('is not blocked by an old lock file naming a live process that is not KitchenGuard (a reused pid)', () => {
    const folder = newFolder();
    writeFileSync(join(folder, LOCK_FILE), String(process.ppid));
    const release = lockFolder(folder);
    release();
  });

  it("is no obstacle to this process's own second opening (tests run two devices on one store)", async () => {
    const folder = newFolder();
    const release = lockFolder(folder);
    const again = lockFolder(folder);
    again();
    const other = startHolder();
    expect(await other.ask(`take\t${folder}\t0`)).toMatch(/^in use/);
    release();
    expect(await other.ask(`take\t${folder}\t0`)).toBe('held');
  }, 30_000);
});
