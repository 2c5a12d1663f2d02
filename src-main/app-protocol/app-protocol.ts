/**
 * The renderer's files served from the app's own origin, app://kitchenguard/, instead of file://
 * (a file:// page shares its origin with every file on the disk). Electron's protocol handler only
 * passes requests here; what may be answered, and with which headers, is decided in plain Node.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kitchenguard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The app's own page (any hash or query), never another host or scheme. */
export function isAppPageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.pathname === '/index.html';
  } catch {
    return false;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export type Resolved = { file: string; contentType: string } | { status: 400 | 403 | 404; reason: string };

/**
 * Which file under `root` an app:// URL names, or why none. Refused: another host, an undecodable
 * or NUL-bearing path, backslashes (a separator on Windows), and anything that leaves `root`
 * (`..`, encoded or not). Only the file types the renderer is built into are served.
 */
export function resolveAppRequest(url: string, root: string): Resolved {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { status: 403, reason: 'another origin' };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400, reason: 'undecodable path' };
  }
  if (path.includes('\0') || path.includes('\\')) return { status: 400, reason: 'forbidden character in path' };
  const file = join(root, path === '/' ? 'index.html' : path);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { status: 403, reason: 'outside the renderer folder' };
  }
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!contentType) return { status: 404, reason: 'not a file type the app serves' };
  return { file, contentType };
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** The answer to one app:// request: the file with its type and the app's CSP, or a bare error. */
export async function serveAppRequest(url: string, root: string): Promise<AppResponse> {
  const resolved = resolveAppRequest(url, root);
  if ('status' in resolved) return { status: resolved.status, headers: {}, body: resolved.reason };
  try {
    const body = await readFile(resolved.file);
    return {
      status: 200,
      headers: {
        'Content-Type': resolved.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
      body,
    };
  } catch {
    return { status: 404, headers: {}, body: 'not found' };
  }
}
