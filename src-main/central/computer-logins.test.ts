/**
 * A database login per computer (issue 7, finding 7): the shared password only enrols and signs in;
 * an owner or a manager enrols a computer, which then connects as its own login; a lost laptop is
 * revoked; and nothing one login does (its own role's settings, other sessions, large objects,
 * bcrypt work) reaches another computer. Over verified TLS against the real schema.
 */
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppConnection,
  appConfig,
  type ComputerLogin,
  codeOf,
  connectApp,
  newRestaurant,
  PASSWORD,
  person,
  type Reply,
  type Role,
} from './testing/app-role';
import { serverLogin } from './testing/server-database';
import { adminQuery, createTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
let shared: AppConnection;
const open: AppConnection[] = [];

beforeAll(async () => {
  server = await createTestServer();
  shared = await connectApp(server);
});
afterAll(async () => {
  for (const connection of open) await connection.close().catch(() => undefined);
  await shared?.close();
  await server?.drop();
});

interface Computer {
  deviceId: string;
  login: ComputerLogin;
  app: AppConnection;
}

interface Place {
  restaurantId: string;
  owner: { username: string; token: string };
  office: Computer;
}

const enrol = (login: string, deviceId: string, password = PASSWORD, name = 'Office PC'): Promise<Reply> =>
  shared.call(null, 'kg.enrol_computer($1, $2, $3, $4)', login, password, deviceId, name);

/** Enrols a new computer with `by`'s password and connects as its own login. */
async function enrolled(by: string, name = 'Office PC'): Promise<Computer> {
  const deviceId = randomUUID();
  const reply = await enrol(by, deviceId, PASSWORD, name);
  expect(reply).toMatchObject({ status: 'ok', login: expect.stringMatching(/_computers_[0-9a-f]{12}$/) });
  const login = { login: reply.login, secret: reply.secret };
  const app = await connectApp(server, login);
  open.push(app);
  return { deviceId, login, app };
}

const signIn = async (computer: Computer, username: string): Promise<string> => {
  const reply = await computer.app.call(null, 'kg.login($1, $2, $3)', username, PASSWORD, computer.deviceId);
  expect(reply.status).toBe('ok');
  return reply.token;
};

/** A restaurant registered through the shared role, its office computer enrolled by the owner. */
async function restaurant(): Promise<Place> {
  const owner = person('owner');
  const reply = await shared.call(null, 'kg.register($1, $2, $3, $4)', newRestaurant(), owner, PASSWORD, randomUUID());
  const office = await enrolled(owner.username);
  return {
    restaurantId: reply.user.restaurantId,
    owner: { username: owner.username, token: await signIn(office, owner.username) },
    office,
  };
}

async function member(place: Place, role: Role): Promise<string> {
  const someone = person(role);
  await place.office.app.call(place.owner.token, 'kg.create_user($1, $2)', someone, PASSWORD);
  return someone.username;
}

const roleCanLogIn = async (login: string) =>
  (await adminQuery<{ can: boolean }>(server, 'SELECT rolcanlogin AS can FROM pg_roles WHERE rolname = $1', [login]))
    .rows[0]?.can;

describe('enrolling a computer', () => {
  let place: Place;
  beforeAll(async () => {
    place = await restaurant();
  });

  it('an owner or a manager enrols it; its own login then signs in, syncs and is listed', async () => {
    const manager = await member(place, 'manager');
    const laptop = await enrolled(manager, 'Walk-in laptop');
    const token = await signIn(laptop, manager);
    await laptop.app.call(token, 'kg.device_state($1)', laptop.deviceId);
    const computers: Reply[] = await laptop.app.call(token, 'kg.list_computers()');
    expect(computers.map((c) => [c.name, c.thisComputer, c.revokedAt])).toEqual([
      ['Office PC', false, null],
      ['Walk-in laptop', true, null],
    ]);
    expect(computers[1]).toMatchObject({ deviceId: laptop.deviceId, enrolledBy: 'Test manager' });
    expect(computers[1].lastSyncAt).not.toBeNull();
    // The login is a member of the computers' group and nothing more.
    const { rows } = await adminQuery<{ rolsuper: boolean; rolcreaterole: boolean; groups: string[] }>(
      server,
      `SELECT r.rolsuper, r.rolcreaterole, array(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
          WHERE m.member = r.oid)::text[] AS groups FROM pg_roles r WHERE r.rolname = $1`,
      [laptop.login.login],
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, groups: [`${server.appRole}_computers`] });
  });

  it('staff cannot enrol one, a wrong password is refused like a sign-in, and nobody gets a login', async () => {
    const staff = await member(place, 'staff');
    expect(await enrol(staff, randomUUID())).toEqual({ status: 'forbidden' });
    expect(await enrol(place.owner.username, randomUUID(), 'wrong password')).toEqual({ status: 'invalid' });
    const { rows } = await adminQuery(server, 'SELECT 1 FROM kg.computers WHERE restaurant_id = $1', [
      place.restaurantId,
    ]);
    expect(rows.length).toBeLessThanOrEqual(2);
  });

  it("a computer of one restaurant signs in nobody of another, and another's session is none there", async () => {
    const other = await restaurant();
    expect(
      await codeOf(
        place.office.app.call(null, 'kg.login($1, $2, $3)', other.owner.username, PASSWORD, place.office.deviceId),
      ),
    ).toBe('KG403');
    expect(await place.office.app.call(other.owner.token, 'kg.whoami()')).toBeNull();
    expect(await codeOf(enrol(other.owner.username, place.office.deviceId))).toBe('KG403');
  });

  it('a lost laptop is revoked: its connection ends, it cannot connect again, its sessions end', async () => {
    const laptop = await enrolled(place.owner.username, 'Lost laptop');
    const token = await signIn(laptop, place.owner.username);
    const staff = await member(place, 'staff');
    const staffToken = await signIn(place.office, staff);
    expect(await codeOf(place.office.app.call(staffToken, 'kg.revoke_computer($1)', laptop.deviceId))).toBe('KG403');
    expect(
      await codeOf(place.office.app.call(place.owner.token, 'kg.revoke_computer($1)', place.office.deviceId)),
    ).toBe('KG403');
    const after: Reply[] = await place.office.app.call(place.owner.token, 'kg.revoke_computer($1)', laptop.deviceId);
    expect(after.find((c) => c.deviceId === laptop.deviceId)?.revokedAt).not.toBeNull();
    if (server.cluster.app.pooled) {
      // Its open connection to PgBouncer runs on the pool's server connections, which stay: presenting
      // a revoked computer's secret, it acts for nobody.
      expect(await laptop.app.call(token, 'kg.whoami()')).toBeNull();
      expect((await laptop.app.query(token, 'SELECT id FROM kg.items')).rows).toEqual([]);
    } else {
      expect(await codeOf(laptop.app.call(token, 'kg.whoami()'))).toMatch(/^(57P01|undefined)$/);
    }
    const again = new pg.Client(appConfig(server, { user: laptop.login.login, password: laptop.login.secret }));
    // Straight to PostgreSQL no access rule lets it in (28000); PgBouncer's lookup finds no such login (08P01).
    expect(await codeOf(again.connect())).toBe(server.cluster.app.pooled ? '08P01' : '28000');
    expect(await roleCanLogIn(laptop.login.login)).toBe(false);
    const sessions = await adminQuery(server, 'SELECT 1 FROM kg.sessions WHERE device_id = $1 AND revoked_at IS NULL', [
      laptop.deviceId,
    ]);
    expect(sessions.rows).toEqual([]);
  });

  it("another restaurant's computer cannot be revoked or seen (KG404)", async () => {
    const other = await restaurant();
    expect(
      await codeOf(place.office.app.call(place.owner.token, 'kg.revoke_computer($1)', other.office.deviceId)),
    ).toBe('KG404');
    const listed: Reply[] = await place.office.app.call(place.owner.token, 'kg.list_computers()');
    expect(listed.map((c) => c.deviceId)).not.toContain(other.office.deviceId);
  });

  it('re-enrolling a revoked computer gives it a new secret under the same login', async () => {
    const laptop = await enrolled(place.owner.username, 'Found laptop');
    await place.office.app.call(place.owner.token, 'kg.revoke_computer($1)', laptop.deviceId);
    const reply = await enrol(place.owner.username, laptop.deviceId, PASSWORD, 'Found laptop');
    expect(reply).toMatchObject({ status: 'ok', login: laptop.login.login });
    expect(reply.secret).not.toBe(laptop.login.secret);
    expect(await roleCanLogIn(laptop.login.login)).toBe(true);
    const back = await connectApp(server, { login: reply.login, secret: reply.secret });
    open.push(back);
    expect(
      await back.call(null, 'kg.login($1, $2, $3)', place.owner.username, PASSWORD, laptop.deviceId),
    ).toMatchObject({
      status: 'ok',
    });
  });
});

describe('what one login can do to others', () => {
  let a: Place;
  let b: Place;
  beforeAll(async () => {
    a = await restaurant();
    b = await restaurant();
  });

  /** Every app login there is: the shared one and a computer's own. */
  const logins = () =>
    [
      ['the shared role', shared],
      ['a computer login', a.office.app],
    ] as const;

  it("cannot change another login's password or settings; its own settings reach no one else", async () => {
    const query = (app: AppConnection, sql: string) => app.query(null, sql);
    expect(await codeOf(query(a.office.app, `ALTER ROLE ${b.office.login.login} PASSWORD 'taken over'`))).toBe('42501');
    expect(
      await codeOf(query(a.office.app, `ALTER ROLE ${server.appRole} SET default_transaction_read_only = on`)),
    ).toBe('42501');
    // PostgreSQL lets every role set its own defaults: straight to the server a computer can only stop
    // itself. Behind the pooler they would be the pool role's: security.pooled.test.ts.
    if (server.cluster.app.pooled) return;
    await query(a.office.app, 'ALTER ROLE CURRENT_USER SET default_transaction_read_only = on');
    const fresh = await connectApp(server, b.office.login);
    open.push(fresh);
    const token = await signIn({ ...b.office, app: fresh }, b.owner.username);
    expect(await fresh.call(token, 'kg.device_state($1)', b.office.deviceId)).toEqual({ lastMutationId: 0 });
    await adminQuery(server, `ALTER ROLE ${a.office.login.login} RESET ALL`);
  });

  it("cannot end, nor read the queries and addresses of, anyone else's connections", async () => {
    // Through the pooler B's transactions run on the pool role's server connections, kept a while after one.
    await b.office.app.query(null, 'SELECT 1');
    const { rows } = await adminQuery<{ pid: number }>(
      server,
      'SELECT pid FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()',
      [serverLogin(server.cluster, b.office.login.login)],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const [who, app] of logins()) {
      expect(await codeOf(app.query(null, 'SELECT pg_terminate_backend($1)', [rows[0]!.pid])), who).toBe('42501');
      expect(await codeOf(app.query(null, 'SELECT pg_cancel_backend($1)', [rows[0]!.pid])), who).toBe('42501');
      expect(await codeOf(app.query(null, 'SELECT query, client_addr FROM pg_stat_activity')), who).toBe('42501');
      expect(await codeOf(app.query(null, 'SELECT * FROM pg_stat_get_activity(NULL)')), who).toBe('42501');
    }
  });

  it('cannot count rows through statistics, create large objects, temporary tables or objects in public', async () => {
    for (const [who, app] of logins()) {
      for (const sql of [
        'SELECT relname, n_live_tup FROM pg_stat_user_tables',
        "SELECT pg_stat_get_live_tuples('kg.items'::regclass)",
        'SELECT lo_create(0)',
        "SELECT lo_from_bytea(0, '\\x00')",
        'CREATE TEMP TABLE hoard (x text)',
        'CREATE TABLE public.hoard (x text)',
        'SELECT pg_advisory_lock(1)',
        "SELECT pg_advisory_xact_lock(hashtext('kitchenguard-server-setup'))",
      ]) {
        expect(await codeOf(app.query(null, sql)), `${who}: ${sql}`).toBe('42501');
      }
    }
  });

  it('cannot ask for bcrypt work of its own choosing: pgcrypto is closed, uploaded hashes are capped at cost 12', async () => {
    for (const [who, app] of logins()) {
      expect(await codeOf(app.query(null, "SELECT public.gen_salt('bf', 20)")), who).toBe('42501');
      expect(await codeOf(app.query(null, "SELECT public.crypt('x', '$2a$04$abcdefghijklmnopqrstuu')")), who).toBe(
        '42501',
      );
    }
    const costly = bcrypt.hashSync(PASSWORD, bcrypt.genSaltSync(4)).replace(/^\$2b\$04\$/, '$2a$31$');
    const joining = person('owner');
    const reply = shared.call(
      null,
      'kg.join_restaurant($1, $2, $3, $4, $5)',
      newRestaurant(),
      joining,
      costly,
      PASSWORD,
      randomUUID(),
    );
    expect(await codeOf(reply)).toBe('KG422');
  });

  it('a session may raise its own statement timeout, which bounds nothing but its own queries', async () => {
    const app = a.office.app;
    await app.client.query('SET statement_timeout = 0');
    // Behind the pooler, whose server connections the computers share, it is undone after each transaction.
    const own = server.cluster.app.pooled ? '15s' : '0';
    expect((await app.client.query('SHOW statement_timeout')).rows[0].statement_timeout).toBe(own);
    const other = await connectApp(server, b.office.login);
    open.push(other);
    expect((await other.client.query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('15s');
    await app.client.query('RESET statement_timeout');
  });
});
