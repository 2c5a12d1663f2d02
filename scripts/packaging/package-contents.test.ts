/**
 * What the package holds, checked on the package electron-builder really makes from this
 * repository (stand-in-package.ts): nothing but the build and production dependencies, native
 * modules unpacked, an entry point whose imports all resolve inside it, the fuses flipped, and a
 * size within budget.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredFuses, fuseMismatches } from './fuses';
import { packWithStandInElectron, type StandInPackage } from './stand-in-package';

/**
 * The app's own payload (app.asar + app.asar.unpacked), Electron itself not counted. About 12 MiB
 * today: the build (~2 MiB), pg, zod, electron-updater and the two native modules (~5 MiB).
 */
const SIZE_BUDGET_MIB = 16;

const work = mkdtempSync(join(tmpdir(), 'kg-package-'));
let pack: StandInPackage;
let files: string[];
beforeAll(async () => {
  pack = await packWithStandInElectron(work);
  files = listPackage(pack.asar, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = (file: string) => extractFile(pack.asar, file).toString('utf8');
const appFiles = () => files.filter((file) => !file.startsWith('/node_modules/'));
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function folderSize(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + folderSize(join(path, name)), 0);
}

describe('the package (electron-builder --dir, stand-in Electron)', () => {
  it('holds only the build, package.json and production dependencies', () => {
    const outside = appFiles().filter(
      (file) =>
        file !== '/package.json' &&
        file !== '/node_modules' &&
        !/^\/out(\/(main|preload|renderer)(\/.*)?)?$/.test(file),
    );
    expect(outside).toEqual([]);
    const packages = new Set(
      files.filter((f) => f.startsWith('/node_modules/')).map((f) => packageOf(f.split('/').slice(2).join('/'))),
    );
    for (const devOnly of ['electron', 'vite', 'react', '@playwright', 'vitest', 'electron-builder', 'typescript']) {
      expect(packages.has(devOnly), devOnly).toBe(false);
    }
  });

  it('has no source, test, e2e, map, preview or docs file anywhere in it', () => {
    const forbidden = files.filter(
      (file) =>
        /\.(ts|tsx|mts|cts|map|md|markdown)$/i.test(file) ||
        /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) ||
        /^\/(src-main|src-renderer|shared|e2e|scripts|docs|build|\.github)(\/|$)/.test(file) ||
        /\/(test|tests|__tests__|example|examples)\//.test(file) ||
        /preview/i.test(file.replace(/^\/node_modules\/.*/, '')),
    );
    expect(forbidden).toEqual([]);
    // The browser preview is never bundled into main either.
    expect(text('out/main/index.js')).not.toContain('KITCHENGUARD_PREVIEW_URL');
  });

  it('unpacks every native module, next to the archive, and the two the app needs are there', () => {
    const native = files.filter((file) => file.endsWith('.node'));
    expect(native.some((file) => file.startsWith('/node_modules/better-sqlite3/build/Release/'))).toBe(true);
    expect(native.some((file) => file.startsWith('/node_modules/@napi-rs/keyring-'))).toBe(true);
    for (const file of native) {
      expect((statFile(pack.asar, file.slice(1)) as { unpacked?: boolean }).unpacked, file).toBe(true);
      expect(existsSync(join(`${pack.asar}.unpacked`, file)), file).toBe(true);
    }
  });

  it('the entry point resolves: main, the preload, the page and every package main imports', () => {
    const manifest = JSON.parse(text('package.json'));
    expect(manifest.main).toBe('out/main/index.js');
    expect(files).toContain(`/${manifest.main}`);
    expect(files).toContain('/out/preload/index.cjs');
    const page = text('out/renderer/index.html');
    const assets = [...page.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((match) => `/out/renderer/${match[1]}`);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) expect(files, asset).toContain(asset);

    // Import statements only: not Buffer.from("…"), the channel 'legacy.import', or "kitchenguard-import".
    const imports = [
      ...text(manifest.main).matchAll(/(?<![\w.-])(?:from|import)\s*\(?\s*["']([^"'.\s][^"'\s]*)["']/g),
    ].map((m) => m[1]!);
    const packages = [...new Set(imports.filter((name) => !isBuiltin(name)).map(packageOf))].filter(
      (n) => n !== 'electron',
    );
    expect(packages).toEqual(expect.arrayContaining(['better-sqlite3', 'pg', 'zod']));
    for (const name of packages) expect(files, name).toContain(`/node_modules/${name}/package.json`);
  });

  it('carries the fuses of electron-builder.yml in its binary', async () => {
    expect(await fuseMismatches(pack.executable, configuredFuses())).toEqual([]);
  });

  it(`stays under ${SIZE_BUDGET_MIB} MiB (app.asar + unpacked native modules)`, () => {
    const mib = (statSync(pack.asar).size + folderSize(`${pack.asar}.unpacked`)) / 2 ** 20;
    console.log(`package-contents: app payload ${mib.toFixed(1)} MiB (budget ${SIZE_BUDGET_MIB} MiB)`);
    expect(mib).toBeLessThan(SIZE_BUDGET_MIB);
  });
});
