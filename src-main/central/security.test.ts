/**
 * The security matrix, as the application roles: the shared password every desktop client holds,
 * and a computer's own login, must give nothing beyond what a signed-in user of one restaurant may
 * see and do. Every statement here runs over verified TLS as those roles (calls before a session
 * through the shared one, the rest through the session's restaurant's computer: connectComputers),
 * against the real schema in the test cluster.
 */
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON_BCRYPT_HASHES } from '../auth/testing/python-bcrypt-hashes';
import { APP_TABLES, COMPUTER_FUNCTIONS, ENROLMENT_FUNCTIONS, ENROLMENT_TABLES } from './app-grants';
import { serverMigrations } from './migrations';
import {
  type ComputersConnection,
  codeOf,
  connectComputers,
  failureOf,
  newRestaurant,
  PASSWORD,
  person,
  type Reply,
  type Role,
  secretsIn,
} from './testing/app-role';
import { adminQuery, createTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
let app: ComputersConnection;

beforeAll(async () => {
  server = await createTestServer();
  app = await connectComputers(server);
});
afterAll(async () => {
  await app?.close();
  await server?.drop();
});

interface Member {
  id: string;
  username: string;
  email: string;
  role: Role;
  restaurantId: string;
  token: string;
}

interface Crew {
  restaurantId: string;
  owner: Member;
  manager: Member;
  staff: Member;
  deviceId: string;
  itemId: string;
  storageAreaId: string;
}

/** Tables readable without a session because they hold no restaurant's data. */
const SERVER_WIDE = ['kg.server_info', 'kg.schema_migrations'];
const TENANT_TABLES = APP_TABLES.filter((table) => !SERVER_WIDE.includes(table));
const tenantColumn = (table: string) => (table === 'kg.restaurants' ? 'id' : 'restaurant_id');
/** Secret tables whose rows belong to a user. */
const USER_SECRETS = ['kg.credentials', 'kg.sessions', 'kg.password_reset_codes'];
const SECRET_TABLES = [...USER_SECRETS, 'kg.login_throttle', 'kg.legacy_rows'];
const MANAGERS_ONLY = 'Only an owner or a manager can change the item list.';

const login = (name: string, password = PASSWORD, deviceId: string = randomUUID()): Promise<Reply> =>
  app.call(null, 'kg.login($1, $2, $3)', name, password, deviceId);

async function register(): Promise<Member> {
  const owner = person('owner');
  const reply = await app.call(null, 'kg.register($1, $2, $3, $4)', newRestaurant(), owner, PASSWORD, randomUUID());
  return { ...owner, restaurantId: reply.user.restaurantId, token: reply.token };
}

/** A new member of `by`'s restaurant, signed in. */
async function addMember(by: Member, role: Role): Promise<Member> {
  const someone = person(role);
  await app.call(by.token, 'kg.create_user($1, $2)', someone, PASSWORD);
  const reply = await login(someone.username);
  expect(reply.status).toBe('ok');
  return { ...someone, restaurantId: by.restaurantId, token: reply.token };
}

const itemArgs = (id: string = randomUUID()) => ({
  id,
  area: 'kitchen',
  name: 'Tomatoes',
  unit: 'kg',
  unitCostCents: 250,
  parMilli: 2000,
});
const movementArgs = (itemId: string, quantityMilli = 1000, reason = 'delivery') => ({
  id: randomUUID(),
  itemId,
  reason,
  quantityMilli,
  at: new Date().toISOString(),
});

/**
 * A computer `member` signs in on (a session sends only its own computer's changes), and its outbox:
 * numbers mutations in order and pushes them as one batch.
 */
async function deviceOf(member: Member, id: string = randomUUID()) {
  const { token } = await login(member.username, PASSWORD, id);
  let last = 0;
  return {
    id,
    token,
    async push(...mutations: [name: string, args: unknown][]): Promise<Reply> {
      const batch = mutations.map(([name, args], index) => ({ id: last + index + 1, name, args }));
      const reply = await app.call(token, 'kg.push($1, $2)', id, JSON.stringify(batch));
      last = reply.lastMutationId;
      return reply;
    },
  };
}

/** A count of the item with one line, approved: rows in counts, count_entries and count_results. */
function countedAndApproved(itemId: string, storageAreaId: string): [name: string, args: unknown][] {
  const countId = randomUUID();
  const at = new Date().toISOString();
  const start = { id: countId, areas: ['kitchen'], scope: 'full', storageAreaIds: [], categories: [], asOf: null };
  const line = { countId, itemId, storageAreaId, kind: 'set', quantityMilli: 4000, parts: [], voids: null };
  const result = { itemId, movementId: randomUUID(), quantityMilli: 4000, occurredAt: at, decision: 'counted' };
  return [
    ['count.start', { ...start, blind: false, at }],
    ['count.enter', { ...line, id: randomUUID(), at, occurredAt: at }],
    ['count.approve', { countId, at, entriesSeen: 1, results: [result] }],
  ];
}

/** A restaurant with an owner, a manager and a staff member, an item with stock, and one refused change. */
async function crew(): Promise<Crew> {
  const owner = await register();
  const manager = await addMember(owner, 'manager');
  const staff = await addMember(owner, 'staff');
  const device = await deviceOf(owner);
  const item = itemArgs();
  const storageAreaId = randomUUID();
  const reply = await device.push(
    ['item.create', item],
    ['movement.record', movementArgs(item.id, 5000, 'count')],
    ['item.update', { id: randomUUID(), name: 'Nothing' }],
  );
  expect(reply.rejected).toEqual([{ id: 3, reason: 'No such item.' }]);
  // From another computer: the crew's keeps its place in the queue (3) for the tests that read it.
  const storage = await (await deviceOf(owner)).push(
    ['storageArea.create', { id: storageAreaId, area: 'kitchen', name: 'Dry store', position: 'a0' }],
    ['shelf.place', { storageAreaId, itemId: item.id, position: 'a0' }],
    ['countUnits.set', { itemId: item.id, units: [{ name: 'sack', size: '25', step: null }] }],
    ...countedAndApproved(item.id, storageAreaId),
  );
  expect(storage.rejected).toEqual([]);
  const { restaurantId } = owner;
  return { restaurantId, owner, manager, staff, deviceId: device.id, itemId: item.id, storageAreaId };
}

/** Everything the server holds for one restaurant, secrets included, read as the administrator. */
async function snapshotOf(restaurantId: string): Promise<unknown> {
  const rows = (from: string, where: string) =>
    `(SELECT jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text) FROM ${from} t WHERE ${where})`;
  const ofUsers = 'user_id IN (SELECT id FROM kg.users WHERE restaurant_id = $1)';
  const tables = [
    ...TENANT_TABLES.map((table) => [table, rows(table, `${tenantColumn(table)} = $1`)]),
    ...USER_SECRETS.map((table) => [table, rows(table, ofUsers)]),
  ];
  const { rows: result } = await adminQuery<{ snapshot: unknown }>(
    server,
    `SELECT jsonb_build_object(${tables.map(([name, sql]) => `'${name}', ${sql}`).join(', ')}) AS snapshot`,
    [restaurantId],
  );
  return result[0]!.snapshot;
}

/** How many rows of a table the application role sees, presenting `token`. */
const count = async (token: string | null, table: string) =>
  (await app.query<{ n: number }>(token, `SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

const adminValue = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
  Object.values((await adminQuery(server, sql, params)).rows[0]!)[0] as T;

/** A server function call: SQL with its parameters, and the message it must fail with if any. */
type Call = [sql: string, params: unknown[], message?: string];

/** Each call, made with `token`, fails with `code` (and its message, when one is given). */
async function expectRefused(token: string | null, code: string, calls: Call[]) {
  for (const [sql, params, message] of calls) {
    const error = await failureOf(app.call(token, sql, ...params));
    expect([sql, error.code, message && error.message]).toEqual([sql, code, message]);
  }
}

describe('the application role', () => {
  let owner: Member;
  beforeAll(async () => {
    owner = await register();
  });

  it('is a plain login role: no superuser, CREATEDB, CREATEROLE, BYPASSRLS or replication', async () => {
    const { rows } = await app.query(
      null,
      `SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolreplication, rolcanlogin
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows).toEqual([
      {
        rolsuper: false,
        rolcreatedb: false,
        rolcreaterole: false,
        rolbypassrls: false,
        rolreplication: false,
        rolcanlogin: true,
      },
    ]);
  });

  it('connects with a statement timeout and an idle-in-transaction timeout', async () => {
    expect((await app.client.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '15s' }]);
    expect((await app.client.query('SHOW idle_in_transaction_session_timeout')).rows).toEqual([
      { idle_in_transaction_session_timeout: '30s' },
    ]);
  });

  it('cannot create tables, functions or schemas, nor become another role', async () => {
    const statements = [
      'CREATE TABLE kg.mine (a int)',
      'CREATE TABLE public.mine (a int)',
      "CREATE FUNCTION kg.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'",
      "CREATE FUNCTION public.mine() RETURNS int LANGUAGE sql AS 'SELECT 1'",
      'CREATE SCHEMA mine',
      `SET ROLE ${server.cluster.adminUser}`,
      `SET SESSION AUTHORIZATION ${server.cluster.adminUser}`,
    ];
    for (const statement of statements)
      expect([statement, await codeOf(app.query(null, statement))]).toEqual([statement, '42501']);
  });

  it.each([
    ['the shared role', () => server.appRole, ENROLMENT_TABLES, ENROLMENT_FUNCTIONS],
    ["the computers' group", () => `${server.appRole}_computers`, APP_TABLES, COMPUTER_FUNCTIONS],
  ])(
    '%s holds exactly the grants the schema lists: SELECT on its tables, EXECUTE on its functions',
    async (_who, role, tables, granted) => {
      const { rows: relations } = await adminQuery<{ name: string; readable: boolean; writable: boolean }>(
        server,
        `SELECT c.oid::regclass::text AS name,
              CASE WHEN c.relkind = 'S' THEN has_sequence_privilege($1, c.oid, 'SELECT')
                   ELSE has_table_privilege($1, c.oid, 'SELECT') END AS readable,
              CASE WHEN c.relkind = 'S' THEN has_sequence_privilege($1, c.oid, 'USAGE, UPDATE')
                   ELSE has_table_privilege($1, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') END
                AS writable
         FROM pg_class c WHERE c.relnamespace = 'kg'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p', 'S')`,
        [role()],
      );
      expect(
        relations
          .filter((r) => r.readable)
          .map((r) => r.name)
          .sort(),
      ).toEqual([...tables].sort());
      expect(relations.filter((r) => r.writable)).toEqual([]);

      const { rows: functions } = await adminQuery<{ signature: string; executable: boolean }>(
        server,
        `SELECT p.oid::regprocedure::text AS signature, has_function_privilege($1, p.oid, 'EXECUTE') AS executable
         FROM pg_proc p WHERE p.pronamespace = 'kg'::regnamespace`,
        [role()],
      );
      const executable = functions.filter((f) => f.executable).map((f) => f.signature);
      expect(executable.sort()).toEqual(granted.map((f) => f.replaceAll(' ', '')).sort());
      expect(functions.filter((f) => !f.executable).map((f) => f.signature)).toEqual(
        expect.arrayContaining([
          'kg.current_actor()',
          'kg.new_hash(text)',
          'kg.insert_user(jsonb,uuid,text,text,bigint)',
          'kg.open_session(uuid,uuid)',
          'kg.apply_mutation(kg.actor,bigint,uuid,text,jsonb)',
          'kg.make_computer_login(text,text)',
        ]),
      );
    },
  );

  it('cannot call the schema private functions', async () => {
    const actor = 'ROW($1::uuid, $2::uuid, $3::text, NULL::uuid)::kg.actor';
    const attempts: [fn: string, sql: string, params: unknown[]][] = [
      ['new_hash', "kg.new_hash('a long enough password')", []],
      ['insert_user', 'kg.insert_user($1, $2, $3, $4, 1)', [person('owner'), owner.restaurantId, 'owner', '$2a$12$x']],
      ['open_session', 'kg.open_session($1, $2)', [owner.id, randomUUID()]],
      [
        'apply_mutation',
        `kg.apply_mutation(${actor}, 1, $4::uuid, 'item.create', $5::jsonb)`,
        [owner.id, owner.restaurantId, 'owner', randomUUID(), itemArgs()],
      ],
      ['current_actor', 'kg.current_actor()', []],
      ['next_version', 'kg.next_version($1)', [owner.restaurantId]],
      ['user_json', 'kg.user_json($1)', [owner.id]],
      ['throttle_failure', 'kg.throttle_failure($1)', [`user:${owner.id}`]],
      ['managed_user', "kg.managed_user('owner', $1, $2)", [owner.restaurantId, owner.id]],
    ];
    for (const [fn, sql, params] of attempts) {
      const error = await failureOf(app.call(owner.token, sql, ...params));
      expect([fn, error.code, error.message]).toEqual([fn, '42501', `permission denied for function ${fn}`]);
    }
  });

  it('cannot set_config or SET its way into a restaurant, nor turn row security off', async () => {
    const garbage = ['', 'x', 'null', `${owner.token}x`, owner.token.slice(0, -1), "' OR true --"];
    for (const token of garbage) expect([token, await count(token, 'kg.users')]).toEqual([token, 0]);
    await app.client.query("SET kg.session_token = 'forged'");
    expect((await app.client.query('SELECT count(*)::int AS n FROM kg.restaurants')).rows).toEqual([{ n: 0 }]);
    await app.client.query('RESET kg.session_token');
    expect(await codeOf(app.query(owner.token, 'SET LOCAL row_security = off; SELECT * FROM kg.users'))).toBe('42501');
    expect(await count(owner.token, 'kg.users')).toBe(1);
  });
});

describe('without a session', () => {
  let a: Crew;
  beforeAll(async () => {
    a = await crew();
  });

  it('every tenant table and view reads empty, though the server holds rows in each', async () => {
    for (const table of TENANT_TABLES) {
      const held = await adminValue<number>(`SELECT count(*)::int FROM ${table}`);
      expect([table, held > 0]).toEqual([table, true]);
      expect([table, await count(null, table)]).toEqual([table, 0]);
    }
  });

  it('reads only server-wide bookkeeping: the generation and the schema versions', async () => {
    const { rows } = await app.query(null, 'SELECT singleton, generation FROM kg.server_info');
    expect(rows).toEqual([{ singleton: true, generation: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    expect((await app.query(null, 'SELECT version FROM kg.schema_migrations ORDER BY version')).rows).toEqual(
      serverMigrations.map(({ version }) => ({ version })),
    );
  });

  it('is denied the secret tables outright, as is every signed-in user', async () => {
    for (const table of SECRET_TABLES) {
      for (const token of [null, a.owner.token]) {
        const error = await failureOf(app.query(token, `SELECT * FROM ${table}`));
        expect([error.code, error.message]).toEqual(['42501', `permission denied for table ${table.slice(3)}`]);
      }
    }
  });

  it('is refused by every function that needs one (KG401), and whoami says nobody', async () => {
    await expectRefused(null, 'KG401', [
      ['kg.push($1, $2)', [randomUUID(), JSON.stringify([{ id: 1, name: 'item.create', args: itemArgs() }])]],
      ['kg.device_state($1)', [a.deviceId]],
      ['kg.create_user($1, $2)', [person('staff'), PASSWORD]],
      ['kg.set_role($1, $2)', [a.staff.id, 'owner']],
      ['kg.set_active($1, $2)', [a.owner.id, false]],
      ['kg.issue_reset_code($1)', [a.owner.id]],
      ['kg.change_own_password($1, $2)', [PASSWORD, 'another long password']],
      ['kg.update_profile($1)', [{ fullName: 'Nobody' }]],
      ['kg.upload_users($1)', [JSON.stringify([person('owner')])]],
      ['kg.upload_items($1)', [JSON.stringify([itemArgs()])]],
      ['kg.upload_movements($1, $2)', [JSON.stringify([movementArgs(a.itemId)]), a.deviceId]],
      ['kg.set_device_position($1, $2)', [a.deviceId, 99]],
      ['kg.upload_storage($1, $2, $3)', ['[]', '[]', '[]']],
    ]);
    expect(await app.call(null, 'kg.whoami()')).toBeNull();
    expect(await app.call('not a token', 'kg.whoami()')).toBeNull();
  });

  it('a logged-out token is no session any more', async () => {
    const member = await login(a.staff.username);
    expect((await app.call(member.token, 'kg.whoami()')).id).toBe(a.staff.id);
    await app.call(member.token, 'kg.logout()');
    expect(await app.call(member.token, 'kg.whoami()')).toBeNull();
    expect(await count(member.token, 'kg.items')).toBe(0);
  });
});

describe('between restaurants', () => {
  let a: Crew;
  let b: Crew;
  let before: unknown;
  beforeAll(async () => {
    a = await crew();
    b = await crew();
    before = await snapshotOf(b.restaurantId);
  });

  it("A's session sees its own rows in every tenant table and none of B's", async () => {
    for (const table of TENANT_TABLES) {
      const column = tenantColumn(table);
      const { rows } = await app.query(
        a.owner.token,
        `SELECT count(*) FILTER (WHERE ${column} = $1)::int AS own, count(*) FILTER (WHERE ${column} = $2)::int AS other,
                count(*)::int AS total FROM ${table}`,
        [a.restaurantId, b.restaurantId],
      );
      expect([table, rows[0]!.other, rows[0]!.own > 0, rows[0]!.total === rows[0]!.own]).toEqual([
        table,
        0,
        true,
        true,
      ]);
    }
  });

  it('no table or view takes a direct INSERT, UPDATE, DELETE or TRUNCATE', async () => {
    const { rows: tables } = await adminQuery<{ name: string; kind: string; first: string }>(
      server,
      `SELECT c.oid::regclass::text AS name, c.relkind::text AS kind, a.attname AS first
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1
        WHERE c.relnamespace = 'kg'::regnamespace AND c.relkind IN ('r', 'v')`,
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([...APP_TABLES, ...SECRET_TABLES]));
    for (const { name, kind, first } of tables) {
      // A view that cannot be updated is refused before privileges are even looked at (which the
      // grants test covers): "cannot insert into view" (55000), "not a table" (42809).
      const view = kind === 'v';
      const writes = [
        [`INSERT INTO ${name} DEFAULT VALUES`, view ? '55000' : '42501'],
        [`UPDATE ${name} SET ${first} = ${first}`, view ? '55000' : '42501'],
        [`DELETE FROM ${name}`, view ? '55000' : '42501'],
        [`TRUNCATE ${name}`, view ? '42809' : '42501'],
      ];
      for (const [write, expected] of writes)
        expect([write, await codeOf(app.query(a.owner.token, write!))]).toEqual([write, expected]);
    }
  });

  it("kg.push naming B's items and people records rejections and changes nothing of B's", async () => {
    const reply = await (await deviceOf(a.owner)).push(
      ['item.update', { id: b.itemId, name: 'Taken over' }],
      ['item.delete', { id: b.itemId }],
      ['item.create', itemArgs(b.itemId)],
      ['movement.record', movementArgs(b.itemId, -5000, 'waste')],
      ['user.update', { id: b.owner.id, fullName: 'Taken over' }],
      ['movement.record', movementArgs(a.itemId, 1000)],
    );
    expect(reply.rejected).toEqual([
      { id: 1, reason: 'No such item.' },
      { id: 2, reason: 'No such item.' },
      { id: 3, reason: 'No such item.' },
      { id: 4, reason: 'No such item.' },
      { id: 5, reason: 'Only the user can edit their own profile.' },
    ]);
    expect(reply.lastMutationId).toBe(6);
  });

  it("kg.push naming B's storage areas, shelves and count units refuses each and changes nothing of B's", async () => {
    const ownArea = randomUUID();
    const reply = await (await deviceOf(a.owner)).push(
      ['storageArea.update', { id: b.storageAreaId, name: 'Taken over' }],
      ['storageArea.create', { id: b.storageAreaId, area: 'kitchen', name: 'Taken over', position: 'a1' }],
      ['shelf.place', { storageAreaId: b.storageAreaId, itemId: a.itemId, position: 'a1' }],
      ['shelf.remove', { storageAreaId: b.storageAreaId, itemId: b.itemId }],
      ['storageArea.create', { id: ownArea, area: 'kitchen', name: 'Ours', position: 'a1' }],
      ['shelf.place', { storageAreaId: ownArea, itemId: b.itemId, position: 'a1' }],
      ['countUnits.set', { itemId: b.itemId, units: [] }],
    );
    expect(reply.rejected).toEqual([
      { id: 1, reason: 'No such storage area.' },
      { id: 2, reason: 'No such storage area.' },
      { id: 3, reason: 'No such storage area.' },
      { id: 4, reason: 'No such storage area.' },
      { id: 6, reason: 'No such item.' },
      { id: 7, reason: 'No such item.' },
    ]);
  });

  it("B's device cannot be pushed through, read or moved from A", async () => {
    const error = await failureOf(
      (await deviceOf(a.owner, b.deviceId)).push(['movement.record', movementArgs(a.itemId)]),
    );
    expect([error.code, error.message]).toEqual(['KG403', 'This device belongs to another restaurant.']);
    expect(await app.call(a.owner.token, 'kg.device_state($1)', b.deviceId)).toEqual({ lastMutationId: 0 });
    await expectRefused(a.owner.token, 'KG403', [
      ['kg.set_device_position($1, $2)', [b.deviceId, 1000], 'A computer can only move its own place in the queue.'],
    ]);
  });

  it("team functions do not reach B's people (KG404)", async () => {
    await expectRefused(a.owner.token, 'KG404', [
      ['kg.set_role($1, $2)', [b.staff.id, 'manager']],
      ['kg.set_active($1, $2)', [b.staff.id, false]],
      ['kg.issue_reset_code($1)', [b.manager.id]],
      ['kg.upload_users($1)', [JSON.stringify([{ ...person('staff'), id: b.staff.id, passwordHash: '$2a$04$x' }])]],
      ['kg.upload_items($1)', [JSON.stringify([itemArgs(b.itemId)])]],
    ]);
    // A movement of an item A does not have waits for that item: nothing lands in B.
    const upload = [JSON.stringify([{ ...movementArgs(b.itemId), by: a.owner.id }]), a.deviceId];
    expect(await app.call(a.owner.token, 'kg.upload_movements($1, $2)', ...upload)).toBe(0);
  });

  it("create_user cannot place anyone in B, nor reuse a B member's id", async () => {
    const reused = await failureOf(
      app.call(a.owner.token, 'kg.create_user($1, $2)', person('staff', { id: b.staff.id }), PASSWORD),
    );
    expect([reused.code, reused.message]).toEqual([
      '23505',
      'duplicate key value violates unique constraint "users_pkey"',
    ]);
    const placed = await app.call(
      a.owner.token,
      'kg.create_user($1, $2)',
      person('staff', { restaurantId: b.restaurantId }),
      PASSWORD,
    );
    expect(placed.restaurantId).toBe(a.restaurantId);
  });

  it('after all of that, B is exactly as it was, secrets included', async () => {
    expect(await snapshotOf(b.restaurantId)).toEqual(before);
  });
});

describe('kg.push decides every change: applied, or refused with a reason a person reads', () => {
  let a: Crew;
  beforeAll(async () => {
    a = await crew();
  });

  const rejectionsOf = async (deviceId: string) =>
    (
      await adminQuery(
        server,
        'SELECT mutation_id::int AS id, reason FROM kg.mutation_rejections WHERE device_id = $1 ORDER BY 1',
        [deviceId],
      )
    ).rows;

  it("a session cannot push under another computer of its restaurant, so that computer's place stays", async () => {
    const staff = await deviceOf(a.staff);
    await staff.push(['movement.record', movementArgs(a.itemId)]);
    const pushed = JSON.stringify([{ id: 4, name: 'movement.record', args: movementArgs(a.itemId) }]);
    await expectRefused(a.staff.token, 'KG403', [
      ['kg.push($1, $2)', [a.deviceId, pushed], 'A computer can only send its own changes.'],
    ]);
    expect(await app.call(a.owner.token, 'kg.device_state($1)', a.deviceId)).toEqual({ lastMutationId: 3 });
    expect(await app.call(staff.token, 'kg.device_state($1)', staff.id)).toEqual({ lastMutationId: 1 });
  });

  it('a change without its number is refused with the whole batch; nothing of it is applied', async () => {
    const device = await deviceOf(a.owner);
    const item = itemArgs();
    const numbers = [undefined, null, 'one', 1.5, 0, -1, '2'];
    for (const id of numbers) {
      const batch = [
        { id: 1, name: 'item.create', args: item },
        { id, name: 'movement.record', args: movementArgs(item.id) },
      ];
      const error = await failureOf(app.call(device.token, 'kg.push($1, $2)', device.id, JSON.stringify(batch)));
      expect([id, error.code, error.message]).toEqual([
        id,
        'KG422',
        'Every change needs its number (id), a whole number from 1.',
      ]);
    }
    expect(await app.call(device.token, 'kg.device_state($1)', device.id)).toEqual({ lastMutationId: 0 });
    expect(await adminValue('SELECT count(*)::int FROM kg.items WHERE id = $1', [item.id])).toBe(0);
  });

  it("malformed fields are refused in the app's words, never PostgreSQL's", async () => {
    const device = await deviceOf(a.owner);
    const { at: _, ...untimed } = movementArgs(a.itemId);
    const reply = await device.push(
      ['movement.record', untimed],
      ['movement.record', movementArgs(a.itemId, -1000, 'delivery')],
      ['movement.record', { ...movementArgs(a.itemId), quantityMilli: 'lots' }],
      ['item.create', { ...itemArgs(), unit: undefined }],
      ['item.update', { id: a.itemId, unitCostCents: -5 }],
      ['movement.record', 'no fields'],
      ['item.update', { id: 'not an id', name: 'Tomatoes' }],
      ['movement.record', movementArgs(a.itemId, 1000)],
    );
    const rejected = [
      { id: 1, reason: 'This change lacks a value it needs (recorded at).' },
      { id: 2, reason: 'A value in this change is outside what KitchenGuard allows.' },
      { id: 3, reason: 'A value in this change is not in a form the server accepts.' },
      { id: 4, reason: 'This change lacks a value it needs (unit).' },
      { id: 5, reason: 'A value in this change is outside what KitchenGuard allows.' },
      { id: 6, reason: 'This change came without its fields.' },
      { id: 7, reason: 'A value in this change is not in a form the server accepts.' },
    ];
    expect([reply.lastMutationId, reply.rejected]).toEqual([8, rejected]);
    expect(await rejectionsOf(device.id)).toEqual(rejected);
  });

  it('an edit to an item deleted elsewhere, and movements on it, are refused and say why', async () => {
    const office = await deviceOf(a.owner);
    const laptop = await deviceOf(a.manager);
    const item = itemArgs();
    await office.push(['item.create', item], ['movement.record', movementArgs(item.id, 2000, 'count')]);
    await office.push(['item.delete', { id: item.id }]);
    const late = [movementArgs(item.id, 1000), movementArgs(item.id, -500, 'usage')];
    const reply = await laptop.push(
      ['item.update', { id: item.id, name: 'Heirloom tomatoes' }],
      ['movement.record', late[0]!],
      ['movement.record', late[1]!],
      // A run of movements that fails as a whole goes one by one: the deleted item still says so.
      ['movement.record', { ...movementArgs(a.itemId), quantityMilli: 'broken' }],
      ['item.update', { id: a.itemId, supplier: 'Market' }],
    );
    const rejected = [
      { id: 1, reason: 'This item was deleted, so this change to it was not kept.' },
      { id: 2, reason: 'This item was deleted, so this stock change was not kept.' },
      { id: 3, reason: 'This item was deleted, so this stock change was not kept.' },
      { id: 4, reason: 'A value in this change is not in a form the server accepts.' },
    ];
    expect([reply.lastMutationId, reply.rejected]).toEqual([5, rejected]);
    expect(await rejectionsOf(laptop.id)).toEqual(rejected);
    // A run of one movement, applied in one statement: refused all the same.
    const alone = movementArgs(item.id);
    expect(
      (await laptop.push(['item.update', { id: a.itemId, supplier: 'Farm' }], ['movement.record', alone])).rejected,
    ).toEqual([{ id: 7, reason: 'This item was deleted, so this stock change was not kept.' }]);
    const kept = await adminQuery(
      server,
      'SELECT name, deleted_at IS NOT NULL AS deleted FROM kg.items WHERE id = $1',
      [item.id],
    );
    expect(kept.rows).toEqual([{ name: 'Tomatoes', deleted: true }]);
    expect(
      await adminValue('SELECT count(*)::int FROM kg.stock_movements WHERE id = ANY($1)', [
        [...late, alone].map((m) => m.id),
      ]),
    ).toBe(0);
  });
});

describe('who sent a movement, and when, as the server saw it', () => {
  let a: Crew;
  beforeAll(async () => {
    a = await crew();
  });

  const HOUR = 3_600_000;
  const stored = async (...ids: string[]) =>
    (
      await adminQuery(
        server,
        `SELECT recorded_by, sent_by, recorded_at = received_at AS at_receipt, claimed_at,
                received_at BETWEEN now() - interval '1 minute' AND now() AS received_now
           FROM kg.stock_movements WHERE id = ANY($1) ORDER BY array_position($1, id)`,
        [ids],
      )
    ).rows;

  it("an upload keeps the author's claim apart from the session that sent it, and bounds the claimed time", async () => {
    const now = Date.now();
    const atOf = (ms: number) => new Date(ms).toISOString();
    const claims = [
      { ...movementArgs(a.itemId), by: a.staff.id, at: atOf(now - 3 * HOUR) },
      { ...movementArgs(a.itemId), by: a.staff.id, at: atOf(now + 24 * HOUR) },
      { ...movementArgs(a.itemId), by: a.owner.id, at: '1970-01-01T00:00:00.000Z' },
    ];
    const upload = [JSON.stringify(claims), a.deviceId];
    expect(await app.call(a.manager.token, 'kg.upload_movements($1, $2)', ...upload)).toBe(3);
    expect(await stored(...claims.map((claim) => claim.id))).toEqual([
      { recorded_by: a.staff.id, sent_by: a.manager.id, at_receipt: false, claimed_at: null, received_now: true },
      {
        recorded_by: a.staff.id,
        sent_by: a.manager.id,
        at_receipt: true,
        claimed_at: new Date(claims[1]!.at),
        received_now: true,
      },
      {
        recorded_by: a.owner.id,
        sent_by: a.manager.id,
        at_receipt: true,
        claimed_at: new Date(claims[2]!.at),
        received_now: true,
      },
    ]);
  });

  it('a pushed movement is sent by its session, and a clock far ahead gives way to the time it arrived', async () => {
    const device = await deviceOf(a.staff);
    const ahead = { ...movementArgs(a.itemId), at: new Date(Date.now() + 48 * HOUR).toISOString() };
    const inTime = movementArgs(a.itemId);
    await device.push(['movement.record', ahead], ['movement.record', inTime]);
    // A single movement goes its own way in: bounded the same.
    const alone = { ...movementArgs(a.itemId), at: new Date(Date.now() + 48 * HOUR).toISOString() };
    await device.push(['item.update', { id: a.itemId, name: 'Staff may not' }], ['movement.record', alone]);
    const sent = { recorded_by: a.staff.id, sent_by: a.staff.id, received_now: true };
    expect(await stored(ahead.id, inTime.id, alone.id)).toEqual([
      { ...sent, at_receipt: true, claimed_at: new Date(ahead.at) },
      { ...sent, at_receipt: false, claimed_at: null },
      { ...sent, at_receipt: true, claimed_at: new Date(alone.at) },
    ]);
  });
});

describe('hashes stay on the server', () => {
  let owner: Member;
  beforeAll(async () => {
    owner = await register();
  });

  it('no reply of a granted function carries a bcrypt hash or a hash field', async () => {
    const someone = person('staff');
    const replies: Record<string, Reply> = {
      register: await app.call(
        null,
        'kg.register($1, $2, $3, $4)',
        newRestaurant(),
        person('owner'),
        PASSWORD,
        randomUUID(),
      ),
      login: await login(owner.username),
      loginInvalid: await login(owner.username, 'not the password'),
      whoami: await app.call(owner.token, 'kg.whoami()'),
      createUser: await app.call(owner.token, 'kg.create_user($1, $2)', someone, PASSWORD),
      setRole: await app.call(owner.token, 'kg.set_role($1, $2)', someone.id, 'manager'),
      setActive: await app.call(owner.token, 'kg.set_active($1, $2)', someone.id, true),
      updateProfile: await app.call(owner.token, 'kg.update_profile($1)', { fullName: 'Renamed Owner' }),
      issueResetCode: await app.call(owner.token, 'kg.issue_reset_code($1)', someone.id),
    };
    expect(Object.keys(replies.login).sort()).toEqual(['expiresAt', 'status', 'token', 'user']);
    expect(Object.keys(replies.whoami).sort()).toEqual([
      'barProduceList',
      'createdAt',
      'email',
      'fullName',
      'id',
      'isActive',
      'kitchenProduceList',
      'lastLoginAt',
      'position',
      'restaurant',
      'restaurantId',
      'role',
      'username',
    ]);
    for (const [name, reply] of Object.entries(replies)) {
      expect([name, typeof reply, reply === null]).toEqual([name, 'object', false]);
      expect([name, secretsIn(reply)]).toEqual([name, []]);
    }
    expect([replies.createUser.id, replies.setRole.role, replies.issueResetCode.username]).toEqual([
      someone.id,
      'manager',
      someone.username,
    ]);
  });

  it('keeps only digests of session tokens and reset codes', async () => {
    const session = await login(owner.username);
    expect(
      await adminValue('SELECT count(*)::int FROM kg.sessions WHERE token_hash = digest($1, $2)', [
        session.token,
        'sha256',
      ]),
    ).toBe(1);
    expect(
      await adminValue('SELECT count(*)::int FROM kg.sessions WHERE position(convert_to($1, $2) IN token_hash) > 0', [
        session.token,
        'UTF8',
      ]),
    ).toBe(0);
    const someone = person('staff');
    await app.call(owner.token, 'kg.create_user($1, $2)', someone, PASSWORD);
    const { code } = await app.call(owner.token, 'kg.issue_reset_code($1)', someone.id);
    expect(
      await adminValue(
        'SELECT count(*)::int FROM kg.password_reset_codes WHERE code_hash = digest($1, $2) AND user_id = $3',
        [code.replace('-', ''), 'sha256', someone.id],
      ),
    ).toBe(1);
  });

  it('stores $2a$ bcrypt at cost 12, which pgcrypto and bcryptjs both verify', async () => {
    const member = await addMember(owner, 'staff');
    const hashes = await adminQuery<{ password_hash: string }>(
      server,
      'SELECT password_hash FROM kg.credentials WHERE user_id IN ($1, $2)',
      [owner.id, member.id],
    );
    expect(hashes.rows).toHaveLength(2);
    for (const { password_hash } of hashes.rows) expect(password_hash).toMatch(/^\$2a\$12\$[./A-Za-z0-9]{53}$/);
    const stored = await adminValue<string>('SELECT password_hash FROM kg.credentials WHERE user_id = $1', [owner.id]);
    expect(await adminValue('SELECT crypt($1, $2) = $2', [PASSWORD, stored])).toBe(true);
    expect(await bcrypt.compare(PASSWORD, stored)).toBe(true);
    expect(await bcrypt.compare('not the password', stored)).toBe(false);
  });

  it('$2b$ hashes that Python bcrypt made, uploaded by join_restaurant and upload_users, still verify', async () => {
    const { plain, accented } = PYTHON_BCRYPT_HASHES;
    const joiner = person('owner');
    const colleague = person('staff');
    // The caveat the schema works around: PostgreSQL 15's crypt() does not read $2b$.
    expect(await adminValue('SELECT crypt($1, $2) = $2', [plain.password, plain.hash])).toBe(false);

    const join = await app.call(
      null,
      'kg.join_restaurant($1, $2, $3, $4, $5)',
      newRestaurant(),
      joiner,
      plain.hash,
      plain.password,
      randomUUID(),
    );
    expect([join.status, secretsIn(join)]).toEqual(['ok', []]);
    const uploaded = await app.call(
      join.token,
      'kg.upload_users($1)',
      JSON.stringify([{ ...colleague, passwordHash: accented.hash }]),
    );
    expect(uploaded).toBe(1);

    for (const [who, { password, hash }] of [
      [joiner, plain],
      [colleague, accented],
    ] as const) {
      const stored = await adminValue<string>('SELECT password_hash FROM kg.credentials WHERE user_id = $1', [who.id]);
      expect(stored).toBe(hash.replace(/^\$2b\$/, '$2a$'));
      expect((await login(who.username, password)).status).toBe('ok');
      expect((await login(who.email, `${password}!`)).status).toBe('invalid');
    }
  });
});

describe('roles, enforced by the functions themselves', () => {
  let a: Crew;
  beforeAll(async () => {
    a = await crew();
  });

  it("a session cannot move another computer's place in the queue, only its own", async () => {
    await expectRefused(a.staff.token, 'KG403', [
      ['kg.set_device_position($1, $2)', [a.deviceId, 1000], 'A computer can only move its own place in the queue.'],
    ]);
    expect(await app.call(a.owner.token, 'kg.device_state($1)', a.deviceId)).toEqual({ lastMutationId: 3 });
    const own = await adminValue<string>('SELECT device_id FROM kg.sessions WHERE token_hash = digest($1, $2)', [
      a.staff.token,
      'sha256',
    ]);
    await app.call(a.staff.token, 'kg.set_device_position($1, $2)', own, 7);
    expect(await app.call(a.staff.token, 'kg.device_state($1)', own)).toEqual({ lastMutationId: 7 });
  });

  it('staff cannot do manager actions, however they call them', async () => {
    const other = person('staff');
    const calls: Call[] = [
      ['kg.create_user($1, $2)', [other, PASSWORD]],
      ['kg.set_role($1, $2)', [a.staff.id, 'manager']],
      ['kg.set_active($1, $2)', [a.manager.id, false]],
      ['kg.issue_reset_code($1)', [a.manager.id]],
    ];
    await expectRefused(
      a.staff.token,
      'KG403',
      calls.map(([sql, params]) => [sql, params, 'Only an owner or a manager can do this.']),
    );
  });

  it('after a restore, staff bring back only their own movements, and no items and no people', async () => {
    expect(await app.call(a.staff.token, 'kg.upload_items($1)', JSON.stringify([itemArgs()]))).toBe(0);
    const newcomer = { ...person('staff'), passwordHash: null };
    expect(await app.call(a.staff.token, 'kg.upload_users($1)', JSON.stringify([newcomer]))).toBe(0);
    expect((await adminQuery(server, 'SELECT 1 FROM kg.users WHERE id = $1', [newcomer.id])).rows).toEqual([]);
    const own = { ...movementArgs(a.itemId), by: a.staff.id };
    const others = { ...movementArgs(a.itemId), by: a.owner.id };
    const upload = [JSON.stringify([own, others]), a.deviceId];
    expect(await app.call(a.staff.token, 'kg.upload_movements($1, $2)', ...upload)).toBe(1);
    const { rows } = await adminQuery(server, 'SELECT id, recorded_by FROM kg.stock_movements WHERE id IN ($1, $2)', [
      own.id,
      others.id,
    ]);
    expect(rows).toEqual([{ id: own.id, recorded_by: a.staff.id }]);
  });

  it('staff pushes of item changes are refused while their stock movements land', async () => {
    const created = itemArgs();
    const movement = movementArgs(a.itemId, -1500, 'usage');
    const reply = await (await deviceOf(a.staff)).push(
      ['item.create', created],
      ['item.update', { id: a.itemId, name: 'Renamed by staff', unitCostCents: 1 }],
      ['item.delete', { id: a.itemId }],
      ['movement.record', movement],
    );
    expect(reply.rejected).toEqual([
      { id: 1, reason: MANAGERS_ONLY },
      { id: 2, reason: MANAGERS_ONLY },
      { id: 3, reason: MANAGERS_ONLY },
    ]);
    expect(reply.lastMutationId).toBe(4);
    const { rows } = await adminQuery(
      server,
      'SELECT name, unit_cost, deleted_at FROM kg.items WHERE restaurant_id = $1',
      [a.restaurantId],
    );
    expect(rows).toEqual([{ name: 'Tomatoes', unit_cost: '2.50', deleted_at: null }]);
    expect(
      (await adminQuery(server, 'SELECT quantity, recorded_by FROM kg.stock_movements WHERE id = $1', [movement.id]))
        .rows,
    ).toEqual([{ quantity: '-1.500', recorded_by: a.staff.id }]);
    expect(await app.call(a.staff.token, 'kg.device_state($1)', randomUUID())).toEqual({ lastMutationId: 0 });
  });

  it('a manager cannot touch an owner, nor make anyone an owner', async () => {
    const newcomer = person('staff');
    await expectRefused(a.manager.token, 'KG403', [
      ['kg.set_role($1, $2)', [a.owner.id, 'staff'], 'Only an owner can change an owner.'],
      ['kg.set_active($1, $2)', [a.owner.id, false], 'Only an owner can change an owner.'],
      ['kg.issue_reset_code($1)', [a.owner.id], 'Only an owner can change an owner.'],
      ['kg.set_role($1, $2)', [a.staff.id, 'owner'], 'Only an owner can make someone an owner.'],
      ['kg.create_user($1, $2)', [person('owner'), PASSWORD], 'Only an owner can make someone an owner.'],
      [
        'kg.upload_users($1)',
        [JSON.stringify([{ ...person('owner'), passwordHash: '$2a$04$x' }])],
        'Only an owner can make someone an owner.',
      ],
    ]);
    // What a manager may do, they can: staff and managers.
    expect((await app.call(a.manager.token, 'kg.create_user($1, $2)', newcomer, PASSWORD)).role).toBe('staff');
    expect((await app.call(a.manager.token, 'kg.set_role($1, $2)', newcomer.id, 'manager')).role).toBe('manager');
    expect((await app.call(a.owner.token, 'kg.set_role($1, $2)', newcomer.id, 'owner')).role).toBe('owner');
    const { rows } = await adminQuery(server, 'SELECT role, is_active FROM kg.users WHERE id = $1', [a.owner.id]);
    expect(rows).toEqual([{ role: 'owner', is_active: true }]);
  });

  it("a manager's join may bring up the owners on the device, but only while the server has none", async () => {
    const joiner = person('manager');
    const hash = await bcrypt.hash(PASSWORD, 4);
    const join = await app.call(
      null,
      'kg.join_restaurant($1, $2, $3, $4, $5)',
      newRestaurant(),
      joiner,
      hash,
      PASSWORD,
      randomUUID(),
    );
    const upload = (...people: object[]) =>
      app.call(join.token, 'kg.upload_users($1)', JSON.stringify(people.map((p) => ({ ...p, passwordHash: hash }))));
    const owners = [person('owner'), person('owner')];
    expect(await upload(...owners, person('staff'))).toBe(3);
    expect(await upload(...owners)).toBe(0);
    const error = await failureOf(upload(person('owner')));
    expect([error.code, error.message]).toEqual(['KG403', 'Only an owner can make someone an owner.']);
  });

  it('nobody deactivates themselves, and the last active owner stays an owner', async () => {
    for (const member of [a.owner, a.manager]) {
      const error = await failureOf(app.call(member.token, 'kg.set_active($1, $2)', member.id, false));
      expect([member.role, error.code, error.message]).toEqual([
        member.role,
        'KG403',
        'You cannot deactivate your own account.',
      ]);
    }
    expect(await codeOf(app.call(a.staff.token, 'kg.set_active($1, $2)', a.staff.id, false))).toBe('KG403');
    const other = await register();
    const demote = await failureOf(app.call(other.token, 'kg.set_role($1, $2)', other.id, 'manager'));
    expect([demote.code, demote.message]).toEqual(['KG403', 'A restaurant needs at least one active owner.']);
  });
});

describe('login throttling', () => {
  let owner: Member;
  beforeAll(async () => {
    owner = await register();
  });

  const throttleKey = (member: { id: string }) => `user:${member.id}`;
  /** As if the lock had run out: the administrator moves it into the past. */
  const expireLock = (member: { id: string }) =>
    adminQuery(server, "UPDATE kg.login_throttle SET locked_until = now() - interval '1 second' WHERE login_key = $1", [
      throttleKey(member),
    ]);

  /**
   * Runs `work` in one transaction: PostgreSQL's now() is the transaction's start, so the server's
   * clock stands still and the waits it reports are exact. `client` is the application role's
   * connection, or an administrator's.
   */
  async function atOneInstant<T>(work: () => Promise<T>, client: pg.ClientBase = app.shared.client): Promise<T> {
    await client.query('BEGIN');
    try {
      return await work();
    } finally {
      await client.query('COMMIT');
    }
  }

  it('five failures by username or email lock the account for a minute, even for the right password', async () => {
    const member = await addMember(owner, 'staff');
    const names = [
      member.username,
      member.email.toUpperCase(),
      member.username.toUpperCase(),
      member.email,
      ` ${member.username} `,
    ];
    const guess = (name: string, password = PASSWORD) =>
      app.shared.client
        .query('SELECT kg.login($1, $2, $3) AS reply', [name, password, randomUUID()])
        .then((r) => r.rows[0].reply);
    await atOneInstant(async () => {
      for (const name of names) expect(await guess(name, 'not the password')).toEqual({ status: 'invalid' });
      for (const name of [member.username, member.email]) {
        expect(await guess(name)).toEqual({ status: 'locked', retryAfterSeconds: 60 });
      }
    });
    await expireLock(member);
    expect((await login(member.email)).status).toBe('ok');
    expect(
      await adminValue('SELECT count(*)::int FROM kg.login_throttle WHERE login_key = $1', [throttleKey(member)]),
    ).toBe(0);
  });

  it('each further failure doubles the lock, up to a day', async () => {
    const admin = server.admin();
    await admin.connect();
    const key = `test:${randomUUID()}`;
    const hash = bcrypt.hashSync(PASSWORD, 4).replace(/^\$2b\$/, '$2a$');
    const guess = async (password: string) =>
      (await admin.query('SELECT kg.check_guess($1, $2, $3) AS reply', [key, hash, password])).rows[0].reply;
    const waits: number[] = [];
    try {
      await atOneInstant(async () => {
        for (let i = 0; i < 5; i++) expect(await guess('not the password')).toEqual({ status: 'invalid' });
        for (let further = 0; further < 13; further++) {
          waits.push((await guess(PASSWORD)).retryAfterSeconds);
          // As if this lock had run out: the next guess counts again.
          await admin.query('UPDATE kg.login_throttle SET locked_until = now() WHERE login_key = $1', [key]);
          expect(await guess('not the password')).toEqual({ status: 'invalid' });
        }
      }, admin);
    } finally {
      await admin.end();
    }
    expect(waits).toEqual([...Array.from({ length: 11 }, (_, doubling) => 60 * 2 ** doubling), 86_400, 86_400]);
  });

  it('a success before the fifth failure starts the count again', async () => {
    const member = await addMember(owner, 'staff');
    for (let i = 0; i < 4; i++) await login(member.username, 'not the password');
    expect((await login(member.username)).status).toBe('ok');
    for (let i = 0; i < 4; i++) await login(member.email, 'not the password');
    expect((await login(member.username)).status).toBe('ok');
  });

  it("guessing an owner's password by re-joining their restaurant counts as failed sign-ins", async () => {
    const victim = await addMember(owner, 'manager');
    const join = (password: string) =>
      app.call(
        null,
        'kg.join_restaurant($1, $2, $3, $4, $5)',
        { id: victim.restaurantId, name: 'Any', type: 'restaurant' },
        { id: victim.id, username: victim.username, email: victim.email, fullName: 'Any', role: 'manager' },
        '$2a$04$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        password,
        randomUUID(),
      );
    for (let i = 0; i < 5; i++) expect(await join('not the password')).toEqual({ status: 'invalid' });
    expect((await join(PASSWORD)).status).toBe('locked');
    expect((await login(victim.username)).status).toBe('locked');
    await expireLock(victim);
    expect((await join(PASSWORD)).status).toBe('ok');
  });

  it('an unknown login name is throttled as well, and says no more than a wrong password', async () => {
    const nobody = 'nobody-by-this-name';
    for (let i = 0; i < 5; i++) expect(await login(nobody)).toEqual({ status: 'invalid' });
    expect((await login(nobody)).status).toBe('locked');
  });
});

describe('password reset codes', () => {
  let manager: Member;
  beforeAll(async () => {
    manager = await addMember(await register(), 'manager');
  });

  const issue = async (member: Member): Promise<string> =>
    (await app.call(manager.token, 'kg.issue_reset_code($1)', member.id)).code;
  const reset = (member: Member, code: string, password = 'a brand new password'): Promise<Reply> =>
    app.call(null, 'kg.reset_password($1, $2, $3)', member.username, code, password);

  it('a code works once, in any case and without its dash, and ends the sessions the user had', async () => {
    const member = await addMember(manager, 'staff');
    const code = await issue(member);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(await reset(member, code.toLowerCase().replace('-', ' '))).toEqual({ status: 'ok' });
    expect(await app.call(member.token, 'kg.whoami()')).toBeNull();
    expect((await login(member.username)).status).toBe('invalid');
    expect((await login(member.username, 'a brand new password')).status).toBe('ok');
    expect(await reset(member, code, 'yet another password')).toEqual({ status: 'invalid' });
  });

  it('only the newest code works', async () => {
    const member = await addMember(manager, 'staff');
    const first = await issue(member);
    const second = await issue(member);
    expect(await reset(member, first)).toEqual({ status: 'invalid' });
    expect(await reset(member, second)).toEqual({ status: 'ok' });
  });

  it('an expired code does not work', async () => {
    const member = await addMember(manager, 'staff');
    const code = await issue(member);
    await adminQuery(
      server,
      "UPDATE kg.password_reset_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [member.id],
    );
    expect(await reset(member, code)).toEqual({ status: 'invalid' });
    expect((await login(member.username)).status).toBe('ok');
  });

  it('a reset lifts the login lockout: the new password works at once', async () => {
    const member = await addMember(manager, 'staff');
    for (let i = 0; i < 5; i++) await login(member.username, 'not the password');
    expect((await login(member.username)).status).toBe('locked');
    expect(await reset(member, await issue(member))).toEqual({ status: 'ok' });
    expect((await login(member.username, 'a brand new password')).status).toBe('ok');
  });

  it('five wrong codes lock resets for that user, even with the right code', async () => {
    const member = await addMember(manager, 'staff');
    const code = await issue(member);
    for (let i = 0; i < 5; i++) expect(await reset(member, `WRONG-000${i}`)).toEqual({ status: 'invalid' });
    expect((await reset(member, code)).status).toBe('locked');
    expect((await login(member.username)).status).toBe('ok');
  });
});

describe('a deactivated user', () => {
  it('cannot log in, and the sessions they had stop resolving at once', async () => {
    const owner = await register();
    const member = await addMember(owner, 'manager');
    expect(await count(member.token, 'kg.users')).toBe(2);
    await app.call(owner.token, 'kg.set_active($1, $2)', member.id, false);

    expect(await app.call(member.token, 'kg.whoami()')).toBeNull();
    expect(await count(member.token, 'kg.users')).toBe(0);
    expect(await codeOf(app.call(member.token, 'kg.push($1, $2)', randomUUID(), '[]'))).toBe('KG401');
    expect(await login(member.username)).toEqual({ status: 'inactive' });
    expect(await login(member.username, 'not the password')).toEqual({ status: 'invalid' });

    await app.call(owner.token, 'kg.set_active($1, $2)', member.id, true);
    expect(await app.call(member.token, 'kg.whoami()')).toBeNull();
    expect((await login(member.username)).status).toBe('ok');
  });
});
