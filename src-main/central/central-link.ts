/**
 * This device's link to its central server: the connection settings (kept in the local store), the
 * shared password and, once an owner or a manager has enrolled this computer, its own database login
 * (both kept in the OS keychain), the CA bundle (copied in, so moving the file breaks nothing), and
 * the one open pool. No settings: the embedded default, and the app is complete on one PC.
 */
import { hostname } from 'node:os';
import { z } from 'zod';
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
  /** Whether this computer has its own login on the server (kept in the keychain). */
  enrolled(): Promise<boolean>;
  /**
   * Enrols this computer with an owner's or a manager's sign-in, through the shared role; on
   * success the computer connects as its own login from then on. Refusals come back as they are.
   */
  enrol(login: string, password: string): Promise<EnrolOutcome>;
  /** Drops this computer's own login (revoked on the server): the next owner's or manager's sign-in enrols it again. */
  forgetEnrolment(): Promise<void>;
  save(settings: StoredSettings, password: string, ca: string): Promise<void>;
  forget(): Promise<void>;
  onConnectionLost(listener: (error: ServerConnectionError) => void): void;
  close(): Promise<void>;
}

export type EnrolOutcome =
  | { status: 'ok' | 'invalid' | 'inactive' | 'forbidden' }
  | { status: 'locked'; retryAfterSeconds: number };

const enrolReply = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), login: z.string(), secret: z.string() }),
  z.object({ status: z.enum(['invalid', 'inactive', 'forbidden']) }),
  z.object({ status: z.literal('locked'), retryAfterSeconds: z.number() }),
]);
const computerLogin = z.object({ login: z.string(), secret: z.string() });

/** How Team → Computers names this computer: its host name, as a person would recognise it. */
const computerName = (): string =>
  hostname()
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .slice(0, 80) || 'Computer';

const REVOKED =
  'The central server no longer accepts this computer: an owner or a manager revoked it (Team → Computers). To use it again, an owner or a manager signs in on it.';

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
  const computerAccount = `central-computer:${deviceId}`;
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
    const own = await ownLogin();
    const password = own?.secret ?? (await secrets.get(passwordAccount).catch(() => null));
    if (password === null) {
      throw new ServerConnectionError(
        'credentials',
        'The central server password is not saved on this computer (no keychain). Enter it again in Settings → Central server.',
        false,
      );
    }
    const opened = openCentralServer(own ? { ...stored, user: own.login } : stored, {
      password,
      ca,
      computer: own !== null,
    });
    open = own ? noticingRevocation(opened) : opened;
    open.onConnectionLost((error) => {
      for (const listener of lostListeners) listener(error);
    });
    return open;
  }

  /** A computer login the server refuses was revoked (or re-enrolled elsewhere): it is dropped here. */
  function noticingRevocation(server: CentralServer): CentralServer {
    return {
      ...server,
      async transaction(token, work, options) {
        try {
          return await server.transaction(token, work, options);
        } catch (error) {
          if (!(error instanceof ServerConnectionError) || error.problem !== 'credentials') throw error;
          await forgetEnrolment();
          throw new ServerConnectionError('credentials', REVOKED, false);
        }
      },
    };
  }

  async function forgetEnrolment(): Promise<void> {
    await closeOpen();
    await secrets.delete(computerAccount).catch(() => undefined);
  }

  async function ownLogin(): Promise<z.output<typeof computerLogin> | null> {
    const text = await secrets.get(computerAccount).catch(() => null);
    const parsed = text === null ? null : computerLogin.safeParse(JSON.parse(text));
    return parsed?.success ? parsed.data : null;
  }

  async function enrol(login: string, password: string): Promise<EnrolOutcome> {
    await forgetEnrolment();
    const shared = await server();
    if (!shared) throw fail.unavailable('No central server is configured on this computer.');
    const reply = await shared.transaction(null, async (query) => {
      const { rows } = await query<{ reply: unknown }>('SELECT kg.enrol_computer($1, $2, $3, $4) AS reply', [
        login,
        password,
        deviceId,
        computerName(),
      ]);
      return enrolReply.parse(rows[0]?.reply);
    });
    if (reply.status !== 'ok') return reply;
    await secrets.set(computerAccount, JSON.stringify({ login: reply.login, secret: reply.secret }));
    // The next call connects as this computer's own login.
    await closeOpen();
    return { status: 'ok' };
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
    enrolled: async () => (await ownLogin()) !== null,
    enrol,
    forgetEnrolment,
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
      await secrets.delete(computerAccount).catch(() => undefined);
      deleteMeta(db, SETTINGS_KEY, CA_KEY);
    },
    onConnectionLost: (listener) => {
      lostListeners.push(listener);
    },
    close: closeOpen,
  };
}
