import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFolder, tempFolder, testCores } from '../testing/temp-core';
import { type PreviewServer, startPreviewServer } from './server';

const open = testCores();
let preview: PreviewServer | null = null;
let renderer: string;
afterEach(async () => {
  await preview?.close();
  preview = null;
  removeFolder(renderer);
});

/** The preview over a real core and a small built renderer (an index page and one script). */
async function startPreview() {
  renderer = tempFolder('kg-renderer');
  writeFileSync(join(renderer, 'index.html'), '<html><head></head><body>KitchenGuard</body></html>');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  preview = await startPreviewServer(await open(), renderer);
  const url = new URL(preview.url);
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
});
