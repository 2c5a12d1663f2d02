/**
 * Test support: pins every released migration file by its SHA-256. A store or server that already
 * ran a migration never runs it again, so an edited one would change new installs only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * `folder` holds the migration files (`0001-….sql`, …); `released` maps each file name to its
 * checksum; `listed` is what the code runs, version 1 first.
 */
export function pinReleasedMigrations(
  folder: URL,
  released: Readonly<Record<string, string>>,
  listed: readonly { version: number; sql: string }[],
): void {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  const bytes = (file: string) => readFileSync(new URL(file, folder));

  it.each(Object.keys(released))('%s is exactly as released', (file) => {
    expect(files, `${file} was released: it stays, under its name`).toContain(file);
    expect(sha256(bytes(file)), `${file}: released migrations are never edited: add a new one`).toBe(released[file]);
  });

  it('every migration file has its checksum pinned in this test', () => {
    const unpinned = files.filter((file) => !(file in released)).map((file) => `'${file}': '${sha256(bytes(file))}'`);
    expect(unpinned, 'a new migration: add its checksum to the released list').toEqual([]);
  });

  it('the code runs these files, numbered from 1 without gaps, in order', () => {
    expect(files.map((file) => Number(file.slice(0, 4)))).toEqual(files.map((_, index) => index + 1));
    expect(listed.map((migration) => migration.version)).toEqual(files.map((_, index) => index + 1));
    expect(listed.map((migration) => migration.sql)).toEqual(files.map((file) => bytes(file).toString('utf8')));
  });
}
