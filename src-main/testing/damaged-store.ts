/** Test support: the ways a store file is found damaged on disk (emptied, cut short, bytes overwritten). */
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';

export const DAMAGE = ['emptied', 'truncated', 'overwritten'] as const;
export type Damage = (typeof DAMAGE)[number];

/** Damages a closed SQLite file in place; the first page (the header) is left alone except when emptied. */
export function damageStore(file: string, how: Damage): void {
  if (how === 'emptied') truncateSync(file, 0);
  else if (how === 'truncated') truncateSync(file, Math.floor(statSync(file).size / 2));
  else {
    // Every page after the first filled with junk: the tables' b-trees no longer parse.
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096);
    writeFileSync(file, bytes);
  }
}
