/**
 * The package electron-builder makes, made here without Electron: `electron-builder --linux dir`
 * with `electronDist` pointing at a stand-in Electron folder (a small executable that carries
 * Electron's fuse wire, as the real binary does). Everything else is electron-builder's own work on
 * this repository: the `files` selection, production node_modules, app.asar with `asarUnpack`, the
 * fuses. Only the native rebuild for Electron is left out (it needs Electron's headers; CI does it).
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire v1, 8 fuses, as Electron ships them ('1' on, '0' off). */
const STOCK_FUSE_WIRE = Buffer.from([1, 8, ...Buffer.from('10110001')]);

function standInElectron(folder: string): void {
  mkdirSync(join(folder, 'resources'), { recursive: true });
  const binary = join(folder, 'electron');
  writeFileSync(
    binary,
    Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), Buffer.from(FUSE_SENTINEL), STOCK_FUSE_WIRE]),
  );
  chmodSync(binary, 0o755);
  const electronPackage = readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8');
  writeFileSync(join(folder, 'version'), JSON.parse(electronPackage).version);
  writeFileSync(join(folder, 'LICENSE'), 'stand-in');
}

export interface StandInPackage {
  /** linux-unpacked/ */
  folder: string;
  executable: string;
  asar: string;
  log: string;
}

/** Packs out/ (run `npm run build` first) into `workFolder`; rejects with electron-builder's output. */
export function packWithStandInElectron(workFolder: string): Promise<StandInPackage> {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    return Promise.reject(new Error('out/main/index.js is missing: run `npm run build` first.'));
  }
  const electron = join(workFolder, 'electron-dist');
  standInElectron(electron);
  const output = join(workFolder, 'release');
  const args = [
    join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    ...['--config', 'electron-builder.yml', '--linux', 'dir', '--x64', '--publish', 'never'],
    `-c.electronDist=${electron}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${output}`,
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', fail);
    child.on('exit', (code) => {
      const folder = join(output, 'linux-unpacked');
      if (code !== 0) return fail(new Error(`electron-builder exited ${code}:\n${log}`));
      done({ folder, executable: join(folder, 'kitchenguard'), asar: join(folder, 'resources', 'app.asar'), log });
    });
  });
}
