/** Test support: the ways a store file is found damaged on disk (emptied, cut short, bytes overwritten). */
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/** `one page`: only the movements' page is junk, which starting and listing stock never read: only the check sees it. */
export const DAMAGE = ['emptied', 'truncated', 'overwritten', 'one page'] as const;
export type Damage = (typeof DAMAGE)[number];

/** Damages a closed SQLite file in place; the first page (the header) is left alone except when emptied. */
export function damageStore(file: string, how: Damage): void {
  if (how === 'emptied') truncateSync(file, 0);
  else if (how === 'truncated') truncateSync(file, Math.floor(statSync(file).size / 2));
  else if (how === 'overwritten') {
    // Every page after the first filled with junk: the tables' b-trees no longer parse.
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096);
    writeFileSync(file, bytes);
  } else {
    const page = movementsPage(file);
    const bytes = readFileSync(file);
    bytes.fill(0xa5, (page.number - 1) * page.size, page.number * page.size);
    writeFileSync(file, bytes);
  }
}

/** The first page of the stock movements' table, and the file's page size. */
function movementsPage(file: string): { number: number; size: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const number = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'stock_movements'").pluck().get();
    return { number: number as number, size: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}
