/**
 * This device's link to its central server: the connection settings (kept in the local store), the
 * password (kept in the OS keychain), the CA bundle (copied in, so moving the file breaks nothing),
 * and the one open pool. No settings: the embedded default, and the app is complete on one PC.
 */
import { fail } from '../../shared/errors';
import type { SecretStore } from '../secrets/keychain';
import { readChosenFile } from '../store/chosen-file';
import type { Db } from '../store/database';
import { deleteMeta, readMeta, writeMeta } from '../store/meta';
import { type CentralServer, openCentralServer, type ServerSettings } from './central-server';
import { ServerConnectionError } from './server-errors';

export interface StoredSettings extends ServerSettings {
  caFile: string;
}

export interface CentralLink {
  settings(): StoredSettings | null;
  /** The database password kept in the keychain, or null. */
  savedPassword(): Promise<string | null>;
  /** The open server, or null on the embedded default. */
  server(): Promise<CentralServer | null>;
  /** The open server, or an `unavailable` failure saying it is not configured. */
  requireServer(): Promise<CentralServer>;
  save(settings: StoredSettings, password: string, ca: string): Promise<void>;
  forget(): Promise<void>;
  onConnectionLost(listener: (error: ServerConnectionError) => void): void;
  close(): Promise<void>;
}

const SETTINGS_KEY = 'central.settings';
const CA_KEY = 'central.ca';

const MAX_CA_BUNDLE_BYTES = 1024 * 1024;

/** A CA bundle from a file the user chose: untrusted until it reads as PEM certificates. */
export async function readCaBundle(path: string): Promise<string> {
  const file = await readChosenFile(path, { field: 'caFile', what: 'CA bundle file', maxBytes: MAX_CA_BUNDLE_BYTES });
  const text = file.toString('utf8');
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text)) {
    throw fail.validation('caFile', 'That file is not a PEM certificate bundle (for AWS RDS: global-bundle.pem).');
  }
  return text;
}

export function openCentralLink(db: Db, secrets: SecretStore, deviceId: string): CentralLink {
  const passwordAccount = `central-password:${deviceId}`;
  let open: CentralServer | null = null;
  const lostListeners: ((error: ServerConnectionError) => void)[] = [];

  const settings = (): StoredSettings | null => {
    const text = readMeta(db, SETTINGS_KEY);
    return text ? (JSON.parse(text) as StoredSettings) : null;
  };

  async function server(): Promise<CentralServer | null> {
    if (open) return open;
    const stored = settings();
    const ca = readMeta(db, CA_KEY);
    if (!stored || !ca) return null;
    const password = await secrets.get(passwordAccount).catch(() => null);
    if (password === null) {
      throw new ServerConnectionError(
        'credentials',
        'The central server password is not saved on this computer (no keychain). Enter it again in Settings → Central server.',
        false,
      );
    }
    open = openCentralServer(stored, { password, ca });
    open.onConnectionLost((error) => {
      for (const listener of lostListeners) listener(error);
    });
    return open;
  }

  async function closeOpen(): Promise<void> {
    const closing = open;
    open = null;
    await closing?.close().catch(() => undefined);
  }

  return {
    settings,
    savedPassword: () => secrets.get(passwordAccount).catch(() => null),
    server,
    async requireServer() {
      const opened = await server();
      if (!opened) throw fail.unavailable('No central server is configured on this computer.');
      return opened;
    },
    async save(next, password, ca) {
      await closeOpen();
      await secrets.set(passwordAccount, password);
      db.transaction(() => {
        writeMeta(db, SETTINGS_KEY, JSON.stringify(next));
        writeMeta(db, CA_KEY, ca);
      })();
    },
    async forget() {
      await closeOpen();
      await secrets.delete(passwordAccount).catch(() => undefined);
      deleteMeta(db, SETTINGS_KEY, CA_KEY);
    },
    onConnectionLost: (listener) => {
      lostListeners.push(listener);
    },
    close: closeOpen,
  };
}
