/**
 * `npm run server:setup -- --host H --database D --admin-user U --ca global-bundle.pem [--port 5432]
 *   [--app-user kitchenguard_app]`: creates or upgrades the central server's schema and the
 * application role the desktop clients connect as. Run once by an administrator; running it again
 * changes nothing. The administrator's password is asked for (or read from KITCHENGUARD_ADMIN_PASSWORD)
 * and never stored; the application password comes from KITCHENGUARD_APP_PASSWORD or, for a new
 * role, is generated and printed once. After restoring the database from a backup, run it once
 * with --after-restore: every computer then puts back what the backup lacks and resyncs. Behind
 * PgBouncer, --pooler-lookup-role NAME lets PgBouncer's auth_user look up each computer's login and
 * makes the pool role PgBouncer logs in as for every computer (--pool-role, default <app-user>_pool;
 * its password from KITCHENGUARD_POOL_PASSWORD or, with --new-pool-password, generated and printed
 * once for PgBouncer's auth_file; README, "A restaurant chain").
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeConnectionError } from '../src-main/central/server-errors';
import { setupServer } from '../src-main/central/setup';
import { askHidden, CENTRAL_SERVER_OPTIONS } from './admin-cli';

const { values } = parseArgs({
  options: {
    ...CENTRAL_SERVER_OPTIONS,
    'app-user': { type: 'string', default: 'kitchenguard_app' },
    'new-app-password': { type: 'boolean', default: false },
    'after-restore': { type: 'boolean', default: false },
    'pooler-lookup-role': { type: 'string' },
    'pool-role': { type: 'string' },
    'new-pool-password': { type: 'boolean', default: false },
  },
});

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    console.error(`Missing --${name}. Usage: npm run server:setup -- --host H --database D --admin-user U --ca FILE`);
    process.exit(2);
  }
  return value;
}

const where = {
  host: required('host'),
  port: Number(values.port),
  database: required('database'),
  user: required('admin-user'),
};
const ca = readFileSync(required('ca'), 'utf8');
const adminPassword = process.env.KITCHENGUARD_ADMIN_PASSWORD ?? (await askHidden(`Password for ${where.user}: `));
const generated = values['new-app-password'] ? randomBytes(18).toString('base64url') : undefined;
const appPassword = process.env.KITCHENGUARD_APP_PASSWORD ?? generated;
const poolPassword =
  process.env.KITCHENGUARD_POOL_PASSWORD ??
  (values['new-pool-password'] ? randomBytes(18).toString('base64url') : undefined);

try {
  const result = await setupServer(
    { ...where, password: adminPassword, ssl: { ca, rejectUnauthorized: true } },
    {
      appRole: values['app-user'] ?? 'kitchenguard_app',
      appPassword,
      restored: values['after-restore'],
      poolerLookupRole: values['pooler-lookup-role'],
      poolRole: values['pool-role'],
      poolPassword,
    },
  );
  const changed = result.fromVersion === result.toVersion ? 'already current' : `upgraded from ${result.fromVersion}`;
  console.log(`KitchenGuard schema version ${result.toVersion} (${changed}) on ${where.database} at ${where.host}.`);
  console.log(`Application role ${values['app-user']}: ${result.roleCreated ? 'created' : 'kept'}.`);
  if (appPassword && !process.env.KITCHENGUARD_APP_PASSWORD) {
    console.log(`Its password (shown once; enter it in each computer's Settings → Central server): ${appPassword}`);
  }
  if (poolPassword && !process.env.KITCHENGUARD_POOL_PASSWORD) {
    console.log(`The pool role's password (shown once; for PgBouncer's auth_file only): ${poolPassword}`);
  }
} catch (error) {
  const message = /application role .* does not exist/.test(String(error))
    ? `${(error as Error).message} Add --new-app-password (or set KITCHENGUARD_APP_PASSWORD).`
    : /pool role .* does not exist/.test(String(error))
      ? `${(error as Error).message} Add --new-pool-password (or set KITCHENGUARD_POOL_PASSWORD).`
      : describeConnectionError(error, where).message;
  console.error(`Server set-up failed: ${message}`);
  process.exit(1);
}
