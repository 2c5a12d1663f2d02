/**
 * Electronegativity (Doyensec's static checker of Electron security) over the main process's
 * sources: every finding must be fixed or explained in electronegativity-accepted.json, and every
 * explanation must still match a finding (so the list cannot rot into blanket permission).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import run from '@doyensec/electronegativity';
import { describe, expect, it } from 'vitest';

const SOURCES = resolve(import.meta.dirname, '..', '..', 'src-main');
const ACCEPTED = JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-accepted.json'), 'utf8')) as {
  excludedChecks: Record<string, string>;
  accepted: { id: string; file: string; why: string }[];
};
const ELECTRON_VERSION = JSON.parse(
  readFileSync(resolve(SOURCES, '..', 'node_modules', 'electron', 'package.json'), 'utf8'),
).version as string;

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
}

const key = (issue: { id: string; file: string }) => `${issue.id} ${issue.file}`;

describe('electronegativity', () => {
  it('finds nothing in src-main that is not fixed or explained, and every explanation is still needed', async () => {
    const result = (await run({
      input: SOURCES,
      customScan: [],
      excludeFromScan: Object.keys(ACCEPTED.excludedChecks).map((check) => check.toLowerCase()),
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: ELECTRON_VERSION,
      parserPlugins: [],
    })) as { atomicChecks: number; globalChecks: number; errors: unknown[]; issues: Issue[] };

    // It really ran its checks over the files (an empty run would pass everything).
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(result.globalChecks).toBeGreaterThan(3);
    expect(result.errors).toEqual([]);

    const accepted = new Set(ACCEPTED.accepted.map(key));
    const unexplained = result.issues
      .filter((issue) => !accepted.has(key(issue)))
      .map((issue) => `${key(issue)}:${issue.location.line} ${issue.description}`);
    expect(unexplained).toEqual([]);
    const found = new Set(result.issues.map(key));
    expect(ACCEPTED.accepted.map(key).filter((entry) => !found.has(entry))).toEqual([]);
    for (const entry of ACCEPTED.accepted) expect(entry.why.length, key(entry)).toBeGreaterThan(40);
  });
});
