/**
 * The real Electron app for specs that need it, through Playwright's `_electron`. Electron's binary
 * is downloaded on first use and cannot be on the machines this project is built on (see
 * docs/decisions/0006-test-environment.md), so specs ask `electronBinary()` first and skip with
 * `ELECTRON_MISSING` when it is null.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ELECTRON = join(ROOT, 'node_modules', 'electron');

export const ELECTRON_MISSING =
  'Electron binary not installed (node_modules/electron/dist is missing; it cannot be downloaded here): Electron specs skipped, the preview specs cover the app.';

/** The executable `npm start` would launch, without triggering electron's download-on-require. */
export function electronBinary(): string | null {
  const pathFile = join(ELECTRON, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ELECTRON, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Launches the built app (out/main) with its user data in a fresh temp folder. */
export function launchElectronApp(executablePath: string): Promise<ElectronApplication> {
  const userData = mkdtempSync(join(tmpdir(), 'kg-electron-'));
  return _electron.launch({ executablePath, args: [ROOT, `--user-data-dir=${userData}`], cwd: ROOT });
}
