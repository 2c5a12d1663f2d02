/**
 * The security matrix, generated from the catalog: every function the application roles can
 * execute (pg_proc with has_function_privilege, for the shared role and for an enrolled computer's
 * login, in every schema but PostgreSQL's own) must be an entry here, and each entry is called with
 * its own restaurant (allowed), across restaurants and without a session (refused, or reaching
 * nothing). A function granted tomorrow fails the first test until it has its cases. The functions
 * of pg_catalog that set-up takes from PUBLIC stay out of reach of both roles.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVOKED_FROM_PUBLIC } from './app-grants';
import {
  type AppConnection,
  codeOf,
  connectApp,
  newRestaurant,
  PASSWORD,
  person,
  type Reply,
} from './testing/app-role';
import { adminQuery, createTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
let shared: AppConnection;
const opened: AppConnection[] = [];

/** A restaurant: its owner signed in on its own enrolled computer, a staff member, an item. */
interface Place {
  id: string;
  owner: { id: string; username: string };
  token: string;
  staffId: string;
  itemId: string;
  deviceId: string;
  computer: AppConnection;
}

let a: Place;
let b: Place;

const item = (id: string = randomUUID()) => ({ id, area: 'kitchen', name: 'Rice', unit: 'kg', unitCostCents: 100 });
const movement = (itemId: string) => ({
  id: randomUUID(),
  itemId,
  reason: 'delivery',
  quantityMilli: 1000,
  at: new Date().toISOString(),
});

const UPLOAD_STORAGE = 'kg.upload_storage($1, $2, $3)';
/** Lists go to jsonb parameters as JSON text (node-postgres would send them as PostgreSQL arrays). */
const asJson = (...lists: unknown[][]) => lists.map((list) => JSON.stringify(list));
const storageArea = (name = 'Dry store') => ({
  id: randomUUID(),
  area: 'kitchen',
  name,
  position: 'a0',
  archivedAt: null,
  updatedBy: randomUUID(),
  updatedAt: new Date().toISOString(),
});

const UPLOAD_COUNTS = 'kg.upload_counts($1, $2, $3)';
const countOf = (startedBy: string) => ({
  id: randomUUID(),
  areas: ['kitchen'],
  scope: 'full',
  storageAreaIds: [],
  categories: [],
  asOf: null,
  blind: false,
  status: 'open',
  recount: [],
  startedBy,
  startedAt: new Date().toISOString(),
});
const countEntry = (countId: string, itemId: string, by: string) => ({
  id: randomUUID(),
  countId,
  itemId,
  storageAreaId: null,
  kind: 'set',
  quantityMilli: 2000,
  parts: [],
  voids: null,
  by,
  deviceId: randomUUID(),
  at: new Date().toISOString(),
  occurredAt: new Date().toISOString(),
});

async function place(): Promise<Place> {
  const owner = person('owner');
  const registered = await shared.call(
    null,
    'kg.register($1, $2, $3, $4)',
    newRestaurant(),
    owner,
    PASSWORD,
    randomUUID(),
  );
  const deviceId = randomUUID();
  const enrolled = await shared.call(
    null,
    'kg.enrol_computer($1, $2, $3, $4)',
    owner.username,
    PASSWORD,
    deviceId,
    'PC',
  );
  const computer = await connectApp(server, { login: enrolled.login, secret: enrolled.secret });
  opened.push(computer);
  const token = (await computer.call(null, 'kg.login($1, $2, $3)', owner.username, PASSWORD, deviceId)).token;
  const staff = await computer.call(token, 'kg.create_user($1, $2)', person('staff'), PASSWORD);
  const rice = item();
  await computer.call(token, 'kg.push($1, $2)', deviceId, JSON.stringify([{ id: 1, name: 'item.create', args: rice }]));
  return { id: registered.user.restaurantId, owner, token, staffId: staff.id, itemId: rice.id, deviceId, computer };
}

beforeAll(async () => {
  server = await createTestServer();
  shared = await connectApp(server);
  a = await place();
  b = await place();
});
afterAll(async () => {
  for (const connection of opened) await connection.close();
  await shared?.close();
  await server?.drop();
});

type Via = 'shared' | 'computer';
/** `app`: the role's connection (the shared one, or A's computer); `token`: A's session, B's, or none. */
type Check = (app: AppConnection) => Promise<void>;
interface Entry {
  roles: Via[];
  own: Check;
  cross: Check;
  /** A check, or why the function is meant to be called without a session. */
  none: Check | string;
}

const refused =
  (code: string, token: () => string | null, sql: string, ...params: (() => unknown)[]): Check =>
  async (app) => {
    expect(await codeOf(app.call(token(), sql, ...params.map((param) => param()))), sql).toBe(code);
  };
const withoutSession = (sql: string, ...params: (() => unknown)[]) => refused('KG401', () => null, sql, ...params);
/** B's session presented on A's computer is no session there. */
const bOnA = (sql: string, ...params: (() => unknown)[]) => refused('KG401', () => b.token, sql, ...params);
const BEFORE_A_SESSION = 'called before anyone has a session, by design';

const MATRIX: Record<string, Entry> = {
  'kg.session_restaurant()': {
    roles: ['computer'],
    own: async (app) => expect(await app.call(a.token, 'kg.session_restaurant()')).toBe(a.id),
    cross: async (app) => expect(await app.call(b.token, 'kg.session_restaurant()')).toBeNull(),
    none: async (app) => expect(await app.call(null, 'kg.session_restaurant()')).toBeNull(),
  },
  'kg.whoami()': {
    roles: ['computer'],
    own: async (app) => expect((await app.call(a.token, 'kg.whoami()')).id).toBe(a.owner.id),
    cross: async (app) => expect(await app.call(b.token, 'kg.whoami()')).toBeNull(),
    none: async (app) => expect(await app.call(null, 'kg.whoami()')).toBeNull(),
  },
  'kg.login(text,text,uuid)': {
    roles: ['shared', 'computer'],
    own: async (app) =>
      expect((await app.call(null, 'kg.login($1, $2, $3)', a.owner.username, PASSWORD, a.deviceId)).status).toBe('ok'),
    cross: async (app) => {
      const signIn = app.call(null, 'kg.login($1, $2, $3)', b.owner.username, PASSWORD, a.deviceId);
      if (app === shared) {
        // Not yet enrolled, any computer may sign in; the session reads nothing through this role
        // (behind the pooler it runs as the pool role, and without a computer's secret it is nobody).
        const token = (await signIn).token;
        const read = shared.query(token, 'SELECT * FROM kg.items');
        if (server.cluster.app.pooled) expect((await read).rows).toEqual([]);
        else expect(await codeOf(read)).toBe('42501');
      } else expect(await codeOf(signIn)).toBe('KG403');
    },
    none: BEFORE_A_SESSION,
  },
  'kg.logout()': {
    roles: ['computer'],
    own: async (app) => {
      const token = (await app.call(null, 'kg.login($1, $2, $3)', a.owner.username, PASSWORD, a.deviceId)).token;
      await app.call(token, 'kg.logout()');
      expect(await app.call(token, 'kg.whoami()')).toBeNull();
    },
    cross: async (app) => {
      await app.call(b.token, 'kg.logout()');
      expect((await b.computer.call(b.token, 'kg.whoami()')).id).toBe(b.owner.id);
    },
    none: async (app) => expect(await app.call(null, 'kg.logout()')).toBeNull(),
  },
  'kg.change_own_password(text,text)': {
    roles: ['computer'],
    own: async (app) => {
      const someone = person('staff');
      await app.call(a.token, 'kg.create_user($1, $2)', someone, PASSWORD);
      const token = (await app.call(null, 'kg.login($1, $2, $3)', someone.username, PASSWORD, a.deviceId)).token;
      const reply = await app.call(token, 'kg.change_own_password($1, $2)', PASSWORD, 'another long password');
      expect(reply.status).toBe('ok');
    },
    cross: bOnA(
      'kg.change_own_password($1, $2)',
      () => PASSWORD,
      () => 'another long password',
    ),
    none: withoutSession(
      'kg.change_own_password($1, $2)',
      () => PASSWORD,
      () => 'another long password',
    ),
  },
  'kg.place_movements(jsonb)': {
    roles: ['computer'],
    own: async (app) => expect(await app.call(a.token, 'kg.place_movements($1)', '[]')).toBe(0),
    cross: bOnA('kg.place_movements($1)', () => '[]'),
    none: withoutSession('kg.place_movements($1)', () => '[]'),
  },
  'kg.update_profile(jsonb)': {
    roles: ['computer'],
    own: async (app) =>
      expect((await app.call(a.token, 'kg.update_profile($1)', { position: 'Chef' })).position).toBe('Chef'),
    cross: bOnA('kg.update_profile($1)', () => ({ position: 'Taken' })),
    none: withoutSession('kg.update_profile($1)', () => ({ position: 'Taken' })),
  },
  'kg.create_user(jsonb,text)': {
    roles: ['computer'],
    own: async (app) =>
      expect((await app.call(a.token, 'kg.create_user($1, $2)', person('staff'), PASSWORD)).restaurantId).toBe(a.id),
    cross: bOnA(
      'kg.create_user($1, $2)',
      () => person('staff'),
      () => PASSWORD,
    ),
    none: withoutSession(
      'kg.create_user($1, $2)',
      () => person('staff'),
      () => PASSWORD,
    ),
  },
  'kg.set_role(uuid,text)': {
    roles: ['computer'],
    own: async (app) => expect((await app.call(a.token, 'kg.set_role($1, $2)', a.staffId, 'staff')).role).toBe('staff'),
    cross: refused(
      'KG404',
      () => a.token,
      'kg.set_role($1, $2)',
      () => b.staffId,
      () => 'manager',
    ),
    none: withoutSession(
      'kg.set_role($1, $2)',
      () => a.staffId,
      () => 'manager',
    ),
  },
  'kg.set_active(uuid,boolean)': {
    roles: ['computer'],
    own: async (app) => expect((await app.call(a.token, 'kg.set_active($1, $2)', a.staffId, true)).isActive).toBe(true),
    cross: refused(
      'KG404',
      () => a.token,
      'kg.set_active($1, $2)',
      () => b.staffId,
      () => false,
    ),
    none: withoutSession(
      'kg.set_active($1, $2)',
      () => a.staffId,
      () => false,
    ),
  },
  'kg.issue_reset_code(uuid)': {
    roles: ['computer'],
    own: async (app) => expect((await app.call(a.token, 'kg.issue_reset_code($1)', a.staffId)).code).toMatch(/-/),
    cross: refused(
      'KG404',
      () => a.token,
      'kg.issue_reset_code($1)',
      () => b.staffId,
    ),
    none: withoutSession('kg.issue_reset_code($1)', () => a.staffId),
  },
  'kg.reset_password(text,text,text)': {
    roles: ['shared', 'computer'],
    own: async (app) => {
      const someone = person('staff');
      await a.computer.call(a.token, 'kg.create_user($1, $2)', someone, PASSWORD);
      const { rows } = await adminQuery<{ id: string }>(server, 'SELECT id FROM kg.users WHERE username = $1', [
        someone.username,
      ]);
      const issued = await a.computer.call(a.token, 'kg.issue_reset_code($1)', rows[0]!.id);
      const reply = await app.call(
        null,
        'kg.reset_password($1, $2, $3)',
        someone.username,
        issued.code,
        'a new long password',
      );
      expect(reply.status).toBe('ok');
    },
    cross: async (app) => {
      const issued = await a.computer.call(a.token, 'kg.issue_reset_code($1)', a.staffId);
      const { rows } = await adminQuery<{ username: string }>(server, 'SELECT username FROM kg.users WHERE id = $1', [
        b.staffId,
      ]);
      const reply = await app.call(
        null,
        'kg.reset_password($1, $2, $3)',
        rows[0]!.username,
        issued.code,
        'a new long password',
      );
      expect(reply.status).toBe('invalid');
    },
    none: BEFORE_A_SESSION,
  },
  'kg.push(uuid,jsonb)': {
    roles: ['computer'],
    own: async (app) => {
      const { lastMutationId } = await app.call(a.token, 'kg.device_state($1)', a.deviceId);
      const batch = [{ id: lastMutationId + 1, name: 'movement.record', args: movement(a.itemId) }];
      expect((await app.call(a.token, 'kg.push($1, $2)', a.deviceId, JSON.stringify(batch))).rejected).toEqual([]);
    },
    cross: refused(
      'KG403',
      () => a.token,
      'kg.push($1, $2)',
      () => b.deviceId,
      () => '[]',
    ),
    none: withoutSession(
      'kg.push($1, $2)',
      () => a.deviceId,
      () => '[]',
    ),
  },
  'kg.device_state(uuid)': {
    roles: ['computer'],
    own: async (app) =>
      expect((await app.call(a.token, 'kg.device_state($1)', a.deviceId)).lastMutationId).toBeGreaterThan(0),
    cross: async (app) =>
      expect(await app.call(a.token, 'kg.device_state($1)', b.deviceId)).toEqual({ lastMutationId: 0 }),
    none: withoutSession('kg.device_state($1)', () => a.deviceId),
  },
  'kg.upload_users(jsonb)': {
    roles: ['computer'],
    own: async (app) => {
      const someone = { ...person('staff'), passwordHash: `$2a$04$${'a'.repeat(53)}` };
      expect(await app.call(a.token, 'kg.upload_users($1)', JSON.stringify([someone]))).toBe(1);
    },
    cross: refused(
      'KG404',
      () => a.token,
      'kg.upload_users($1)',
      () => JSON.stringify([{ ...person('staff'), id: b.staffId }]),
    ),
    none: withoutSession('kg.upload_users($1)', () => '[]'),
  },
  'kg.upload_items(jsonb)': {
    roles: ['computer'],
    own: async (app) => {
      const row = {
        ...item(),
        createdBy: a.owner.id,
        updatedBy: a.owner.id,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      };
      expect(await app.call(a.token, 'kg.upload_items($1)', JSON.stringify([row]))).toBe(1);
    },
    cross: refused(
      'KG404',
      () => a.token,
      'kg.upload_items($1)',
      () => JSON.stringify([item(b.itemId)]),
    ),
    none: withoutSession('kg.upload_items($1)', () => '[]'),
  },
  'kg.upload_movements(jsonb,uuid)': {
    roles: ['computer'],
    own: async (app) => {
      const rows = JSON.stringify([{ ...movement(a.itemId), by: a.owner.id }]);
      expect(await app.call(a.token, 'kg.upload_movements($1, $2)', rows, a.deviceId)).toBe(1);
    },
    cross: async (app) => {
      const rows = JSON.stringify([{ ...movement(b.itemId), by: a.owner.id }]);
      expect(await app.call(a.token, 'kg.upload_movements($1, $2)', rows, a.deviceId)).toBe(0);
    },
    none: withoutSession(
      'kg.upload_movements($1, $2)',
      () => '[]',
      () => a.deviceId,
    ),
  },
  'kg.upload_storage(jsonb,jsonb,jsonb)': {
    roles: ['computer'],
    own: async (app) => {
      const area = storageArea();
      const place = {
        storageAreaId: area.id,
        itemId: a.itemId,
        position: 'a0',
        removedAt: null,
        updatedAt: area.updatedAt,
      };
      const units = { itemId: a.itemId, units: [{ name: 'sack', size: '25', step: null }] };
      expect(await app.call(a.token, UPLOAD_STORAGE, ...asJson([area], [place], [units]))).toBe(3);
    },
    cross: async (app) => {
      const theirs = storageArea('Their store');
      expect(await b.computer.call(b.token, UPLOAD_STORAGE, ...asJson([theirs], [], []))).toBe(1);
      const place = { storageAreaId: theirs.id, itemId: b.itemId, position: 'a1', removedAt: null, updatedAt: null };
      const units = { itemId: b.itemId, units: [{ name: 'case', size: '12', step: null }] };
      expect(await app.call(a.token, UPLOAD_STORAGE, ...asJson([{ ...theirs, name: 'Taken' }], [place], [units]))).toBe(
        0,
      );
      const { rows } = await adminQuery(server, 'SELECT name FROM kg.storage_areas WHERE id = $1', [theirs.id]);
      expect(rows).toEqual([{ name: 'Their store' }]);
      const held = await adminQuery(server, 'SELECT 1 FROM kg.count_units WHERE item_id = $1', [b.itemId]);
      expect(held.rows).toEqual([]);
    },
    none: withoutSession(
      UPLOAD_STORAGE,
      () => '[]',
      () => '[]',
      () => '[]',
    ),
  },
  'kg.upload_counts(jsonb,jsonb,jsonb)': {
    roles: ['computer'],
    own: async (app) => {
      const count = countOf(a.owner.id);
      const entry = countEntry(count.id, a.itemId, a.owner.id);
      expect(await app.call(a.token, UPLOAD_COUNTS, ...asJson([count], [entry], []))).toBe(2);
    },
    cross: async (app) => {
      const theirs = countOf(b.owner.id);
      expect(await b.computer.call(b.token, UPLOAD_COUNTS, ...asJson([theirs], [], []))).toBe(1);
      // A line in their count, their item in ours, their count taken over: none lands.
      const ours = countOf(a.owner.id);
      await app.call(a.token, UPLOAD_COUNTS, ...asJson([ours], [], []));
      const lines = [countEntry(theirs.id, a.itemId, a.owner.id), countEntry(ours.id, b.itemId, a.owner.id)];
      expect(await app.call(a.token, UPLOAD_COUNTS, ...asJson([{ ...theirs, status: 'abandoned' }], lines, []))).toBe(
        0,
      );
      const { rows } = await adminQuery(server, 'SELECT status, restaurant_id FROM kg.counts WHERE id = $1', [
        theirs.id,
      ]);
      expect(rows).toEqual([{ status: 'open', restaurant_id: b.id }]);
    },
    none: withoutSession(
      UPLOAD_COUNTS,
      () => '[]',
      () => '[]',
      () => '[]',
    ),
  },
  'kg.set_device_position(uuid,bigint)': {
    roles: ['computer'],
    own: async (app) => {
      const { lastMutationId } = await app.call(a.token, 'kg.device_state($1)', a.deviceId);
      await app.call(a.token, 'kg.set_device_position($1, $2)', a.deviceId, lastMutationId);
    },
    cross: refused(
      'KG403',
      () => a.token,
      'kg.set_device_position($1, $2)',
      () => b.deviceId,
      () => 99,
    ),
    none: withoutSession(
      'kg.set_device_position($1, $2)',
      () => a.deviceId,
      () => 99,
    ),
  },
  'kg.list_computers()': {
    roles: ['computer'],
    own: async (app) =>
      expect((await app.call(a.token, 'kg.list_computers()')).map((c: Reply) => c.deviceId)).toContain(a.deviceId),
    cross: bOnA('kg.list_computers()'),
    none: withoutSession('kg.list_computers()'),
  },
  'kg.revoke_computer(uuid)': {
    roles: ['computer'],
    own: async (app) => {
      const spare = randomUUID();
      await shared.call(null, 'kg.enrol_computer($1, $2, $3, $4)', a.owner.username, PASSWORD, spare, 'Spare');
      const after: Reply[] = await app.call(a.token, 'kg.revoke_computer($1)', spare);
      expect(after.find((c) => c.deviceId === spare)?.revokedAt).not.toBeNull();
    },
    cross: refused(
      'KG404',
      () => a.token,
      'kg.revoke_computer($1)',
      () => b.deviceId,
    ),
    none: withoutSession('kg.revoke_computer($1)', () => b.deviceId),
  },
  'kg.set_currency(text)': {
    roles: ['computer'],
    own: async (app) => expect((await app.call(a.token, 'kg.set_currency($1)', 'EUR')).currency).toBe('EUR'),
    // It names no restaurant: only the session's own, and B's session is none on A's computer.
    cross: bOnA('kg.set_currency($1)', () => 'EUR'),
    none: withoutSession('kg.set_currency($1)', () => 'EUR'),
  },
  'kg.register(jsonb,jsonb,text,uuid)': {
    roles: ['shared'],
    own: async (app) =>
      expect(
        (await app.call(null, 'kg.register($1, $2, $3, $4)', newRestaurant(), person('owner'), PASSWORD, randomUUID()))
          .status,
      ).toBe('ok'),
    // A new restaurant has no other; what it cannot do is take another's people.
    cross: async (app) => {
      const taken = person('owner', { username: b.owner.username });
      const reply = await app.call(null, 'kg.register($1, $2, $3, $4)', newRestaurant(), taken, PASSWORD, randomUUID());
      expect(reply.status).toBe('refused');
    },
    none: BEFORE_A_SESSION,
  },
  'kg.join_restaurant(jsonb,jsonb,text,text,uuid)': {
    roles: ['shared', 'computer'],
    own: async (app) => {
      const owner = { ...a.owner, email: `${a.owner.username}@example.test`, fullName: 'Test owner', role: 'owner' };
      const reply = await app.call(
        null,
        'kg.join_restaurant($1, $2, $3, $4, $5)',
        { id: a.id, name: 'A', type: 'restaurant' },
        owner,
        null,
        PASSWORD,
        a.deviceId,
      );
      expect(reply.status).toBe('ok');
    },
    cross: async (app) => {
      const owner = { ...a.owner, email: `${a.owner.username}@example.test`, fullName: 'Test owner', role: 'owner' };
      const reply = await app.call(
        null,
        'kg.join_restaurant($1, $2, $3, $4, $5)',
        { id: b.id, name: 'B', type: 'restaurant' },
        owner,
        null,
        PASSWORD,
        a.deviceId,
      );
      expect(reply.status).toBe('invalid');
    },
    none: BEFORE_A_SESSION,
  },
  'kg.enrol_computer(text,text,uuid,text)': {
    roles: ['shared'],
    own: async (app) =>
      expect(
        (await app.call(null, 'kg.enrol_computer($1, $2, $3, $4)', a.owner.username, PASSWORD, randomUUID(), 'New'))
          .status,
      ).toBe('ok'),
    cross: refused(
      'KG403',
      () => null,
      'kg.enrol_computer($1, $2, $3, $4)',
      () => a.owner.username,
      () => PASSWORD,
      () => b.deviceId,
      () => 'B PC',
    ),
    none: BEFORE_A_SESSION,
  },
};

/** Every function a role can execute outside PostgreSQL's own schemas, read from the catalog. */
async function executableBy(role: string): Promise<string[]> {
  const { rows } = await adminQuery<{ fn: string }>(
    server,
    `SELECT p.oid::regprocedure::text AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND has_function_privilege($1, p.oid, 'EXECUTE')
      ORDER BY 1`,
    [role],
  );
  return rows.map((row) => row.fn);
}

const computerLogin = async () =>
  (
    await adminQuery<{ login: string }>(server, 'SELECT role_name AS login FROM kg.computers WHERE device_id = $1', [
      a.deviceId,
    ])
  ).rows[0]!.login;
const matrixFor = (via: Via) =>
  Object.keys(MATRIX)
    .filter((fn) => MATRIX[fn]!.roles.includes(via))
    .sort();

describe('the catalog and the matrix agree', () => {
  it('the shared role executes exactly the functions the matrix lists for it', async () => {
    expect(await executableBy(server.appRole)).toEqual(matrixFor('shared'));
  });

  it("a computer's own login executes exactly the functions the matrix lists for it", async () => {
    expect(await executableBy(await computerLogin())).toEqual(matrixFor('computer'));
  });

  it('neither runs what set-up takes from PUBLIC in pg_catalog (large objects, activity, statistics, signals, advisory locks)', async () => {
    const { rows } = await adminQuery<{ revoke: string }>(server, REVOKED_FROM_PUBLIC);
    const functions = rows.map((row) => /ON FUNCTION (.+) FROM/.exec(row.revoke)?.[1]).filter(Boolean);
    expect(functions).toEqual(
      expect.arrayContaining([
        'lo_create(oid)',
        'pg_terminate_backend(integer,bigint)',
        'pg_stat_get_activity(integer)',
      ]),
    );
    for (const role of [server.appRole, await computerLogin()]) {
      const { rows: open } = await adminQuery<{ fn: string }>(
        server,
        `SELECT f AS fn FROM unnest($1::text[]) AS f WHERE has_function_privilege($2, f::regprocedure, 'EXECUTE')`,
        [functions, role],
      );
      expect(open, role).toEqual([]);
    }
  });
});

describe.each(Object.entries(MATRIX))('%s', (_fn, entry) => {
  const connection = (via: Via) => (via === 'shared' ? shared : a.computer);
  it.each(entry.roles)('with its own restaurant, as %s: allowed', (via) => entry.own(connection(via)));
  it.each(entry.roles)('across restaurants, as %s: refused or reaching nothing', (via) => entry.cross(connection(via)));
  it.each(entry.roles)('without a session, as %s: refused', async (via) => {
    if (typeof entry.none === 'string') expect(entry.none).toBe(BEFORE_A_SESSION);
    else await entry.none(connection(via));
  });
});
