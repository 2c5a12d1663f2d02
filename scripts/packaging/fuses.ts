/**
 * The Electron fuses a release must carry: the `electronFuses` of electron-builder.yml, compared
 * with what @electron/fuses reads from a packaged binary.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { load } from 'js-yaml';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** electron-builder's option names → the fuse each one flips. */
const OPTION_FUSES: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** The list: a release with any of these set otherwise is refused. */
export const REQUIRED_FUSES: Readonly<Partial<Record<FuseV1Options, boolean>>> = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

export type FuseSettings = Partial<Record<FuseV1Options, boolean>>;

/** The fuses electron-builder.yml asks for (throws on an option name this file does not know). */
export function configuredFuses(configFile = join(ROOT, 'electron-builder.yml')): FuseSettings {
  const config = load(readFileSync(configFile, 'utf8')) as { electronFuses?: Record<string, unknown> };
  const settings: FuseSettings = {};
  for (const [option, value] of Object.entries(config.electronFuses ?? {})) {
    const fuse = OPTION_FUSES[option];
    if (fuse === undefined || typeof value !== 'boolean')
      throw new Error(`electronFuses.${option}: unknown or not true/false`);
    settings[fuse] = value;
  }
  return settings;
}

/** Each wanted fuse that a binary has otherwise, as "RunAsNode: Enabled (want Disabled)". */
export async function fuseMismatches(binary: string, wanted: FuseSettings): Promise<string[]> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, FuseState | undefined>;
  const name = (state: FuseState | undefined) => (state === undefined ? 'absent' : FuseState[state]);
  const problems: string[] = [];
  for (const [key, want] of Object.entries(wanted)) {
    const fuse = Number(key) as FuseV1Options;
    const expected = want ? FuseState.ENABLE : FuseState.DISABLE;
    if (wire[fuse] !== expected)
      problems.push(`${FuseV1Options[fuse]}: ${name(wire[fuse])} (want ${FuseState[expected]})`);
  }
  return problems;
}
