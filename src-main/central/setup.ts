/**
 * Creates or upgrades the central server's schema, run once with an administrator's credentials
 * (the old setup_rds_databases.py, made safe): versioned migrations in one transaction, the
 * least-privileged application role the desktop clients connect as, its grants and its timeouts.
 * Running it twice changes nothing.
 */
import pg from 'pg';
import { APP_FUNCTIONS, APP_TABLES } from './app-grants';
import { LATEST_SERVER_SCHEMA, serverMigrations } from './migrations';

export interface SetupOptions {
  /** The role desktop clients log in as. */
  appRole: string;
  /** Sets (or resets) the application role's password; omitted, an existing role keeps its own. */
  appPassword?: string;
  /**
   * The database was just restored from a backup: give it a new generation, so every device
   * re-uploads what it holds that the backup lacks, then pulls everything again.
   */
  restored?: boolean;
}

export interface SetupResult {
  fromVersion: number;
  toVersion: number;
  roleCreated: boolean;
}

const BOOTSTRAP = `
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE SCHEMA IF NOT EXISTS kg;
REVOKE ALL ON SCHEMA kg FROM PUBLIC;
CREATE TABLE IF NOT EXISTS kg.schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);`;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function setupServer(admin: pg.ClientConfig, options: SetupOptions): Promise<SetupResult> {
  if (!ROLE_NAME.test(options.appRole)) throw new Error(`Application role name "${options.appRole}" is not valid`);
  const client = new pg.Client(admin);
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('kitchenguard-server-setup'))");
    await client.query(BOOTSTRAP);
    const fromVersion = await currentVersion(client);
    if (fromVersion > LATEST_SERVER_SCHEMA) {
      throw new Error(
        `The server schema is version ${fromVersion}, newer than this app knows (${LATEST_SERVER_SCHEMA}).`,
      );
    }
    for (const migration of serverMigrations.filter((m) => m.version > fromVersion)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO kg.schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    if (options.restored) await client.query('UPDATE kg.server_info SET generation = gen_random_uuid()');
    const roleCreated = await ensureAppRole(client, options);
    await grantAppRole(client, options.appRole);
    await client.query('COMMIT');
    return { fromVersion, toVersion: LATEST_SERVER_SCHEMA, roleCreated };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function currentVersion(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM kg.schema_migrations',
  );
  return rows[0]?.version ?? 0;
}

async function ensureAppRole(client: pg.Client, { appRole, appPassword }: SetupOptions): Promise<boolean> {
  const role = client.escapeIdentifier(appRole);
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appRole]);
  const exists = rowCount === 1;
  if (!exists && !appPassword)
    throw new Error(`The application role ${appRole} does not exist yet: give it a password.`);
  const password = appPassword ? ` PASSWORD ${client.escapeLiteral(appPassword)}` : '';
  await client.query(
    `${exists ? 'ALTER' : 'CREATE'} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT${password}`,
  );
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  const database = client.escapeIdentifier(rows[0]!.db);
  // A dropped Wi-Fi must not leave a transaction holding locks, nor a runaway query a connection.
  await client.query(`ALTER ROLE ${role} IN DATABASE ${database} SET statement_timeout = '15s'`);
  await client.query(`ALTER ROLE ${role} IN DATABASE ${database} SET idle_in_transaction_session_timeout = '30s'`);
  await client.query(`ALTER ROLE ${role} IN DATABASE ${database} SET search_path = kg, pg_catalog`);
  return !exists;
}

async function grantAppRole(client: pg.Client, appRole: string): Promise<void> {
  const role = client.escapeIdentifier(appRole);
  await client.query('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kg FROM PUBLIC');
  // Exactly the grants below, whatever the role picked up since (by hand, or from an older version).
  await client.query(`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kg FROM ${role}`);
  await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA kg FROM ${role}`);
  await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA kg FROM ${role}`);
  await client.query(`REVOKE ALL ON SCHEMA kg FROM ${role}`);
  await client.query(`GRANT USAGE ON SCHEMA kg TO ${role}`);
  await client.query(`GRANT SELECT ON ${APP_TABLES.join(', ')} TO ${role}`);
  await client.query(`GRANT EXECUTE ON FUNCTION ${APP_FUNCTIONS.join(', ')} TO ${role}`);
}
