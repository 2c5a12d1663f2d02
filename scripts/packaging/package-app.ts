/**
 * Packages the built app (out/) with electron-builder on this OS, signed as far as the secrets in the
 * environment allow, and says in the log what it built (in GitHub Actions as a warning annotation
 * and in the job summary, so an unsigned release is never a surprise).
 *
 *   tsx scripts/packaging/package-app.ts --smoke     unpacked, unsigned, this machine's arch (CI)
 *   tsx scripts/packaging/package-app.ts             installers of electron-builder.yml (release)
 *
 * Never publishes: the release workflow uploads the files to a draft release itself.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IncompleteSecrets, type Platform, signingPlan, updateFeedArgs } from './signing';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PLATFORMS: Partial<Record<NodeJS.Platform, Platform>> = { darwin: 'mac', win32: 'win', linux: 'linux' };

function say(message: string, warning: boolean): void {
  const inActions = process.env.GITHUB_ACTIONS === 'true';
  console.log(inActions && warning ? `::warning title=Packaging::${message}` : `package-app: ${message}`);
  if (inActions && process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `- ${message}\n`);
}

function main(): number {
  const platform = PLATFORMS[process.platform];
  if (!platform) {
    console.error(`package-app: no installer target for ${process.platform}`);
    return 1;
  }
  const smoke = process.argv.includes('--smoke');
  let plan: ReturnType<typeof signingPlan>;
  try {
    plan = signingPlan(platform, process.env, smoke);
  } catch (error) {
    if (!(error instanceof IncompleteSecrets)) throw error;
    console.log(`::error title=Signing secrets incomplete::${error.message}`);
    return 1;
  }
  for (const notice of plan.notices) say(notice, plan.unsigned);
  const feed = updateFeedArgs(process.env);
  if (!feed) say('No update feed (GITHUB_REPOSITORY not set): this build will not update itself.', true);
  // The smoke build packs only this machine's arch: it is the one the test can launch.
  const targets = smoke ? ['--dir', `--${process.arch}`] : [];
  const args = [
    '--config',
    'electron-builder.yml',
    `--${platform}`,
    ...targets,
    '--publish',
    'never',
    ...plan.args,
    ...(feed ?? []),
  ];
  console.log(`package-app: electron-builder ${args.join(' ')}`);
  // Its CLI through node, not a shell: a publisher name with spaces stays one argument on Windows.
  const cli = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...plan.env },
  });
  return result.status ?? 1;
}

process.exit(main());
