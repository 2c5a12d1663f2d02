/**
 * The fuse check against a real fuse wire: a file laid out as in Electron's binary (the sentinel,
 * wire version 1, its length, one byte per fuse), flipped and read by @electron/fuses itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { configuredFuses, fuseMismatches, REQUIRED_FUSES } from './fuses';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** An "Electron binary" whose 8 fuses are all as Electron ships them (RunAsNode etc. enabled). */
function stockBinary(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kg-fuses-'));
  folders.push(folder);
  const file = join(folder, 'electron');
  const wire = Buffer.from([1, 8, ...'10110001'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
  writeFileSync(file, Buffer.concat([Buffer.from('binary before'), Buffer.from(SENTINEL), wire, Buffer.from('after')]));
  return file;
}

describe('electron-builder.yml fuses', () => {
  it('sets every fuse the release requires, to the required state', () => {
    const configured = configuredFuses();
    for (const [fuse, state] of Object.entries(REQUIRED_FUSES)) {
      expect(configured[Number(fuse) as FuseV1Options], FuseV1Options[Number(fuse)]).toBe(state);
    }
    expect(configured[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('an unfused binary fails the check, naming each fuse left as shipped', async () => {
    const problems = await fuseMismatches(stockBinary(), configuredFuses());
    expect(problems).toEqual(
      expect.arrayContaining([
        'RunAsNode: ENABLE (want DISABLE)',
        'EnableNodeOptionsEnvironmentVariable: ENABLE (want DISABLE)',
        'EnableNodeCliInspectArguments: ENABLE (want DISABLE)',
        'EnableEmbeddedAsarIntegrityValidation: DISABLE (want ENABLE)',
        'OnlyLoadAppFromAsar: DISABLE (want ENABLE)',
      ]),
    );
  });

  it('a binary flipped as electron-builder flips it passes; one fuse flipped back fails', async () => {
    const binary = stockBinary();
    await flipFuses(binary, { version: FuseVersion.V1, ...configuredFuses() });
    expect(await fuseMismatches(binary, configuredFuses())).toEqual([]);

    await flipFuses(binary, { version: FuseVersion.V1, [FuseV1Options.EnableNodeCliInspectArguments]: true });
    expect(await fuseMismatches(binary, configuredFuses())).toEqual([
      'EnableNodeCliInspectArguments: ENABLE (want DISABLE)',
    ]);
  });
});
