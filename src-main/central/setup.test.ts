/**
 * Server set-up: creates the schema and the application role on an empty database, changes nothing
 * when run again, upgrades an older schema in place with its data, and refuses what it cannot do.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ENROLMENT_TABLES } from './app-grants';
import { type CentralServer, openCentralServer } from './central-server';
import { LATEST_SERVER_SCHEMA, serverMigrations } from './migrations';
import { setupServer } from './setup';
import {
  adminIn,
  emptyDatabase,
  failureOf,
  migrateTo,
  newRestaurant,
  PASSWORD,
  person,
  type Reply,
  uniqueName,
} from './testing/app-role';
import { adminConfig, clusterInfo } from './testing/test-server';

const cluster = clusterInfo();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

interface Target {
  database: string;
  role: string;
  password: string;
}

/** An empty database and a name for an application role that does not exist yet. */
async function freshTarget(): Promise<Target> {
  const { database, drop } = await emptyDatabase(cluster);
  const role = uniqueName('kg_app');
  cleanups.push(() => drop(role));
  return { database, role, password: `pw-${randomUUID()}` };
}

/** Set-up as an administrator runs it; `null`: without an application password. */
const setup = (target: Target, appPassword: string | null = target.password) =>
  setupServer(adminConfig(cluster, target.database), { appRole: target.role, appPassword: appPassword ?? undefined });

const admin = async <T = Reply>(target: Target, sql: string, params: unknown[] = []): Promise<T> =>
  Object.values((await adminIn(cluster, target.database, sql, params)).rows[0] ?? {})[0] as T;

/** Runs work against the target through the app's own pool, as its shared role or a computer's own login. */
async function asApp<T>(
  target: Target,
  work: (central: CentralServer) => Promise<T>,
  { user = target.role, password = target.password } = {},
) {
  const central = openCentralServer(
    { host: cluster.host, port: cluster.port, database: target.database, user },
    { password, ca: cluster.ca },
  );
  try {
    return await work(central);
  } finally {
    await central.close();
  }
}

const call = (central: CentralServer, token: string | null, sql: string, ...params: unknown[]): Promise<Reply> =>
  central.transaction(token, async (query) => (await query(`SELECT ${sql} AS reply`, params)).rows[0]!.reply);

/** What set-up decides, read from the catalog: the same snapshot means it changed nothing. */
const catalogOf = (target: Target) =>
  admin(
    target,
    `SELECT jsonb_build_object(
      'migrations', (SELECT jsonb_agg(to_jsonb(m) ORDER BY version) FROM kg.schema_migrations m),
      'serverInfo', (SELECT to_jsonb(s) FROM kg.server_info s),
      'schemaAcl', (SELECT nspacl::text FROM pg_namespace WHERE nspname = 'kg'),
      'functions', (SELECT jsonb_agg(jsonb_build_object('oid', p.oid, 'signature', p.oid::regprocedure::text,
          'definer', p.prosecdef, 'config', p.proconfig, 'acl', p.proacl::text,
          'executable', has_function_privilege($1, p.oid, 'EXECUTE')) ORDER BY p.oid::regprocedure::text)
        FROM pg_proc p WHERE p.pronamespace = 'kg'::regnamespace),
      'relations', (SELECT jsonb_agg(jsonb_build_object('oid', c.oid, 'name', c.relname, 'kind', c.relkind,
          'rls', c.relrowsecurity,
          -- A sequence's ACL may be spelled out or left default; what counts is what the role may do.
          'acl', CASE WHEN c.relkind = 'S' THEN has_sequence_privilege($1, c.oid, 'USAGE, SELECT, UPDATE')::text
                      ELSE c.relacl::text END) ORDER BY c.relname)
        FROM pg_class c WHERE c.relnamespace = 'kg'::regnamespace),
      'policies', (SELECT jsonb_agg(to_jsonb(p) ORDER BY tablename, policyname) FROM pg_policies p WHERE schemaname = 'kg'),
      'grants', (SELECT jsonb_agg(table_name || ':' || privilege_type ORDER BY table_name, privilege_type)
        FROM information_schema.role_table_grants WHERE grantee = $1),
      'role', (SELECT to_jsonb(r) - 'rolpassword' FROM pg_roles r WHERE rolname = $1),
      'roleSettings', (SELECT s.setconfig FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
        WHERE r.rolname = $1 AND s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())),
      'extensions', (SELECT jsonb_agg(extname ORDER BY extname) FROM pg_extension))`,
    [target.role],
  );

describe('on an empty database', () => {
  it('creates the latest schema and the application role, with its timeouts and search path', async () => {
    const target = await freshTarget();
    expect(await setup(target)).toEqual({ fromVersion: 0, toVersion: LATEST_SERVER_SCHEMA, roleCreated: true });
    const catalog = await catalogOf(target);
    expect(catalog.migrations.map((m: Reply) => [m.version, m.name])).toEqual(
      serverMigrations.map((m) => [m.version, m.name]),
    );
    expect(catalog.roleSettings).toEqual([
      'statement_timeout=15s',
      'idle_in_transaction_session_timeout=30s',
      'search_path=kg, pg_catalog',
    ]);
    expect(catalog.extensions).toEqual(['pgcrypto', 'plpgsql']);
    expect(catalog.grants).toEqual(ENROLMENT_TABLES.map((table) => `${table.slice(3)}:SELECT`).sort());
    expect(await asApp(target, (central) => central.test())).toMatchObject({ schemaVersion: LATEST_SERVER_SCHEMA });
  });

  it('changes nothing when run again: same catalog, same objects, same grants', async () => {
    const target = await freshTarget();
    await setup(target);
    const before = await catalogOf(target);
    expect(await setup(target)).toEqual({
      fromVersion: LATEST_SERVER_SCHEMA,
      toVersion: LATEST_SERVER_SCHEMA,
      roleCreated: false,
    });
    expect(await catalogOf(target)).toEqual(before);
  });

  it('after a restore it gives the server a new generation, and otherwise never', async () => {
    const target = await freshTarget();
    await setup(target);
    const generation = () => admin<string>(target, 'SELECT generation::text FROM kg.server_info');
    const first = await generation();
    await setup(target);
    expect(await generation()).toBe(first);
    await setupServer(adminConfig(cluster, target.database), { appRole: target.role, restored: true });
    expect(await generation()).not.toBe(first);
  });

  it('two set-ups at once: one creates, the other finds it done', async () => {
    const target = await freshTarget();
    const results = await Promise.all([setup(target), setup(target)]);
    expect(results.map((r) => [r.fromVersion, r.roleCreated]).sort()).toEqual([
      [0, true],
      [LATEST_SERVER_SCHEMA, false],
    ]);
  });
});

describe('on an older schema', () => {
  const AT = '2026-11-26T09:00:00.000Z';
  const LATER = '2026-11-26T09:05:00.000Z';

  /** A restaurant's data written at `version`, in the SQL of that version. */
  async function writeAtVersion(target: Target, version: number) {
    const owner = person('owner');
    const restaurant = newRestaurant('Kept Bistro');
    const device = randomUUID();
    const lemons = randomUUID();
    await admin(target, 'SELECT kg.register($1, $2, $3, $4)', [restaurant, owner, PASSWORD, device]);
    if (version >= 2) {
      await admin(
        target,
        `INSERT INTO kg.items (id, restaurant_id, area, name, unit, unit_cost, created_by, updated_by, version)
         VALUES ($1, $2, 'bar', 'Lemons', 'each', 0.3, $3, $3, 1)`,
        [lemons, restaurant.id, owner.id],
      );
      await admin(target, 'INSERT INTO kg.devices (id, restaurant_id, last_mutation_id) VALUES ($1, $2, 5)', [
        device,
        restaurant.id,
      ]);
      await admin(
        target,
        `INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, recorded_by, recorded_at,
           device_id, version)
         VALUES ($1, $2, $3, 'count', 12, $4, $5, $6, 1)`,
        [randomUUID(), restaurant.id, lemons, owner.id, AT, device],
      );
    }
    return { owner, device, lemons };
  }

  it.each(serverMigrations.map((m) => m.version))(
    'upgrades a v%i database in place: its people sign in, its stock and devices carry on',
    async (version) => {
      const target = await freshTarget();
      await migrateTo(cluster, target.database, version);
      const { owner, device, lemons } = await writeAtVersion(target, version);
      const generation = await admin(target, 'SELECT generation FROM kg.server_info');

      expect(await setup(target)).toEqual({ fromVersion: version, toVersion: LATEST_SERVER_SCHEMA, roleCreated: true });
      expect(await admin(target, 'SELECT generation FROM kg.server_info')).toBe(generation);
      const enrolled = await asApp(target, async (central) => {
        expect((await central.test()).schemaVersion).toBe(LATEST_SERVER_SCHEMA);
        return call(central, null, 'kg.enrol_computer($1, $2, $3, $4)', owner.email, PASSWORD, device, 'Kept PC');
      });
      expect(enrolled.status).toBe('ok');
      await asApp(
        target,
        async (central) => {
          const login = await call(central, null, 'kg.login($1, $2, $3)', owner.email, PASSWORD, device);
          expect([login.status, login.user.id, login.user.restaurant.name]).toEqual(['ok', owner.id, 'Kept Bistro']);
          const stock = () =>
            central.transaction(login.token, async (query) =>
              (
                await query(`SELECT i.name, s.on_hand::text AS "onHand"
                             FROM kg.items i JOIN kg.item_stock s ON s.item_id = i.id ORDER BY i.name`)
              ).rows.map((row) => ({ ...row })),
            );
          expect(await stock()).toEqual(version >= 2 ? [{ name: 'Lemons', onHand: '12.000' }] : []);
          const acknowledged = await call(central, login.token, 'kg.device_state($1)', device);
          expect(acknowledged.lastMutationId).toBe(version >= 2 ? 5 : 0);
          // The device carries on where the server stands, and what the newer versions brought works.
          const next = acknowledged.lastMutationId + 1;
          const mutations: { id: number; name: string; args: Record<string, unknown> }[] = [
            {
              id: next,
              name: 'item.create',
              args: { id: randomUUID(), area: 'kitchen', name: 'Basil', unit: 'bunch', unitCostCents: 99 },
            },
          ];
          if (version >= 2) {
            // After the count: stock is derived in the order things happened (server schema v15).
            const delivery = { id: randomUUID(), itemId: lemons, reason: 'delivery', quantityMilli: 3000, at: LATER };
            mutations.push({ id: next + 1, name: 'movement.record', args: delivery });
          }
          const pushed = await call(central, login.token, 'kg.push($1, $2)', device, JSON.stringify(mutations));
          expect([pushed.lastMutationId, pushed.rejected]).toEqual([next + mutations.length - 1, []]);
          expect(await stock()).toEqual([
            { name: 'Basil', onHand: '0' },
            ...(version >= 2 ? [{ name: 'Lemons', onHand: '15.000' }] : []),
          ]);
        },
        { user: enrolled.login, password: enrolled.secret },
      );
    },
  );

  it('v4 keeps rows an older schema took beyond the limits, and refuses new ones', async () => {
    const target = await freshTarget();
    await migrateTo(cluster, target.database, 3);
    const { owner, lemons } = await writeAtVersion(target, 3);
    const tooMany = JSON.stringify(Array.from({ length: 501 }, (_, n) => `name ${n}`));
    await admin(target, 'UPDATE kg.users SET kitchen_produce_list = $1 WHERE id = $2', [tooMany, owner.id]);
    await admin(target, 'UPDATE kg.items SET par = 1e10 WHERE id = $1', [lemons]);

    expect(await setup(target)).toMatchObject({ fromVersion: 3, toVersion: LATEST_SERVER_SCHEMA });
    expect(
      await admin(target, 'SELECT jsonb_array_length(kitchen_produce_list) FROM kg.users WHERE id = $1', [owner.id]),
    ).toBe(501);
    expect(await admin(target, 'SELECT par::text FROM kg.items WHERE id = $1', [lemons])).toBe('10000000000.000');
    const refused = (sql: string, params: unknown[]) => failureOf(admin(target, sql, params)).then((e) => e.code);
    expect(await refused('UPDATE kg.items SET par = 2e10 WHERE id = $1', [lemons])).toBe('23514');
    expect(await refused('UPDATE kg.users SET bar_produce_list = $1 WHERE id = $2', [tooMany, owner.id])).toBe('23514');
  });

  it('refuses a schema newer than it knows, and changes nothing', async () => {
    const target = await freshTarget();
    await setup(target);
    const future = LATEST_SERVER_SCHEMA + 1;
    await admin(target, "INSERT INTO kg.schema_migrations (version, name) VALUES ($1, 'from the future')", [future]);
    const before = await catalogOf(target);
    const error = await failureOf(setup(target));
    expect(error.message).toBe(
      `The server schema is version ${future}, newer than this app knows (${LATEST_SERVER_SCHEMA}).`,
    );
    expect(await catalogOf(target)).toEqual(before);
  });
});

describe('the application role', () => {
  it('a new role needs a password, and without one nothing is created', async () => {
    const target = await freshTarget();
    const error = await failureOf(setup(target, null));
    expect(error.message).toBe(`The application role ${target.role} does not exist yet: give it a password.`);
    expect(await admin(target, "SELECT count(*)::int FROM pg_namespace WHERE nspname = 'kg'")).toBe(0);
    expect(await admin(target, 'SELECT count(*)::int FROM pg_roles WHERE rolname = $1', [target.role])).toBe(0);
  });

  it('an existing role keeps its password when none is given, and takes a new one when given', async () => {
    const target = await freshTarget();
    await setup(target);
    expect(await setup(target, null)).toEqual({
      fromVersion: LATEST_SERVER_SCHEMA,
      toVersion: LATEST_SERVER_SCHEMA,
      roleCreated: false,
    });
    expect((await asApp(target, (central) => central.test())).schemaVersion).toBe(LATEST_SERVER_SCHEMA);

    const renewed = { ...target, password: `pw-${randomUUID()}` };
    await setup(renewed);
    expect((await asApp(renewed, (central) => central.test())).schemaVersion).toBe(LATEST_SERVER_SCHEMA);
    const stale = await failureOf(asApp(target, (central) => central.test()));
    expect((stale as Reply).problem).toBe('credentials');
  });

  it('takes back privileges the role picked up outside set-up', async () => {
    const target = await freshTarget();
    await setup(target);
    const pristine = await catalogOf(target);
    await adminIn(
      cluster,
      target.database,
      `ALTER ROLE ${target.role} CREATEDB CREATEROLE BYPASSRLS;
       GRANT CREATE ON SCHEMA kg TO ${target.role};
       GRANT INSERT, UPDATE, DELETE ON kg.items, kg.credentials TO ${target.role};
       GRANT USAGE ON ALL SEQUENCES IN SCHEMA kg TO ${target.role};
       GRANT EXECUTE ON FUNCTION kg.new_hash(text), kg.open_session(uuid, uuid) TO ${target.role}`,
    );
    expect(await catalogOf(target)).not.toEqual(pristine);
    await setup(target);
    expect(await catalogOf(target)).toEqual(pristine);
  });

  it('refuses a role name that is not a plain identifier', async () => {
    const target = await freshTarget();
    // Longer than 40, a computer's login (<role>_computers_<12 hex>) would not fit PostgreSQL's 63.
    for (const role of ['app"; DROP ROLE kgadmin; --', 'KG_APP', '', 'a'.repeat(41)]) {
      expect((await failureOf(setup({ ...target, role }))).message).toBe(
        `Application role name "${role}" is not valid`,
      );
    }
    expect(await admin(target, "SELECT count(*)::int FROM pg_namespace WHERE nspname = 'kg'")).toBe(0);
  });
});

describe('the pool role, made with a pooler', () => {
  it('needs a password when new, holds both app roles, and set-up takes back its password and defaults', async () => {
    const target = await freshTarget();
    const lookup = uniqueName('kg_lookup');
    await adminIn(cluster, 'postgres', `CREATE ROLE ${lookup} LOGIN PASSWORD 'lookup-password'`);
    cleanups.push(async () => void (await adminIn(cluster, 'postgres', `DROP ROLE ${lookup}`)));
    const pool = `${target.role}_pool`;
    const withPooler = (poolPassword?: string) =>
      setupServer(adminConfig(cluster, target.database), {
        appRole: target.role,
        appPassword: target.password,
        poolerLookupRole: lookup,
        poolPassword,
      });
    expect((await failureOf(withPooler())).message).toBe(
      `The pool role ${pool} does not exist yet: give it a password.`,
    );
    await withPooler('first-pool-password');
    expect(await admin(target, 'SELECT pool_role FROM kg.server_info')).toBe(pool);
    expect(
      await admin(target, "SELECT pg_has_role($1, $2, 'USAGE') AND pg_has_role($1, $3, 'USAGE')", [
        pool,
        target.role,
        `${target.role}_computers`,
      ]),
    ).toBe(true);
    // What any computer behind the pooler can do to the role they all share (docs/security.md).
    const asPool = { user: pool, password: 'first-pool-password' };
    await asApp(
      target,
      (central) =>
        central.transaction(null, async (query) => {
          await query(`ALTER ROLE CURRENT_USER IN DATABASE ${target.database} SET statement_timeout = '1ms'`);
          await query("ALTER ROLE CURRENT_USER PASSWORD 'taken over'");
        }),
      asPool,
    );
    await withPooler('second-pool-password');
    expect(
      await admin(
        target,
        `SELECT s.setconfig FROM pg_db_role_setting s
          WHERE s.setrole = $1::regrole AND s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [pool],
      ),
    ).toEqual(['statement_timeout=15s', 'idle_in_transaction_session_timeout=30s', 'search_path=kg, pg_catalog']);
    const renewed = { ...asPool, password: 'second-pool-password' };
    expect((await asApp(target, (central) => central.test(), renewed)).schemaVersion).toBe(LATEST_SERVER_SCHEMA);
  });
});
