import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder } from '../store/backup';
import { itemInput, registerOwner, removeFolder, type TestCore, tempFolder, testCores } from '../testing/temp-core';
import { newToken, type PreviewListen } from './address';
import { backupDownloads } from './downloads';
import { type PreviewServer, startPreviewServer } from './server';

const open = testCores();
let preview: PreviewServer | null = null;
let renderer: string;
let squatter: Server | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
  squatter?.close();
  squatter = null;
  removeFolder(renderer);
});

const ANYWHERE: PreviewListen = { port: 0, token: newToken(), fallBack: true };
/** The time the preview's download tickets see; tests move it. */
let clockMs = Date.parse('2026-12-02T09:00:00Z');
const downloads = backupDownloads(() => clockMs);
let core: TestCore;

/** The preview over a real core and a small built renderer (an index page and one script). */
async function startPreview(listen = ANYWHERE) {
  renderer = tempFolder('kg-renderer');
  writeFileSync(join(renderer, 'index.html'), '<html><head></head><body>KitchenGuard</body></html>');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  core = await open({ saveBackupCopy: downloads.offer });
  preview = await startPreviewServer(core, renderer, listen, downloads);
  return bridgeTo(preview.url);
}

/** Calls as the page at `address` makes them, with the token of that address. */
function bridgeTo(address: string) {
  const url = new URL(address);
  const token = url.hash.slice('#token='.length);
  return {
    get: (path: string) => fetch(new URL(path, url.origin)),
    invoke: (body: string) =>
      fetch(new URL('/api/invoke', url.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kitchenguard-token': token },
        body,
      }),
  };
}

describe('the browser preview bridge', () => {
  it('serves the page and its files, and answers a call', async () => {
    const bridge = await startPreview();
    expect(await (await bridge.get('/')).text()).toContain('<script src="/preview-bridge.js"></script>');
    expect(await (await bridge.get('/assets/app.js')).text()).toBe('console.log(1)');
    const answer = await bridge.invoke(JSON.stringify({ channel: 'auth.session', input: {} }));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ok: true });
  });

  it('answers a call over 1 MB with 413, not a dropped connection', async () => {
    const bridge = await startPreview();
    const answer = await bridge.invoke(JSON.stringify({ channel: 'auth.session', input: 'x'.repeat(1024 * 1024) }));
    expect(answer.status).toBe(413);
    expect(await answer.text()).toBe('Too large: a call may carry at most 1 MB.');
  });

  it('answers a malformed address with 400 and a missing file with 404, never 500', async () => {
    const bridge = await startPreview();
    expect((await bridge.get('/assets/%E0%A4%A.js')).status).toBe(400);
    expect((await bridge.get('/assets/missing.js')).status).toBe(404);
    expect((await bridge.get('/missing/index.html')).status).toBe(404);
    expect((await bridge.get('/assets')).status).toBe(404);
  });

  it('comes back on the port and token it is given, so a tab left open goes on working', async () => {
    const first = await startPreview();
    const { port } = preview!;
    const tab = bridgeTo(preview!.url);
    await preview!.close();
    await expect(first.invoke(JSON.stringify({ channel: 'auth.session', input: {} }))).rejects.toThrow();

    preview = await startPreviewServer(await open(), renderer, { ...ANYWHERE, port }, downloads);
    expect(preview.port).toBe(port);
    expect(preview.portTaken).toBeNull();
    expect((await tab.invoke(JSON.stringify({ channel: 'auth.session', input: {} }))).status).toBe(200);
  });

  it('takes another port when its own is taken, and says which it asked for', async () => {
    const port = await portHeldByAnotherProgram();
    await startPreview({ ...ANYWHERE, port });
    expect(preview!.port).not.toBe(port);
    expect(preview!.portTaken).toBe(port);
    expect(preview!.url).toBe(`http://127.0.0.1:${preview!.port}/#token=${ANYWHERE.token}`);
  });

  it('fails on a port asked for by name that is taken', async () => {
    const port = await portHeldByAnotherProgram();
    await expect(startPreview({ ...ANYWHERE, port, fallBack: false })).rejects.toThrow(/EADDRINUSE/);
  });

  it('refuses a call with another token, as a tab of an earlier token would be', async () => {
    await startPreview();
    const stranger = bridgeTo(`${preview!.url.split('#')[0]}#token=${newToken()}`);
    expect((await stranger.invoke(JSON.stringify({ channel: 'auth.session', input: {} }))).status).toBe(401);
  });

  it('hands a checked backup to the browser once, at a one-time address that expires', async () => {
    const bridge = await startPreview();
    await registerOwner(core);
    await core.call('inventory.create', itemInput({ name: 'Milk' }));
    const backup = await core.call('backups.create', {});
    const offered = await core.call('backups.saveCopy', { name: backup.name });
    expect(offered).toMatchObject({ outcome: 'download', fileName: backup.name });
    const url = offered.outcome === 'download' ? offered.url : '';

    const download = await bridge.get(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${backup.name}"`);
    expect(download.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.equals(readFileSync(join(backupFolder(core.folder), backup.name)))).toBe(true);

    expect((await bridge.get(url)).status).toBe(404);
    const late = await core.call('backups.saveCopy', { name: backup.name });
    clockMs += 61_000;
    expect((await bridge.get(late.outcome === 'download' ? late.url : '')).status).toBe(404);
    expect((await bridge.get('/api/backup-copy?ticket=guessed')).status).toBe(404);
    expect(await (await bridge.get('/api/backup-copy')).text()).toContain('spent or has expired');
  });
});

/** A port on 127.0.0.1 that another listener holds for the rest of the test. */
async function portHeldByAnotherProgram(): Promise<number> {
  const held = createServer();
  squatter = held;
  await new Promise<void>((done) => held.listen(0, '127.0.0.1', done));
  return (held.address() as { port: number }).port;
}
