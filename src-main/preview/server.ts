/**
 * The browser preview: the same core as the Electron main process, behind a loopback-only HTTP
 * bridge that demands a random token (address.ts keeps it and the port per data folder), with the
 * built renderer served beside it. For machines with no Electron binary (and for the e2e run). It
 * is never part of a packaged build.
 */
import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import type { Core } from '../core/app-core';
import type { PreviewListen } from './address';
import { type BackupDownloads, type Claim, DOWNLOAD_PATH } from './downloads';

const MAX_BODY_BYTES = 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface PreviewServer {
  url: string;
  port: number;
  /** The port asked for, when another program held it and the preview took a free one instead. */
  portTaken: number | null;
  close(): Promise<void>;
}

export async function startPreviewServer(
  core: Core,
  rendererFolder: string,
  { port, token, fallBack }: PreviewListen,
  downloads: BackupDownloads,
): Promise<PreviewServer> {
  const server = createServer((request, response) => {
    const host: Host = { core, rendererFolder, token, downloads, server };
    handle(host, request, response).catch(() => send(response, 500, 'Internal error'));
  });
  const taken = !(await listen(server, port, fallBack));
  if (taken) await listen(server, 0, false);
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/#token=${token}`,
    port: actual,
    portTaken: taken ? port : null,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Listens on 127.0.0.1:port; false when the port is in use and `orNot` allows that answer. */
function listen(server: Server, port: number, orNot: boolean): Promise<boolean> {
  return new Promise((done, failed) => {
    const refused = (error: NodeJS.ErrnoException) => {
      server.off('listening', listening);
      if (orNot && error.code === 'EADDRINUSE') done(false);
      else failed(error);
    };
    const listening = () => {
      server.off('error', refused);
      done(true);
    };
    server.once('error', refused);
    server.once('listening', listening);
    server.listen(port, '127.0.0.1');
  });
}

/** What a request is answered from. */
interface Host {
  core: Core;
  rendererFolder: string;
  token: string;
  downloads: BackupDownloads;
  server: Server;
}

async function handle(host: Host, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // A page on another origin that resolves a name to 127.0.0.1 still sends its own Host: refuse it.
  const { port } = host.server.address() as AddressInfo;
  if (request.headers.host !== `127.0.0.1:${port}`) return send(response, 421, 'Wrong host');
  if (request.url === '/api/invoke') return invokeCore(host.core, host.token, request, response);
  if (request.method !== 'GET') return send(response, 405, 'Method not allowed');
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname === DOWNLOAD_PATH)
    return sendDownload(host.downloads.claim(url.searchParams.get('ticket') ?? ''), response);
  return serveFile(host.rendererFolder, request.url ?? '/', response);
}

/** A backup as a download, streamed: it may be larger than what is wise to hold in memory. */
function sendDownload(claim: Claim, response: ServerResponse): void {
  if (!claim.ok) {
    send(response, claim.status, claim.message);
    return;
  }
  response.writeHead(200, {
    'content-type': 'application/vnd.sqlite3',
    'content-length': claim.bytes,
    // A listed backup's name: letters, digits and dashes, nothing to escape.
    'content-disposition': `attachment; filename="${claim.name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(claim.file)
    .on('error', () => response.destroy())
    .pipe(response);
}

async function invokeCore(core: Core, token: string, request: IncomingMessage, response: ServerResponse) {
  if (request.method !== 'POST') return send(response, 405, 'Method not allowed');
  if (!sameSecret(String(request.headers['x-kitchenguard-token'] ?? ''), token))
    return send(response, 401, 'Bad token');
  if (!String(request.headers['content-type']).startsWith('application/json')) return send(response, 415, 'JSON only');
  const body = await readBody(request);
  if (body === null) return send(response, 413, 'Too large: a call may carry at most 1 MB.');
  let call: { channel?: unknown; input?: unknown };
  try {
    call = JSON.parse(body) as typeof call;
  } catch {
    return send(response, 400, 'Malformed JSON');
  }
  const result = await core.invoke(call?.channel, call?.input);
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(result));
}

async function serveFile(rendererFolder: string, url: string, response: ServerResponse): Promise<void> {
  const path = decodedPath(url);
  if (path === null) return send(response, 400, 'Malformed address');
  if (path === '/preview-bridge.js') return sendFile(response, join(import.meta.dirname, 'bridge.js'));
  const root = resolve(rendererFolder);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root + sep)) return send(response, 404, 'Not found');
  if (file.endsWith('index.html')) return sendIndex(response, file);
  return sendFile(response, file);
}

/** The address's path, or null when its %-escapes are malformed. */
function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return null;
  }
}

/** The built page, with the preview bridge loaded before the app's own script. */
async function sendIndex(response: ServerResponse, file: string): Promise<void> {
  const html = await readFile(file, 'utf8').catch(() => null);
  if (html === null) return send(response, 404, 'Not found');
  const page = html.replace('<head>', '<head>\n    <script src="/preview-bridge.js"></script>');
  response.writeHead(200, headers('.html'));
  response.end(page);
}

async function sendFile(response: ServerResponse, file: string): Promise<void> {
  const content = await readFile(file).catch(() => null);
  if (content === null) return send(response, 404, 'Not found');
  response.writeHead(200, headers(extname(file)));
  response.end(content);
}

const headers = (extension: string) => ({
  'content-type': TYPES[extension] ?? 'application/octet-stream',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
});

function send(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(message);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The body as text, or null when it is over the limit. The rest of an oversized body is still read
 * (and dropped) so the caller gets its 413 instead of a connection reset mid-upload.
 */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((done, failed) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => done(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', failed);
  });
}
