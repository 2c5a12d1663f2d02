import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUILD_OUTPUTS,
  buildDecision,
  DOWNLOAD_RETRY_AFTER_MS,
  downloadDecision,
  inputsFingerprint,
  outputsSignature,
} from './start-decisions.mjs';

let root = '';
const made = [];
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const write = (path, text) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** A project folder with a few sources and a complete build, stamped as `npm start` stamps it. */
function builtProject() {
  root = mkdtempSync(join(tmpdir(), 'kg-start-'));
  made.push(root);
  write('src-main/core/app-core.ts', 'export const core = 1;');
  write('src-renderer/App.tsx', 'export const App = () => null;');
  write('shared/units.ts', 'export const unit = "kg";');
  write('package.json', '{}');
  for (const file of BUILD_OUTPUTS) write(file, 'built');
  return { inputs: inputsFingerprint(root), outputs: outputsSignature(root) };
}

const decideNow = (stamp, options = {}) =>
  buildDecision({ stamp, inputs: inputsFingerprint(root), outputs: outputsSignature(root), ...options });

describe('npm start: build again or not', () => {
  it('skips the build when nothing changed since the stamped build', () => {
    const stamp = builtProject();
    expect(decideNow(stamp)).toEqual({ build: false, why: 'nothing changed since the last build' });
  });

  it('builds when a source changed, was added, or was renamed', () => {
    const stamp = builtProject();
    write('shared/units.ts', 'export const unit = "g";');
    expect(decideNow(stamp)).toMatchObject({ build: true, why: 'the sources changed since the last build' });

    const again = builtProject();
    write('src-renderer/NewScreen.tsx', 'export {};');
    expect(decideNow(again).build).toBe(true);

    const renamed = builtProject();
    rmSync(join(root, 'shared/units.ts'));
    write('shared/unit.ts', 'export const unit = "kg";');
    expect(decideNow(renamed).build).toBe(true);
  });

  it('needs no build for a change to a test or to test support, which are never bundled', () => {
    const stamp = builtProject();
    write('src-main/core/app-core.test.ts', 'it("works", () => {});');
    write('src-main/testing/temp-core.ts', 'export {};');
    expect(decideNow(stamp).build).toBe(false);
  });

  it('builds when an output is missing or was rebuilt by another command', () => {
    const stamp = builtProject();
    rmSync(join(root, 'out/renderer/index.html'));
    expect(decideNow(stamp)).toEqual({ build: true, why: 'there is no complete build yet' });

    const other = builtProject();
    utimesSync(join(root, 'out/main/index.js'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(decideNow(other)).toEqual({ build: true, why: 'out/ was rebuilt by another command since' });
  });

  it('builds with no stamp, and when asked to', () => {
    const stamp = builtProject();
    expect(decideNow(null).build).toBe(true);
    expect(decideNow(stamp, { forced: true })).toEqual({ build: true, why: 'asked to (--rebuild)' });
  });
});

describe('npm start: try the Electron download or not', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const failedAgo = (ms) => ({ failedAt: new Date(now.getTime() - ms).toISOString(), reason: 'fetch failed' });

  it('tries when it never failed, and when asked to', () => {
    expect(downloadDecision({ failure: null, now }).attempt).toBe(true);
    expect(downloadDecision({ failure: failedAgo(60_000), now, forced: true }).attempt).toBe(true);
  });

  it('does not try again within a day of a failure, and says until when', () => {
    const decision = downloadDecision({ failure: failedAgo(60 * 60 * 1000), now });
    expect(decision.attempt).toBe(false);
    expect(decision.why).toContain('next try after 2026-12-03T09:00:00.000Z');
  });

  it('tries again once the failure is a day old, or when its date cannot be trusted', () => {
    expect(downloadDecision({ failure: failedAgo(DOWNLOAD_RETRY_AFTER_MS), now }).attempt).toBe(true);
    expect(downloadDecision({ failure: failedAgo(-60_000), now }).attempt).toBe(true);
    expect(downloadDecision({ failure: { failedAt: 'yesterday' }, now }).attempt).toBe(true);
  });
});
