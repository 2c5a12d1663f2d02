/**
 * The packaged app (`electron-builder --dir`, CI's smoke build) for Playwright's `_electron`.
 *
 * Playwright drives Electron's main process through the Node inspector (`--inspect=0`), which the
 * release's fuses refuse (EnableNodeCliInspectArguments off; CI reads that back from the packaged
 * binary before this runs). So the spec launches a copy of the packaged folder with that one fuse
 * turned back on: the same app.asar, app:// protocol, native modules rebuilt for Electron, and every
 * other fuse as shipped.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { _electron, type ElectronApplication } from '@playwright/test';
import { inCopy, type PackagedApp, packagedApp } from '../../scripts/packaging/packaged-app';

export { PACKAGED_APP_MISSING } from '../../scripts/packaging/packaged-app';

/** Set by playwright.packaged.config.ts (CI after packaging): there a missing app is a failure. */
export const PACKAGED_APP_REQUIRED = process.env.KG_PACKAGED_APP_REQUIRED === '1';

export const builtApp = (): PackagedApp | null => packagedApp();

/** A copy of the packaged app that Playwright can attach to (see above). */
export async function inspectableCopy(app: PackagedApp): Promise<PackagedApp> {
  const copy = inCopy(app, join(mkdtempSync(join(tmpdir(), 'kg-packaged-app-')), 'app'));
  // verbatimSymlinks: a macOS .app's frameworks are relative symlinks that must stay so.
  cpSync(app.folder, copy.folder, { recursive: true, verbatimSymlinks: true });
  await flipFuses(copy.fuseTarget, {
    version: FuseVersion.V1,
    [FuseV1Options.EnableNodeCliInspectArguments]: true,
    // Changing the binary voids its ad-hoc signature, which Apple silicon will not run without.
    resetAdHocDarwinSignature: process.platform === 'darwin',
  });
  return copy;
}

/** Starts the packaged app on its own user-data folder (no app path: it loads its app.asar). */
export function launchPackaged(app: PackagedApp, userData: string): Promise<ElectronApplication> {
  return _electron.launch({ executablePath: app.executable, args: [`--user-data-dir=${userData}`] });
}
