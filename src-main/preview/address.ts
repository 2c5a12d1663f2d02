/**
 * Where the preview of a data folder listens, kept in that folder (`preview.json`) so a restart
 * comes back on the same address and a tab left open reconnects by itself.
 *
 * The token is kept too: it guards the bridge against other users of the computer and against web
 * pages, and the file holding it is readable by its owner only (0600), in the folder whose store
 * already holds everything the token opens. `--new-token` makes a new one, e.g. after the address
 * was shared by mistake; tabs holding the old one are then refused.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PreviewAddress {
  port: number;
  token: string;
}

/** Where and how the preview listens this time. */
export interface PreviewListen extends PreviewAddress {
  /** When `port` (0: any free one) is taken: take any free one (true), or fail (false: it was asked for by name). */
  fallBack: boolean;
}

const FILE = 'preview.json';
/** 32 random bytes, base64url: what `newToken` makes. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const newToken = (): string => randomBytes(32).toString('base64url');

const isPort = (port: unknown): port is number =>
  typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535;

/** The address this folder's preview had last time, or null (never started, or the file is not ours). */
export function rememberedAddress(dataFolder: string): PreviewAddress | null {
  try {
    const { port, token } = JSON.parse(readFileSync(join(dataFolder, FILE), 'utf8')) as Partial<PreviewAddress>;
    return isPort(port) && port > 0 && typeof token === 'string' && TOKEN.test(token) ? { port, token } : null;
  } catch {
    return null;
  }
}

/** Written whole under another name, then renamed: a killed process leaves the old file or the new. */
export function rememberAddress(dataFolder: string, address: PreviewAddress): void {
  const file = join(dataFolder, FILE);
  // Made afresh, so the mode applies even where a killed run left a partial file behind.
  rmSync(`${file}.partial`, { force: true });
  writeFileSync(`${file}.partial`, `${JSON.stringify(address)}\n`, { mode: 0o600 });
  renameSync(`${file}.partial`, file);
}

/**
 * This start's address: a port asked for by name (`--port`, no fallback), else last time's port;
 * last time's token unless a new one is asked for. `port` is the option's text; null when absent.
 */
export function whereToListen(dataFolder: string, port: string | null, renewToken: boolean): PreviewListen {
  const last = rememberedAddress(dataFolder);
  const token = !last || renewToken ? newToken() : last.token;
  if (port === null) return { port: last?.port ?? 0, token, fallBack: true };
  const asked = Number(port);
  if (port.trim() === '' || !isPort(asked))
    throw new Error(`--port must be a whole number from 0 to 65535, not ${port}.`);
  return { port: asked, token, fallBack: false };
}
