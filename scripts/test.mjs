#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in order — system packages, typecheck, lint, build, then the
 * unit/integration suite (vitest) and the e2e suite (Playwright) each inside a private D-Bus session
 * with an unlocked gnome-keyring, so keychain tests meet a real Secret Service
 * (docs/decisions/0006-test-environment.md).
 *
 * Every step runs even when an earlier one failed (one run shows all problems), except that no step
 * runs without the system packages and e2e does not run without a build. Exit code 0 only if all
 * steps passed. `npm test -- unit e2e` runs only the named steps (ids below).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// Absolute paths: inside the keyring session HOME is a temp folder, so nothing may depend on it.
const bin = (name) => join(root, 'node_modules', '.bin', name);
const npm = (script) => ['npm', 'run', '--silent', script];

/** Hard limit per step, so a hung process cannot eat CI's 90 minutes; the whole run is ~5 min. */
const STEP_TIMEOUT_MS = 25 * 60 * 1000;

const steps = [
  { id: 'setup', title: 'system packages', command: [process.execPath, 'scripts/setup-system.mjs'], required: true },
  // `npm run typecheck`, one tsc project per step so errors in one do not hide the other's.
  { id: 'tsc-node', title: 'typecheck: main, shared, scripts, e2e', command: [bin('tsc'), '-p', 'tsconfig.node.json'] },
  { id: 'tsc-web', title: 'typecheck: renderer', command: [bin('tsc'), '-p', 'tsconfig.web.json'] },
  // The two halves of `npm run lint`, run apart so a format error does not hide an architecture one.
  { id: 'biome', title: 'lint: biome', command: npm('lint:biome') },
  { id: 'deps', title: 'lint: dependency-cruiser', command: npm('lint:deps') },
  { id: 'build', title: 'build (electron-vite)', command: [bin('electron-vite'), 'build'] },
  {
    id: 'unit',
    title: 'unit + integration (vitest)',
    command: [bin('vitest'), 'run', '--project', 'main', '--project', 'renderer'],
    keyring: true,
  },
  // The sync and security suites again, every computer connecting through PgBouncer in transaction mode.
  {
    id: 'pooled',
    title: 'sync + security through PgBouncer (vitest)',
    command: [bin('vitest'), 'run', '--project', 'pooled'],
    keyring: true,
  },
  { id: 'e2e', title: 'e2e (playwright)', command: [bin('playwright'), 'test'], keyring: true, needs: 'build' },
];

/**
 * The recipe of docs/decisions/0006-test-environment.md: a fresh HOME (so the keyring files are
 * new), a private session bus, and gnome-keyring's Secret Service unlocked with a throwaway
 * password. XDG_RUNTIME_DIR moves too: on a developer's desktop it would otherwise point at their
 * real, running keyring.
 */
const KEYRING_SESSION = [
  'export HOME="$KG_TEST_HOME" XDG_DATA_HOME="$KG_TEST_HOME/.local/share"',
  'XDG_CONFIG_HOME="$KG_TEST_HOME/.config" XDG_CACHE_HOME="$KG_TEST_HOME/.cache" XDG_RUNTIME_DIR="$KG_TEST_HOME/run";',
  'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;',
  'exec "$@"',
].join(' ');

function inKeyringSession(command) {
  const home = mkdtempSync(join(tmpdir(), 'kg-test-home-'));
  mkdirSync(join(home, 'run'), { mode: 0o700 });
  return {
    command: ['dbus-run-session', '--', 'sh', '-c', KEYRING_SESSION, 'kg-keyring-session', ...command],
    // Tests read KITCHENGUARD_KEYCHAIN to insist the keychain is really there rather than skip.
    env: { KG_TEST_HOME: home, KITCHENGUARD_KEYCHAIN: 'secret-service' },
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Signals a step's whole process group (vitest workers, Chromium, previews, PostgreSQL clusters). */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

let current = null;
let cleanupSession = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) killGroup(current.pid, signal);
    cleanupSession?.();
    console.error(`\nnpm test: stopped by ${signal}`);
    process.exit(130);
  });
}

/** Runs a command in its own process group (so a timeout or Ctrl-C stops all it started). */
function run(command, extraEnv) {
  return new Promise((done) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: root,
      env: { ...process.env, ...extraEnv },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    current = child;
    const timer = setTimeout(() => {
      console.error(`npm test: ${command.join(' ')} took over ${STEP_TIMEOUT_MS / 60000} min; stopping it.`);
      killGroup(child.pid, 'SIGKILL');
    }, STEP_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: 127, detail: error.message });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      done({ code: code ?? 1, detail: signal ? `killed by ${signal}` : `exit ${code}` });
    });
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !steps.some((step) => step.id === id));
if (unknown.length > 0) {
  console.error(`npm test: unknown step(s) ${unknown.join(', ')}; steps are ${steps.map((s) => s.id).join(', ')}`);
  process.exit(2);
}

const results = [];
const started = Date.now();
for (const step of steps) {
  if (wanted.length > 0 && !wanted.includes(step.id) && !step.required) continue;
  const blocker = results.find((r) => r.status !== 'ok' && (r.required || r.id === step.needs));
  if (blocker) {
    results.push({ ...step, status: 'skip', detail: `${blocker.title} failed`, seconds: 0 });
    continue;
  }
  console.log(`\n━━ npm test: ${step.title} ━━ ${step.command.join(' ')}`);
  const session = step.keyring ? inKeyringSession(step.command) : null;
  cleanupSession = session?.cleanup ?? null;
  const t0 = Date.now();
  const { code, detail } = await run(session?.command ?? step.command, session?.env);
  session?.cleanup();
  const seconds = (Date.now() - t0) / 1000;
  results.push({ ...step, status: code === 0 ? 'ok' : 'FAIL', detail: code === 0 ? '' : detail, seconds });
}

const total = (Date.now() - started) / 1000;
const failed = results.filter((r) => r.status !== 'ok');
console.log('\n━━ npm test summary ━━');
for (const r of results) {
  console.log(`  ${r.status.padEnd(4)}  ${r.title.padEnd(40)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.detail}`);
}
console.log(
  failed.length === 0
    ? `  all ${results.length} steps passed in ${total.toFixed(0)} s`
    : `  ${failed.length} of ${results.length} steps did not pass (${total.toFixed(0)} s)`,
);
process.exit(failed.length === 0 ? 0 : 1);
