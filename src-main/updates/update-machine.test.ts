/**
 * The update state machine against a local HTTP server serving update metadata exactly as
 * electron-builder writes it (latest.yml / beta.yml with files, sha512, size, releaseDate,
 * stagingPercentage) and the installer file it names.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UpdateChannel } from '../../shared/contract/updates';
import { openCountsWithLinesHere } from '../counts/counting-here';
import { deviceId } from '../store/meta';
import { itemInput, owner, quietLog, removeFolder, TestClock, tempFolder, testCores } from '../testing/temp-core';
import { stagePosition } from './update-decision';
import { httpUpdateFeed } from './update-feed';
import { CHECK_EVERY_MS, createUpdateMachine, FIRST_CHECK_AFTER_MS, type UpdateSource } from './update-machine';

const INSTALLER = Buffer.alloc(256 * 1024, 7);
const SHA512 = createHash('sha512').update(INSTALLER).digest('base64');
/** Position 0 and ~100 in a staged rollout (the last 8 hex digits decide). */
const EARLY_COMPUTER = '0190a000-0000-7000-8000-000000000000';
const LATE_COMPUTER = '0190a000-0000-7000-8000-0000fffffff0';

/** latest.yml as electron-builder 26 writes it for an NSIS build. */
const metadata = (version: string, extra = '') => `version: ${version}
files:
  - url: KitchenGuard-Setup-${version}-x64.exe
    sha512: ${SHA512}
    size: ${INSTALLER.length}
path: KitchenGuard-Setup-${version}-x64.exe
sha512: ${SHA512}
releaseDate: '2026-11-30T09:12:44.811Z'
${extra}`;

const openCore = testCores();

let feed: Record<string, string | Buffer | number> = {};
const requests: string[] = [];
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const path = (request.url ?? '/').slice(1);
    requests.push(path);
    const body = feed[path];
    if (typeof body === 'number') return void response.writeHead(body).end();
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates/`;
});
afterAll(() => new Promise((closed) => server.close(closed)));

const folders: string[] = [];
afterEach(() => {
  feed = {};
  requests.length = 0;
  vi.useRealTimers();
  for (const folder of folders.splice(0)) removeFolder(folder);
});

function serve(files: Record<string, string | Buffer | number>): void {
  feed = Object.fromEntries(Object.entries(files).map(([name, body]) => [`updates/${name}`, body]));
}

function machine({
  current = '1.1.0',
  channel = 'stable' as UpdateChannel,
  computer = EARLY_COMPUTER,
  waiting = 0,
  countsOpenHere = (): number => 0,
} = {}) {
  const folder = tempFolder('kg-updates');
  folders.push(folder);
  const settings = { channel, lastCheckAt: null as string | null };
  const installs: string[] = [];
  const httpFeed = httpUpdateFeed(baseUrl, folder, 'cannot install here');
  const source: UpdateSource = { ...httpFeed, install: () => installs.push('installed') };
  const updates = createUpdateMachine({
    currentVersion: current,
    computerId: computer,
    source,
    settings: {
      channel: () => settings.channel,
      setChannel: (next) => {
        settings.channel = next;
      },
      lastCheckAt: () => settings.lastCheckAt,
      setLastCheckAt: (at) => {
        settings.lastCheckAt = at;
      },
    },
    changesWaiting: () => waiting,
    countsOpenHere,
    clock: new TestClock(),
    log: quietLog,
  });
  return { updates, installs, folder };
}

describe('checking and downloading', () => {
  it('a newer stable release is downloaded, checked against its SHA-512, and then ready', async () => {
    serve({ 'latest.yml': metadata('1.2.0'), 'KitchenGuard-Setup-1.2.0-x64.exe': INSTALLER });
    const { updates } = machine();
    expect(updates.status()).toMatchObject({
      version: '1.1.0',
      channel: 'stable',
      lastCheckAt: null,
      state: { kind: 'idle' },
    });
    const status = await updates.check();
    expect(status.state).toEqual({ kind: 'ready', version: '1.2.0' });
    expect(status.lastCheckAt).toBe(new TestClock().now().toISOString());
    expect(requests).toEqual(['updates/latest.yml', 'updates/KitchenGuard-Setup-1.2.0-x64.exe']);
  });

  it('never a downgrade, and the same version is up to date', async () => {
    serve({ 'latest.yml': metadata('1.2.0') });
    expect((await machine({ current: '1.3.0' }).updates.check()).state).toEqual({ kind: 'up-to-date', newer: null });
    expect((await machine({ current: '1.2.0' }).updates.check()).state).toEqual({ kind: 'up-to-date', newer: null });
    // A beta computer switched back to stable keeps its newer beta.
    expect((await machine({ current: '1.3.0-beta.1' }).updates.check()).state.kind).toBe('up-to-date');
    expect(requests.filter((path) => path.endsWith('.exe'))).toEqual([]);
  });

  it('beta reads beta.yml and takes a newer stable too; stable never sees a beta', async () => {
    serve({
      'latest.yml': metadata('1.2.0'),
      'beta.yml': metadata('1.3.0-beta.1'),
      'KitchenGuard-Setup-1.2.0-x64.exe': INSTALLER,
      'KitchenGuard-Setup-1.3.0-beta.1-x64.exe': INSTALLER,
      'KitchenGuard-Setup-1.4.0-x64.exe': INSTALLER,
    });
    expect((await machine({ channel: 'beta' }).updates.check()).state).toEqual({
      kind: 'ready',
      version: '1.3.0-beta.1',
    });
    expect((await machine({ channel: 'stable' }).updates.check()).state).toEqual({ kind: 'ready', version: '1.2.0' });
    feed['updates/latest.yml'] = metadata('1.4.0');
    expect((await machine({ channel: 'beta' }).updates.check()).state).toEqual({ kind: 'ready', version: '1.4.0' });
  });

  it('a beta channel with no beta.yml on the server falls back to latest.yml', async () => {
    serve({ 'latest.yml': metadata('1.2.0'), 'KitchenGuard-Setup-1.2.0-x64.exe': INSTALLER });
    expect((await machine({ channel: 'beta' }).updates.check()).state).toEqual({ kind: 'ready', version: '1.2.0' });
  });

  it('staged rollout: stagingPercentage decides per computer, the same way at every check', async () => {
    expect(stagePosition(EARLY_COMPUTER)).toBe(0);
    expect(stagePosition(LATE_COMPUTER)).toBeGreaterThan(99);
    serve({
      'latest.yml': metadata('1.2.0', 'stagingPercentage: 10\n'),
      'KitchenGuard-Setup-1.2.0-x64.exe': INSTALLER,
    });
    const late = machine({ computer: LATE_COMPUTER }).updates;
    expect((await late.check()).state).toEqual({ kind: 'up-to-date', newer: '1.2.0' });
    expect((await late.check()).state).toEqual({ kind: 'up-to-date', newer: '1.2.0' });
    expect((await machine({ computer: EARLY_COMPUTER }).updates.check()).state).toEqual({
      kind: 'ready',
      version: '1.2.0',
    });
    feed['updates/latest.yml'] = metadata('1.2.0', 'stagingPercentage: 100\n');
    expect((await late.check()).state).toEqual({ kind: 'ready', version: '1.2.0' });
  });

  it('a download that does not match its SHA-512 is not kept and says so', async () => {
    serve({ 'latest.yml': metadata('1.2.0'), 'KitchenGuard-Setup-1.2.0-x64.exe': Buffer.alloc(INSTALLER.length, 8) });
    const { updates } = machine();
    expect((await updates.check()).state).toEqual({
      kind: 'error',
      message: 'KitchenGuard-Setup-1.2.0-x64.exe does not match its SHA-512: not kept.',
    });
  });

  it('a server error or metadata that is not metadata is an error state, not a crash', async () => {
    serve({ 'latest.yml': 500 });
    expect((await machine().updates.check()).state).toEqual({
      kind: 'error',
      message: `The update server answered 500 for ${baseUrl}latest.yml`,
    });
    serve({ 'latest.yml': '<html>captive portal</html>' });
    expect((await machine().updates.check()).state).toMatchObject({ kind: 'error', message: /is not update metadata/ });
    serve({ 'latest.yml': metadata('one point two') });
    expect((await machine().updates.check()).state).toMatchObject({ kind: 'error', message: /no valid version/ });
  });

  it('one check at a time; a ready update is kept, not checked again', async () => {
    serve({ 'latest.yml': metadata('1.2.0'), 'KitchenGuard-Setup-1.2.0-x64.exe': INSTALLER });
    const { updates } = machine();
    const [first, second] = await Promise.all([updates.check(), updates.check()]);
    expect(first.state).toEqual(second.state);
    await updates.check();
    expect(requests.filter((path) => path === 'updates/latest.yml')).toHaveLength(1);
  });

  it('changing the channel is kept and checks again at once', async () => {
    serve({
      'latest.yml': metadata('1.1.0'),
      'beta.yml': metadata('1.2.0-beta.1'),
      'KitchenGuard-Setup-1.2.0-beta.1-x64.exe': INSTALLER,
    });
    const { updates } = machine();
    expect((await updates.check()).state.kind).toBe('up-to-date');
    const status = await updates.setChannel('beta');
    expect(status).toMatchObject({ channel: 'beta', state: { kind: 'ready', version: '1.2.0-beta.1' } });
    // Back to stable: the beta it downloaded is dropped, and stable has nothing newer than 1.1.0.
    expect(await updates.setChannel('stable')).toMatchObject({ channel: 'stable', state: { kind: 'up-to-date' } });
  });
});

describe('timing', () => {
  it('checks a few seconds after start', async () => {
    serve({ 'latest.yml': metadata('1.1.0') });
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const { updates } = machine();
    updates.start();
    vi.advanceTimersByTime(FIRST_CHECK_AFTER_MS - 1);
    expect(updates.status().state.kind).toBe('idle');
    vi.advanceTimersByTime(1);
    expect(updates.status().state.kind).toBe('checking');
    // The fetch itself needs real timers.
    vi.useRealTimers();
    await vi.waitFor(() => expect(updates.status().state.kind).toBe('up-to-date'));
    updates.stop();
  });

  it('then every few hours, until stopped', async () => {
    serve({ 'latest.yml': metadata('1.1.0') });
    const every = vi.spyOn(globalThis, 'setInterval');
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    const { updates } = machine();
    updates.start();
    const [tick, period] = every.mock.calls.at(-1)!;
    expect(period).toBe(CHECK_EVERY_MS);
    (tick as () => void)();
    expect(updates.status().state.kind).toBe('checking');
    await vi.waitFor(() => expect(updates.status().state.kind).toBe('up-to-date'));
    updates.stop();
    expect(cleared).toHaveBeenCalledWith(every.mock.results.at(-1)?.value);
    every.mockRestore();
    cleared.mockRestore();
  });
});

describe('restarting to update', () => {
  async function ready(waiting: number, countsOpenHere = (): number => 0) {
    serve({ 'latest.yml': metadata('1.2.0'), 'KitchenGuard-Setup-1.2.0-x64.exe': INSTALLER });
    const made = machine({ waiting, countsOpenHere });
    await made.updates.check();
    return made;
  }

  it('nothing waiting to sync: restarts and installs', async () => {
    const { updates, installs } = await ready(0);
    expect(updates.restart(false)).toEqual({ outcome: 'restarting' });
    expect(installs).toEqual(['installed']);
  });

  it('changes waiting to sync: asks first, and restarts only once the person agrees', async () => {
    const { updates, installs } = await ready(3);
    expect(updates.restart(false)).toEqual({
      outcome: 'confirm',
      reason: expect.stringMatching(/^3 changes are waiting to reach the central server/),
    });
    expect(installs).toEqual([]);
    expect(updates.restart(true)).toEqual({ outcome: 'restarting' });
    expect(installs).toEqual(['installed']);
  });

  it('in the middle of a count on this computer (a real store): asks first; once submitted, restarts without asking', async () => {
    const core = await openCore();
    await core.call('auth.register', owner());
    const flour = await core.call('inventory.create', itemInput({ name: 'Flour', openingStock: '5' }));
    const count = await core.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    const { updates, installs } = await ready(0, () => openCountsWithLinesHere(core.db, deviceId(core.db)));
    // Started but nothing entered here yet: no counting of this computer's to interrupt.
    expect(updates.restart(false)).toEqual({ outcome: 'restarting' });
    await core.call('counts.enter', { countId: count.id, itemId: flour.id, storageAreaId: null, quantity: '4' });
    expect(updates.restart(false)).toEqual({
      outcome: 'confirm',
      reason:
        'A count is still open with lines entered on this computer. Every saved line is kept, but if someone is counting here, the restart closes KitchenGuard in the middle of it.',
    });
    expect(installs).toEqual(['installed']);
    expect(updates.restart(true)).toEqual({ outcome: 'restarting' });
    await core.call('counts.submit', { countId: count.id });
    expect(updates.restart(false)).toEqual({ outcome: 'restarting' });
    expect(installs).toEqual(['installed', 'installed', 'installed']);
  });

  it('a count open here and changes waiting: the question gives both reasons', async () => {
    const { updates, installs } = await ready(1, () => 2);
    const asked = updates.restart(false);
    expect(asked).toMatchObject({ outcome: 'confirm' });
    expect(asked.outcome === 'confirm' && asked.reason).toMatch(
      /^2 counts are still open with lines entered on this computer\. .* 1 change is waiting to reach the central server\./,
    );
    expect(installs).toEqual([]);
  });

  it('no update ready: refused, nothing installed', () => {
    const { updates, installs } = machine();
    expect(() => updates.restart(true)).toThrow('No update is ready to install.');
    expect(installs).toEqual([]);
  });

  it('a host that cannot update itself says why, and never checks', async () => {
    const updates = createUpdateMachine({
      currentVersion: '1.1.0',
      computerId: EARLY_COMPUTER,
      source: { unavailable: 'The browser preview does not update itself.' },
      settings: { channel: () => 'stable', setChannel: () => {}, lastCheckAt: () => null, setLastCheckAt: () => {} },
      changesWaiting: () => 0,
      countsOpenHere: () => 0,
      clock: new TestClock(),
      log: quietLog,
    });
    expect((await updates.check()).state).toEqual({
      kind: 'unavailable',
      reason: 'The browser preview does not update itself.',
    });
    expect(requests).toEqual([]);
  });
});
