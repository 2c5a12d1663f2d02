#!/usr/bin/env node
/**
 * `npm run setup:system` (and the first step of `npm test`): makes sure the system packages the
 * tests need are on this machine. Debian 12 is what the project is built on
 * (docs/decisions/0006-test-environment.md):
 * missing packages are installed with apt-get when running as root, otherwise this stops with the
 * exact command to run. When everything is present it only looks at files: no apt, under a second.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Is `name` an executable on PATH (or an absolute path that exists)? */
function onPath(name) {
  if (name.startsWith('/')) return existsSync(name);
  // Root's PATH has the sbin folders; a user's may not, and apt puts some tools there.
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  return folders.some((folder) => folder && existsSync(join(folder, name)));
}

/** A shared library in the usual Debian folders (multiarch included). */
function hasLibrary(file) {
  const roots = ['/usr/lib', '/lib'];
  const folders = roots.flatMap((root) => {
    if (!existsSync(root)) return [];
    const multiarch = readdirSync(root).filter((name) => name.endsWith('-linux-gnu'));
    return [root, ...multiarch.map((name) => join(root, name))];
  });
  return folders.some((folder) => existsSync(join(folder, file)));
}

/** The newest PostgreSQL ≥ 15 whose server binaries are installed the Debian way, or null. */
function postgresVersion() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .map(Number)
    .filter((version) => version >= 15 && existsSync(join(root, String(version), 'bin', 'initdb')))
    .sort((a, b) => b - a);
  return versions[0] ?? null;
}

/** What the tests need, the Debian package that provides it, and how to tell it is there. */
const checks = [
  {
    what: 'Chromium (Playwright e2e)',
    pkg: 'chromium',
    test: () => existsSync('/usr/bin/chromium') && '/usr/bin/chromium',
  },
  { what: 'D-Bus session (keychain tests)', pkg: 'dbus', test: () => onPath('dbus-run-session') && 'dbus-run-session' },
  {
    what: 'gnome-keyring (Secret Service)',
    pkg: 'gnome-keyring',
    test: () => onPath('gnome-keyring-daemon') && 'gnome-keyring-daemon',
  },
  {
    what: 'libsecret (@napi-rs/keyring)',
    pkg: 'libsecret-1-0',
    test: () => hasLibrary('libsecret-1.so.0') && 'libsecret-1.so.0',
  },
  {
    what: 'PostgreSQL ≥ 15 server (sync tests)',
    pkg: 'postgresql',
    test: () => postgresVersion() && `/usr/lib/postgresql/${postgresVersion()}/bin`,
  },
  {
    what: 'pgcrypto (logins verified in the server)',
    pkg: 'postgresql',
    test: () => {
      const control = `/usr/share/postgresql/${postgresVersion()}/extension/pgcrypto.control`;
      return existsSync(control) && control;
    },
  },
  {
    what: 'PgBouncer (sync suites through a pooler)',
    pkg: 'pgbouncer',
    test: () => onPath('pgbouncer') && 'pgbouncer',
  },
  { what: 'runuser (initdb must not run as root)', pkg: 'util-linux', test: () => onPath('runuser') && 'runuser' },
  { what: 'OpenSSL (test CA and certificates)', pkg: 'openssl', test: () => onPath('openssl') && 'openssl' },
  // better-sqlite3 compiles from source at `npm ci` (no prebuilt binary is reachable here).
  { what: 'python3 (node-gyp)', pkg: 'python3', test: () => onPath('python3') && 'python3' },
  { what: 'make (node-gyp)', pkg: 'make', test: () => onPath('make') && 'make' },
  { what: 'g++ (node-gyp)', pkg: 'g++', test: () => onPath('g++') && 'g++' },
];

function runChecks(label) {
  const missing = [];
  for (const check of checks) {
    const found = check.test();
    console.log(
      `setup-system: ${found ? 'ok     ' : 'MISSING'} ${check.what.padEnd(40)} ${found || `(package ${check.pkg})`}${label}`,
    );
    if (!found) missing.push(check);
  }
  return [...new Set(missing.map((check) => check.pkg))];
}

const packages = runChecks('');
if (packages.length === 0) process.exit(0);

const install = `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(' ')}`;
const isRoot = process.getuid?.() === 0;
const hasApt = onPath('apt-get');

if (!isRoot || !hasApt) {
  const why = hasApt ? 'not running as root' : 'apt-get not found (this set-up knows Debian/Ubuntu)';
  console.error(`\nsetup-system: ${packages.length} package(s) missing and cannot install them: ${why}. Run:\n`);
  console.error(
    hasApt
      ? `  sudo apt-get update && sudo ${install}\n`
      : `  apt-get update && ${install}\n  (or your system's equivalent of: ${packages.join(' ')})\n`,
  );
  process.exit(1);
}

/** Runs apt-get with its output shown; stops the set-up if it fails. */
function apt(args) {
  console.log(`setup-system: apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`setup-system: apt-get ${args[0]} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

const started = Date.now();
apt(['update']);
apt(['install', '-y', '--no-install-recommends', ...packages]);
const stillMissing = runChecks(' (after install)');
if (stillMissing.length > 0) {
  console.error(`setup-system: still missing after apt-get: ${stillMissing.join(' ')}`);
  process.exit(1);
}
console.log(`setup-system: installed ${packages.join(' ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
