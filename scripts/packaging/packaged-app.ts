/**
 * Where `electron-builder --dir` left the unpacked app for this OS and arch
 * (release/<version>/{linux-unpacked, win-unpacked, mac, mac-arm64}), or null when none was built,
 * which is always the case on the machines this project is built on (no Electron binary there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface PackagedApp {
  /** What @electron/fuses reads and flips: the .app on macOS, the executable elsewhere. */
  fuseTarget: string;
  /** The folder to copy to get a second, independent app. */
  folder: string;
  /** The executable inside `folder`. */
  executable: string;
}

export const PACKAGED_APP_MISSING =
  'No packaged app in release/<version>/ (run `npm run package -- --smoke` where Electron can be downloaded; CI does): packaged-app specs skipped.';

export function packagedApp(platform = process.platform, arch = process.arch): PackagedApp | null {
  const { version, productName, name } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const release = join(ROOT, 'release', version);
  if (platform === 'darwin') {
    const folder = join(release, arch === 'arm64' ? 'mac-arm64' : 'mac', `${productName}.app`);
    const executable = join(folder, 'Contents', 'MacOS', productName);
    return existsSync(executable) ? { fuseTarget: folder, folder, executable } : null;
  }
  const folder = join(release, platform === 'win32' ? 'win-unpacked' : 'linux-unpacked');
  const executable = join(folder, platform === 'win32' ? `${productName}.exe` : name);
  return existsSync(executable) ? { fuseTarget: executable, folder, executable } : null;
}

/** The same app inside a copy of its folder (for a copy made with `cpSync(app.folder, copy)`). */
export function inCopy(app: PackagedApp, copy: string): PackagedApp {
  const move = (path: string) => join(copy, path.slice(app.folder.length));
  return { folder: copy, fuseTarget: move(app.fuseTarget), executable: move(app.executable) };
}
