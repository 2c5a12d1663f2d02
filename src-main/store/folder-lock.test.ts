import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeFolder, tempFolder } from '../testing/temp-core';
import { LOCK_FILE, lockFolder } from './folder-lock';

const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');

/** Another process trying to take the folder, as a second app or preview would. */
function lockFromAnotherProcess(folder: string) {
  const script = `import { lockFolder } from ${JSON.stringify(join(import.meta.dirname, 'folder-lock.ts'))};
lockFolder(${JSON.stringify(folder)});`;
  return spawnSync(tsx, ['--eval', script], { encoding: 'utf8' });
}

/** The pid of a process that has already ended. */
const endedPid = (): string =>
  spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();

describe('the data folder lock', () => {
  it('keeps a second process off a folder in use, and lets it in once released', () => {
    const folder = tempFolder();
    const release = lockFolder(folder);
    const refused = lockFromAnotherProcess(folder);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`KitchenGuard is already open on this data folder (process ${process.pid})`);
    release();
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    expect(lockFromAnotherProcess(folder).status).toBe(0);
    removeFolder(folder);
  });

  it("takes over a lock left by a process that ended; this process's own lock is no obstacle", () => {
    const folder = tempFolder();
    writeFileSync(join(folder, LOCK_FILE), endedPid());
    const release = lockFolder(folder);
    expect(readFileSync(join(folder, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    expect(() => lockFolder(folder)).not.toThrow();
    release();
    removeFolder(folder);
  });
});
