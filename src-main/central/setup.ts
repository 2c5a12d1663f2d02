/**
 * Creates or upgrades the central server's schema, run once with an administrator's credentials
 * (the old setup_rds_databases.py, made safe): versioned migrations in one transaction, the
 * least-privileged application role computers enrol through, the group role every computer's own
 * login belongs to, their grants and timeouts, and what PUBLIC may no longer do in the database.
 * Running it twice changes nothing.
 */
import pg from 'pg';
import {
  APP_TABLES,
  COMPUTER_FUNCTIONS,
  ENROLMENT_FUNCTIONS,
  ENROLMENT_TABLES,
  REVOKED_FROM_PUBLIC,
} from './app-grants';
import { LATEST_SERVER_SCHEMA, serverMigrations } from './migrations';
import { grantPoolerLookup } from './pooler-lookup';

export interface SetupOptions {
  /** The shared role computers enrol and sign in through; its computers' group is `<appRole>_computers`. */
  appRole: string;
  /** Sets (or resets) the application role's password; omitted, an existing role keeps its own. */
  appPassword?: string;
  /**
   * The database was just restored from a backup: give it a new generation, so every device
   * re-uploads what it holds that the backup lacks, then pulls everything again, and a new era of
   * the server's order, so what devices bring back keeps the place it had.
   */
  restored?: boolean;
  /** A connection pooler's lookup role (PgBouncer's auth_user): computers' logins are looked up through it. */
  poolerLookupRole?: string;
  /** With the lookup: the one login the pooler uses for every computer (default `<appRole>_pool`). */
  poolRole?: string;
  /** Sets (or resets) the pool role's password; a new pool role needs one. */
  poolPassword?: string;
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

// Up to 40 characters, so a computer's login (`<appRole>_computers_<12 hex>`) fits PostgreSQL's 63.
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,39}$/;

/** The NOLOGIN group role that holds the grants every enrolled computer's own login uses. */
export const computerGroup = (appRole: string) => `${appRole}_computers`;

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
    if (options.restored) await client.query('SELECT kg.after_restore()');
    const roleCreated = await ensureAppRole(client, options);
    await ensureComputerGroup(client, options.appRole);
    await grantAppRole(client, options.appRole);
    await revokeFromPublic(client, options.appRole);
    if (options.poolerLookupRole) {
      await grantPoolerLookup(client, options.poolerLookupRole, await currentDatabase(client));
      await ensurePoolRole(client, options);
    }
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
  await setConnectionDefaults(client, role);
  return !exists;
}

/**
 * Defaults anyone holding a shared role's password may have set on it (ALTER ROLE is open to a role
 * for itself) are dropped: set-up leaves only its own.
 */
async function setConnectionDefaults(client: pg.Client, role: string): Promise<void> {
  const database = await currentDatabase(client);
  await client.query(`ALTER ROLE ${role} RESET ALL`);
  await client.query(`ALTER ROLE ${role} IN DATABASE ${database} RESET ALL`);
  // A dropped Wi-Fi must not leave a transaction holding locks, nor a runaway query a connection.
  await client.query(`ALTER ROLE ${role} IN DATABASE ${database} SET statement_timeout = '15s'`);
  await client.query(`ALTER ROLE ${role} IN DATABASE ${database} SET idle_in_transaction_session_timeout = '30s'`);
  await client.query(`ALTER ROLE ${role} IN DATABASE ${database} SET search_path = kg, pg_catalog`);
}

/**
 * The one login a pooler uses for every computer (docs/decisions/0018): a member of the shared role
 * and of the computers' group, so it holds their grants; the server tells computers apart by the
 * secret each transaction presents. Its password belongs in the pooler's auth_file only.
 */
async function ensurePoolRole(client: pg.Client, { appRole, poolRole, poolPassword }: SetupOptions): Promise<void> {
  const name = poolRole ?? `${appRole}_pool`;
  if (!ROLE_NAME.test(name)) throw new Error(`Pool role name "${name}" is not valid`);
  const role = client.escapeIdentifier(name);
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  const exists = rowCount === 1;
  if (!exists && !poolPassword) throw new Error(`The pool role ${name} does not exist yet: give it a password.`);
  if (poolPassword) {
    await client.query(
      `${exists ? 'ALTER' : 'CREATE'} ROLE ${role} LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(poolPassword)}`,
    );
  }
  await client.query(
    `GRANT ${client.escapeIdentifier(appRole)}, ${client.escapeIdentifier(computerGroup(appRole))} TO ${role}`,
  );
  await client.query(`GRANT CONNECT ON DATABASE ${await currentDatabase(client)} TO ${role}`);
  await setConnectionDefaults(client, role);
  await client.query('UPDATE kg.server_info SET pool_role = $1', [name]);
}

async function currentDatabase(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  return client.escapeIdentifier(rows[0]!.db);
}

/** The group computers' logins join at enrolment (kg.make_computer_login); it never logs in itself. */
async function ensureComputerGroup(client: pg.Client, appRole: string): Promise<void> {
  const name = computerGroup(appRole);
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  const attributes = 'NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';
  await client.query(`${rowCount === 1 ? 'ALTER' : 'CREATE'} ROLE ${client.escapeIdentifier(name)} ${attributes}`);
  await client.query('UPDATE kg.server_info SET computer_group = $1', [name]);
}

async function grantAppRole(client: pg.Client, appRole: string): Promise<void> {
  await client.query('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kg FROM PUBLIC');
  await grantExactly(client, appRole, ENROLMENT_FUNCTIONS, ENROLMENT_TABLES);
  await grantExactly(client, computerGroup(appRole), COMPUTER_FUNCTIONS, APP_TABLES);
}

/** Exactly these grants, whatever the role picked up since (by hand, or from an older version). */
async function grantExactly(client: pg.Client, roleName: string, functions: string[], tables: string[]) {
  const role = client.escapeIdentifier(roleName);
  await client.query(`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kg FROM ${role}`);
  await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA kg FROM ${role}`);
  await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA kg FROM ${role}`);
  await client.query(`REVOKE ALL ON SCHEMA kg FROM ${role}`);
  await client.query(`GRANT USAGE ON SCHEMA kg TO ${role}`);
  await client.query(`GRANT SELECT ON ${tables.join(', ')} TO ${role}`);
  await client.query(`GRANT EXECUTE ON FUNCTION ${functions.join(', ')} TO ${role}`);
}

/**
 * What every role gets by default and the app needs not: creating in schema public, temporary
 * tables, pgcrypto (crypt() with a caller's bcrypt cost), large objects, other sessions' activity and
 * table statistics, signalling backends, advisory locks (set-up's own lock among them). Connecting is
 * left to the two app roles. Where the administrator does not own a catalog object (a managed server),
 * PostgreSQL skips that revoke with a warning: see docs/security.md.
 */
async function revokeFromPublic(client: pg.Client, appRole: string): Promise<void> {
  const database = await currentDatabase(client);
  const roles = [appRole, computerGroup(appRole)].map((name) => client.escapeIdentifier(name)).join(', ');
  await client.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
  await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${roles}`);
  await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  await client.query('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC');
  const { rows } = await client.query<{ revoke: string }>(REVOKED_FROM_PUBLIC);
  for (const { revoke } of rows) await client.query(revoke);
}
