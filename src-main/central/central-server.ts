/**
 * The connection to one central PostgreSQL server: a bounded pg.Pool over verified TLS only.
 * Every unit of work is one transaction that first presents the user's session token, so the
 * server's row-level security knows whose restaurant it is, and an enrolled computer's secret, so a
 * server reached through a pooler's one login knows which computer asks (docs/decisions/0018).
 * Nothing outlives its transaction (both are set with set_config(…, true); no SET, named prepared statement, LISTEN, session advisory
 * lock or temporary table), so a pooler in transaction mode (PgBouncer, RDS Proxy) may hand each
 * transaction to any server connection. A dropped idle connection (the Wi-Fi
 * going) is reported, never thrown: pg.Pool without an 'error' listener would crash the app.
 */
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import pg from 'pg';
import { LATEST_SERVER_SCHEMA } from './migrations';
import { describeConnectionError, isDataError, ServerConnectionError, ServerDataError } from './server-errors';

export interface ServerSettings {
  host: string;
  port: number;
  database: string;
  user: string;
}

export interface ServerCredentials {
  password: string;
  /** PEM of the CA bundle that must have signed the server's certificate. */
  ca: string;
  /** The password is this computer's own secret (its enrolled login's): each transaction presents it. */
  computer?: boolean;
}

export interface ConnectionReport {
  tlsVersion: string;
  serverVersion: string;
  roundTripMs: number;
  schemaVersion: number;
}

export type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params?: unknown[],
) => Promise<pg.QueryResult<R>>;

export interface TransactionOptions {
  /** One consistent snapshot for several reads (initial sync). */
  snapshot?: boolean;
  /** Fault-injection seam for tests: runs after the work, just before COMMIT is sent. */
  beforeCommit?: () => Promise<void>;
}

export interface CentralServer {
  readonly settings: ServerSettings;
  transaction<T>(token: string | null, work: (query: Query) => Promise<T>, options?: TransactionOptions): Promise<T>;
  test(): Promise<ConnectionReport>;
  /** Called when an idle pooled connection dies. */
  onConnectionLost(listener: (error: ServerConnectionError) => void): void;
  close(): Promise<void>;
}

export const POOL_SIZE = 4;
/**
 * An idle computer gives its connections back after this long: between syncs it holds none (or, with
 * the frequent check of sync/engine.ts, the one the check keeps using).
 */
export const IDLE_CONNECTION_MS = 10_000;

export interface PoolOptions {
  /** How long an unused connection stays open (tests make it short). */
  idleMs?: number;
}

export function poolConfig(
  settings: ServerSettings,
  credentials: ServerCredentials,
  { idleMs = IDLE_CONNECTION_MS }: PoolOptions = {},
): pg.PoolConfig {
  return {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password: credentials.password,
    // verify-full: the chain must lead to the chosen CA and the certificate must name the host.
    ssl: {
      ca: credentials.ca,
      rejectUnauthorized: true,
      servername: isIP(settings.host) ? undefined : settings.host,
      minVersion: 'TLSv1.2',
    },
    max: POOL_SIZE,
    idleTimeoutMillis: idleMs,
    connectionTimeoutMillis: 10_000,
    query_timeout: 30_000,
    keepAlive: true,
    application_name: 'KitchenGuard',
  };
}

export function openCentralServer(
  settings: ServerSettings,
  credentials: ServerCredentials,
  options: PoolOptions = {},
): CentralServer {
  if (!credentials.ca.includes('BEGIN CERTIFICATE')) {
    throw new ServerConnectionError(
      'certificate_untrusted',
      'Choose the CA bundle file (.pem) that signed the server certificate.',
      false,
    );
  }
  const pool = new pg.Pool(poolConfig(settings, credentials, options));
  const lostListeners: ((error: ServerConnectionError) => void)[] = [];
  pool.on('error', (error) => {
    const described = describeConnectionError(error, settings);
    for (const listener of lostListeners) listener(described);
  });

  // While a client is checked out the pool stops listening to it, and pg.Client emits 'error' when
  // its connection dies even mid-query (the query is rejected too). Unheard, that 'error' would be
  // an uncaught exception ending the app, so each lease listens; the failure surfaces through the
  // rejected query, and the dead client is dropped from the pool on release.
  async function checkout(): Promise<pg.PoolClient> {
    try {
      const client = await pool.connect();
      client.on('error', heardWhileCheckedOut);
      return client;
    } catch (error) {
      throw describeConnectionError(error, settings);
    }
  }

  function checkin(client: pg.PoolClient, destroy = false): void {
    client.removeListener('error', heardWhileCheckedOut);
    client.release(destroy || undefined);
  }

  return {
    settings,

    async transaction(token, work, options = {}) {
      const client = await checkout();
      let broken: unknown = null;
      try {
        await client.query(BEGIN[options.snapshot ? 'snapshot' : 'plain']);
        await client.query(PRESENT, [token ?? '', credentials.computer ? credentials.password : '']);
        const result = await work((text, params) => client.query(text, params));
        await options.beforeCommit?.();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = error;
        await client.query('ROLLBACK').catch(() => undefined);
        if (isServerRaised(error)) throw error;
        throw isDataError(error) ? new ServerDataError(error) : describeConnectionError(error, settings);
      } finally {
        // A connection that failed mid-transaction is not trusted again, unless what failed was the data.
        checkin(client, Boolean(broken) && !isServerRaised(broken) && !isDataError(broken));
      }
    },

    async test() {
      const client = await checkout();
      try {
        const started = performance.now();
        await client.query('SELECT 1');
        const roundTripMs = performance.now() - started;
        const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
        const schemaVersion = await readSchemaVersion(client);
        const socket = (client as unknown as { connection: { stream: TLSSocket } }).connection.stream;
        return {
          tlsVersion: socket.getProtocol?.() ?? 'unknown',
          serverVersion: rows[0]?.server_version ?? 'unknown',
          roundTripMs,
          schemaVersion,
        };
      } catch (error) {
        throw describeConnectionError(error, settings);
      } finally {
        checkin(client);
      }
    },

    onConnectionLost(listener) {
      lostListeners.push(listener);
    },

    close: () => pool.end(),
  };
}

/**
 * Said in full: behind a pooler the server connection is shared, and defaults someone set on its
 * login (default_transaction_read_only, a stricter isolation) must not change the app's transactions.
 */
const BEGIN = {
  plain: 'BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE',
  snapshot: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ WRITE',
};
/**
 * Who asks, as bound parameters: behind a pooler every computer's transactions run as one role, and
 * a value written into the query text would show in pg_stat_activity for as long as the transaction
 * lasts (one more round trip than sending it with BEGIN, for that).
 */
const PRESENT = "SELECT set_config('kg.session_token', $1, true), set_config('kg.computer_secret', $2, true)";

/** The lease's 'error' listener: the same failure reaches the caller as the rejected query. */
const heardWhileCheckedOut = (): void => {};

/** Errors the server's own functions raise on purpose (SQLSTATE class KG) pass through as they are. */
export const isServerRaised = (error: unknown): boolean =>
  /^KG\d{3}$/.test(String((error as { code?: unknown })?.code ?? ''));

async function readSchemaVersion(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM kg.schema_migrations',
  );
  const version = rows[0]?.version ?? 0;
  if (version < LATEST_SERVER_SCHEMA) {
    throw new ServerConnectionError(
      'schema_old',
      `The server's KitchenGuard schema is version ${version}; this app needs version ${LATEST_SERVER_SCHEMA}. Run the server set-up (Settings → Central server → Set up server) to upgrade it.`,
      false,
    );
  }
  return version;
}
