/** Facts about this device's store that belong to no restaurant: its device id, sync cursors. */
import type { Db } from './database';
import { newId } from './ids';
import { sql } from './statements';

export function readMeta(db: Db, key: string): string | null {
  return sql<string, [key: string]>(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key) ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  sql<void, { key: string; value: string }>(
    db,
    'INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run({ key, value });
}

/** Forgets the facts under these keys, together. */
export function deleteMeta(db: Db, ...keys: string[]): void {
  const remove = sql<void, [key: string]>(db, 'DELETE FROM meta WHERE key = ?');
  db.transaction(() => {
    for (const key of keys) remove.run(key);
  })();
}

/** The id this device signs its mutations with; made once, on first start. */
export function deviceId(db: Db): string {
  const existing = readMeta(db, 'device_id');
  if (existing) return existing;
  const id = newId();
  writeMeta(db, 'device_id', id);
  return id;
}
