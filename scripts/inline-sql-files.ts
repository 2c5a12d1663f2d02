/** A Vite plugin for every bundle of the core: the app's main process and the scale bench's child. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Main reads its SQL migrations as `readFileSync(new URL('./0001-….sql', import.meta.url), 'utf8')`,
 * which tsx and vitest run from the sources as they are. Vite copies such files only for browser
 * builds, so this inlines each one into the bundle as a string (the packaged app reads no loose file),
 * and fails the build on a reference to a .sql file it could not inline.
 */
export function inlineSqlFiles(): Plugin {
  const read =
    /(?<![\w.$])readFileSync\(\s*new URL\(\s*(['"])(\.{1,2}\/[\w./-]+\.sql)\1\s*,\s*import\.meta\.url\s*\)\s*,\s*(['"])utf8\3\s*\)/g;
  return {
    name: 'kitchenguard:inline-sql-files',
    transform(code, id) {
      if (!code.includes('.sql')) return null;
      const inlined = code.replace(read, (_call, _quote, file: string) => {
        const path = resolve(dirname(id), file);
        this.addWatchFile(path);
        return JSON.stringify(readFileSync(path, 'utf8'));
      });
      if (/\.sql['"]\s*,\s*import\.meta\.url/.test(inlined))
        this.error(`${id}: read .sql files as readFileSync(new URL('./file.sql', import.meta.url), 'utf8')`);
      return inlined === code ? null : { code: inlined, map: null };
    },
  };
}
