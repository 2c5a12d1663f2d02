import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Main reads its SQL migrations as `readFileSync(new URL('./0001-….sql', import.meta.url), 'utf8')`,
 * which tsx and vitest run from the sources as they are. Vite copies such files only for browser
 * builds, so this inlines each one into the bundle as a string (the packaged app reads no loose file),
 * and fails the build on a reference to a .sql file it could not inline.
 */
function inlineSqlFiles(): Plugin {
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

/**
 * One build for the three parts of the app. Main and preload keep runtime `dependencies` external
 * (electron-builder ships them, native modules included); the renderer bundles everything it uses.
 */
export default defineConfig({
  main: {
    plugins: [inlineSqlFiles()],
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src-main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file: no ESM, no chunks, no requires but electron.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; a third of the size loads faster from disk too.
      minify: true,
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
