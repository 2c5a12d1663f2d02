import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFolder, tempFolder } from '../testing/temp-core';
import { checkpointWhenQuiet } from './checkpoints';
import { type Db, openDatabase } from './database';

let folder: string;
let db: Db;

afterEach(() => {
  if (db.open) db.close();
  removeFolder(folder);
});

/** A store with one committed row, still only in the write-ahead log. */
function storeWithLoggedWrite(): Db {
  folder = tempFolder('kg-checkpoints');
  db = openDatabase(join(folder, 'store.sqlite'));
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('saved')");
  return db;
}

/** What the store file alone holds, without its log beside it. */
function inStoreFileAlone(): string[] {
  const copy = join(folder, 'copy.sqlite');
  copyFileSync(join(folder, 'store.sqlite'), copy);
  const read = new Database(copy, { readonly: true });
  try {
    const table = read.prepare("SELECT 1 FROM sqlite_master WHERE name = 't'").get();
    return table ? (read.prepare('SELECT x FROM t').pluck().all() as string[]) : [];
  } finally {
    read.close();
  }
}

describe('checkpoints when quiet', () => {
  it('a commit stays in the log (no checkpoint inside it) until writes pause, then reaches the store file', async () => {
    storeWithLoggedWrite();
    expect(inStoreFileAlone()).toEqual([]);
    const checkpoints = checkpointWhenQuiet(db, 20);
    checkpoints.written();
    await sleep(5);
    checkpoints.written(); // another write: the pause starts again
    expect(inStoreFileAlone()).toEqual([]);
    await sleep(100);
    expect(inStoreFileAlone()).toEqual(['saved']);
    expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual(['saved']);
  });

  it('stopping cancels a checkpoint not yet run, and one after closing does nothing', async () => {
    storeWithLoggedWrite();
    const checkpoints = checkpointWhenQuiet(db, 20);
    checkpoints.written();
    checkpoints.stop();
    await sleep(60);
    expect(inStoreFileAlone()).toEqual([]);
    checkpoints.written();
    db.close();
    await sleep(60); // would throw on a closed store
    expect(inStoreFileAlone()).toEqual(['saved']); // closing checkpointed it
  });
});
