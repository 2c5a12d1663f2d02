#!/usr/bin/env node
/**
 * `npm start`: builds the app, then opens it in Electron. Where Electron's binary is missing and
 * cannot be downloaded (the machines this project is built on: see
 * docs/decisions/0006-test-environment.md), it starts the browser preview instead — the same core,
 * loopback only — so a newcomer always gets a running app.
 *
 *   npm start                      Electron, or the preview if there is no Electron binary
 *   npm start -- --browser         the preview, always
 *   npm start -- --browser --port 5180 --data-folder ./.kg-dev-data   (extra options go to the preview)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const electronPackage = join(root, 'node_modules', 'electron');
/** The download is one ~100 MB zip: quick on a laptop, an instant "fetch failed" with no network. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const passThrough = args.filter((arg) => arg !== '--browser');

/** The Electron executable, read the way electron's own index.js does, but never downloading. */
function electronBinary() {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** One attempt at electron's own installer (it is not run by `npm install` in Electron ≥ 45). */
function tryDownloadElectron() {
  console.log('npm start: the Electron binary is not installed yet; trying to download it once…');
  const result = spawnSync(process.execPath, [join(electronPackage, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: DOWNLOAD_TIMEOUT_MS,
    encoding: 'utf8',
  });
  const why = result.error?.message ?? result.stderr?.split('\n').find((line) => line.trim()) ?? '';
  if (result.status !== 0) console.log(`npm start: Electron download failed${why ? `: ${why.trim()}` : ''}`);
  return electronBinary();
}

/** Runs a child in the foreground: Ctrl-C reaches it too (same process group); we wait for it to finish. */
function runForeground(command, commandArgs, { onLine } = {}) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: ['inherit', onLine ? 'pipe' : 'inherit', 'inherit'] });
  if (onLine) {
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
  }
  // The terminal sends SIGINT to the whole group; a `kill` aimed at us alone is passed on once.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
}

const built = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  console.error('npm start: the build failed (see above); nothing started.');
  process.exit(built.status ?? 1);
}

const electron = browserOnly ? null : (electronBinary() ?? tryDownloadElectron());

if (electron) {
  console.log('npm start: opening KitchenGuard in Electron.');
  runForeground(electron, [root, ...passThrough]);
} else {
  if (!browserOnly) {
    console.log(
      '\nnpm start: Electron cannot start on this machine — its binary is not in node_modules/electron/dist and ' +
        "could not be downloaded (Electron's download host is unreachable here). Starting the browser preview " +
        'instead: the same KitchenGuard core and the same screens, served on 127.0.0.1 only, with a random access ' +
        'token in the address, so only that exact address can use it. Open the address below in a browser on ' +
        'this machine; Ctrl-C stops it.\n',
    );
  }
  runForeground(bin('tsx'), [join(root, 'src-main', 'preview', 'cli.ts'), ...passThrough], {
    onLine: (line) => {
      const url = line.match(/^KITCHENGUARD_PREVIEW_URL=(\S+)/)?.[1];
      if (url) console.log(`\n  ➜  Open KitchenGuard: ${url}\n`);
    },
  });
}
