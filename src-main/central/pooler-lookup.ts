/**
 * What a connection pooler (PgBouncer) needs to let computers in: every computer has its own login,
 * made at enrolment (docs/decisions/0008), so no file can list them. PgBouncer looks each one up with
 * `auth_query` as a dedicated lookup role, through this SECURITY DEFINER function; PgBouncer 1.18
 * runs the query in the database the computer asks for, so set-up installs it there. Only ordinary
 * logins come back, never a superuser's: an administrator cannot be reached through the pooler.
 * The function must belong to a role that can read pg_authid (a superuser; see README "A restaurant
 * chain" for managed servers, where no role can).
 */
import type pg from 'pg';

/** The auth_query line of pgbouncer.ini that goes with this function. */
export const POOLER_AUTH_QUERY = 'SELECT usename, passwd FROM pgbouncer.user_lookup($1)';

const LOOKUP_FUNCTION = `
CREATE SCHEMA IF NOT EXISTS pgbouncer;
REVOKE ALL ON SCHEMA pgbouncer FROM PUBLIC;
CREATE OR REPLACE FUNCTION pgbouncer.user_lookup(p_user text)
RETURNS TABLE (usename text, passwd text) LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT rolname::text, CASE WHEN rolvaliduntil < now() THEN NULL ELSE rolpassword END
    FROM pg_authid WHERE rolname = p_user AND rolcanlogin AND NOT rolsuper
$$;
REVOKE ALL ON FUNCTION pgbouncer.user_lookup(text) FROM PUBLIC;`;

/** Installs the lookup for `lookupRole` (which must exist: its password goes into PgBouncer's auth_file). */
export async function grantPoolerLookup(client: pg.Client, lookupRole: string, database: string): Promise<void> {
  const role = client.escapeIdentifier(lookupRole);
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1 AND rolcanlogin', [lookupRole]);
  if (rowCount !== 1) throw new Error(`The pooler's lookup role ${lookupRole} does not exist (or cannot log in).`);
  await client.query(LOOKUP_FUNCTION);
  await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
  await client.query(`GRANT USAGE ON SCHEMA pgbouncer TO ${role}`);
  await client.query(`GRANT EXECUTE ON FUNCTION pgbouncer.user_lookup(text) TO ${role}`);
}
