/** The app:// resolver over a real folder, without Electron: what it serves and what it refuses. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { isAppPageUrl, RENDERER_ENTRY_URL, resolveAppRequest, serveAppRequest } from './app-protocol';

const parent = mkdtempSync(join(tmpdir(), 'kg-app-protocol-'));
const root = join(parent, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>KitchenGuard</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(parent, 'secret.js'), 'the store password');
writeFileSync(join(parent, 'renderer-evil.js'), 'beside, not inside');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('serveAppRequest', () => {
  it('serves the entry page and its assets with their type, the CSP and nosniff', async () => {
    const page = await serveAppRequest(RENDERER_ENTRY_URL, root);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<title>KitchenGuard</title>');
    expect(page.headers).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    const script = await serveAppRequest('app://kitchenguard/assets/index-abc.js?v=1#x', root);
    expect(script).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    expect((await serveAppRequest('app://kitchenguard/', root)).status).toBe(200);
  });

  it('a missing file is a 404, not an error', async () => {
    expect(await serveAppRequest('app://kitchenguard/assets/gone.js', root)).toEqual({
      status: 404,
      headers: {},
      body: 'not found',
    });
  });

  it.each([
    ['app://kitchenguard/../secret.js', 'dot segments'],
    ['app://kitchenguard/%2e%2e/secret.js', 'encoded dots'],
    ['app://kitchenguard/assets/%2e%2e%2f%2e%2e%2fsecret.js', 'encoded dots and slashes'],
    ['app://kitchenguard/..%2fsecret.js', 'encoded slash'],
    ['app://kitchenguard/..%2frenderer-evil.js', 'a sibling folder sharing the prefix'],
    ['app://kitchenguard/%2e%2e', 'the parent itself'],
  ])('refuses %s (%s)', async (url) => {
    const answer = await serveAppRequest(url, root);
    expect(answer.status).not.toBe(200);
    expect(String(answer.body)).not.toMatch(/store password|beside/);
  });

  it.each([
    ['app://kitchenguard/..%5csecret.js', 400, 'forbidden character in path'],
    ['app://kitchenguard/index.html%00.png', 400, 'forbidden character in path'],
    ['app://kitchenguard/%E0%A4%A', 400, 'undecodable path'],
    ['app://elsewhere/index.html', 403, 'another origin'],
    ['file:///etc/passwd', 403, 'another origin'],
    ['app://kitchenguard/..%2fsecret.js', 403, 'outside the renderer folder'],
    ['app://kitchenguard/notes.txt', 404, 'not a file type the app serves'],
  ])('%s → %i %s', (url, status, reason) => {
    expect(resolveAppRequest(url, root)).toEqual({ status, reason });
  });
});

describe('isAppPageUrl (the IPC sender check)', () => {
  it("accepts the app's page with any hash or query", () => {
    expect(isAppPageUrl(RENDERER_ENTRY_URL)).toBe(true);
    expect(isAppPageUrl(`${RENDERER_ENTRY_URL}#/kitchen`)).toBe(true);
  });

  it.each([
    'file:///opt/KitchenGuard/resources/app.asar/out/renderer/index.html',
    'app://evil/index.html',
    'app://kitchenguard/assets/index-abc.js',
    'https://kitchenguard/index.html',
    'about:blank',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppPageUrl(url)).toBe(false);
  });
});
