/**
 * The device's local store: one SQLite file. WAL + synchronous=FULL is what lets a count survive
 * a killed process or a power cut; foreign keys keep every movement tied to its item.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * SQLite's own checkpoint, inside the commit that takes the log past this many 4 KiB pages (16 MiB),
 * is only the backstop for writes that never pause: the core checkpoints when quiet (checkpoints.ts).
 */
export const BACKSTOP_PAGES = 4000;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Per-connection scratch (the stock list's change notes) never needs the disk.
  db.pragma('temp_store = MEMORY');
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  return db;
}
