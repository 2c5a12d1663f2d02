#!/usr/bin/env node
/**
 * `npm start`: builds the app, then opens it in Electron. Where Electron's binary is missing and
 * cannot be downloaded (the machines this project is built on: see
 * docs/decisions/0006-test-environment.md), it starts the browser preview instead — the same core,
 * loopback only — so a newcomer always gets a running app.
 *
 * It starts in seconds when nothing changed: the build is skipped while the sources are the ones
 * the last build was made from, and after a failed Electron download it does not try again for a
 * day (start-decisions.mjs decides both).
 *
 *   npm start                      Electron, or the preview if there is no Electron binary
 *   npm start -- --browser         the preview, always
 *   npm start -- --rebuild         build even if nothing changed
 *   npm start -- --retry-electron  try the Electron download now, even if it failed lately
 *   npm start -- --browser --port 5180 --data-folder ./.kg-dev-data   (extra options go to the preview)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildDecision,
  DOWNLOAD_RETRY_AFTER_MS,
  downloadDecision,
  inputsFingerprint,
  outputsSignature,
  readJson,
} from './start-decisions.mjs';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const electronPackage = join(root, 'node_modules', 'electron');
/** The download is one ~100 MB zip: quick on a laptop, an instant "fetch failed" with no network. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

/** What the last build of `npm start` was made from. */
const BUILD_STAMP = join(root, 'out', '.start-build.json');
/** When the Electron download last failed (node_modules/.cache: `npm ci` starts it afresh). */
const DOWNLOAD_FAILURE = join(root, 'node_modules', '.cache', 'kitchenguard', 'electron-download-failed.json');

const OWN_FLAGS = ['--browser', '--rebuild', '--retry-electron'];
// `node scripts/start.mjs -- --port 1` passes the `--` that npm would have taken.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
refuseOptionsNpmTook();
const browserOnly = args.includes('--browser');
const passThrough = args.filter((arg) => !OWN_FLAGS.includes(arg));

/**
 * `npm start --data-folder DIR` (without `--`) gives the option to npm, which keeps it as a setting
 * and passes only DIR on: the preview would start on the default folder. Say how to write it.
 */
function refuseOptionsNpmTook() {
  const taken = ['data-folder', 'port', 'rebuild', 'retry-electron'].filter(
    (name) => process.env[`npm_config_${name.replaceAll('-', '_')}`] !== undefined,
  );
  if (taken.length === 0) return;
  console.error(
    `npm start: npm kept --${taken.join(', --')} for itself. Options for KitchenGuard go after "--", as in: ` +
      'npm start -- --data-folder DIR',
  );
  process.exit(2);
}

/** The Electron executable, read the way electron's own index.js does, but never downloading. */
function electronBinary() {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** One attempt at electron's own installer (it is not run by `npm install` in Electron ≥ 45), unless one failed lately. */
function tryDownloadElectron() {
  const decision = downloadDecision({
    failure: readJson(DOWNLOAD_FAILURE),
    now: new Date(),
    forced: args.includes('--retry-electron'),
  });
  if (!decision.attempt) {
    console.log(
      `npm start: not trying the Electron download again: ${decision.why} (npm start -- --retry-electron tries now).`,
    );
    return null;
  }
  console.log('npm start: the Electron binary is not installed yet; trying to download it once…');
  const result = spawnSync(process.execPath, [join(electronPackage, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: DOWNLOAD_TIMEOUT_MS,
    encoding: 'utf8',
  });
  const why = result.error?.message ?? result.stderr?.split('\n').find((line) => line.trim()) ?? '';
  if (result.status !== 0) console.log(`npm start: Electron download failed${why ? `: ${why.trim()}` : ''}`);
  const binary = electronBinary();
  if (!binary) rememberDownloadFailure(why.trim());
  return binary;
}

function rememberDownloadFailure(reason) {
  mkdirSync(join(DOWNLOAD_FAILURE, '..'), { recursive: true });
  writeFileSync(DOWNLOAD_FAILURE, `${JSON.stringify({ failedAt: new Date().toISOString(), reason }, null, 2)}\n`);
  const hours = DOWNLOAD_RETRY_AFTER_MS / 3_600_000;
  console.log(
    `npm start: the next ${hours} hours start the preview at once (npm start -- --retry-electron tries again).`,
  );
}

/** Builds with electron-vite unless the last build was made from these very sources. */
function buildIfChanged() {
  const inputs = inputsFingerprint(root);
  const decision = buildDecision({
    stamp: readJson(BUILD_STAMP),
    inputs,
    outputs: outputsSignature(root),
    forced: args.includes('--rebuild'),
  });
  if (!decision.build) {
    console.log(`npm start: no build needed: ${decision.why} (npm start -- --rebuild builds anyway).`);
    return;
  }
  console.log(`npm start: building, because ${decision.why}.`);
  const built = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('npm start: the build failed (see above); nothing started.');
    process.exit(built.status ?? 1);
  }
  writeFileSync(BUILD_STAMP, `${JSON.stringify({ inputs, outputs: outputsSignature(root) })}\n`);
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

buildIfChanged();
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
