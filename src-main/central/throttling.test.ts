/**
 * Throttling that holds (server schema v9, docs/decisions/0011-throttling.md), as the application
 * role: guesses are limited per account, per computer or address and server-wide, registrations per
 * address and server-wide, and failures elsewhere never lock a team member out of a computer of
 * their own restaurant. Where a limit would take hundreds of guesses to reach, a test lowers it in
 * this file's database; every count starts empty for each test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
let app: AppConnection;

beforeAll(async () => {
  server = await createTestServer(undefined, { liftSharedLimits: false });
  app = await connectApp(server);
});
afterAll(async () => {
  await app?.close();
  await server?.drop();
});

/** The limits as set-up makes them: what the decision note gives, and why. */
const LIMITS = [
  { rule: 'account', free: 5, per: '24:00:00', longest_lock: '24:00:00' },
  { rule: 'computer', free: 30, per: '24:00:00', longest_lock: '24:00:00' },
  { rule: 'server', free: 1000, per: '01:00:00', longest_lock: '00:15:00' },
  { rule: 'reset code', free: 5, per: '01:00:00', longest_lock: '00:15:00' },
  { rule: 'registration', free: 10, per: '24:00:00', longest_lock: '24:00:00' },
  { rule: 'registrations', free: 200, per: '01:00:00', longest_lock: '01:00:00' },
];

const setLimit = (rule: string, free: number) =>
  adminQuery(server, 'UPDATE kg.throttle_rules SET free = $2 WHERE rule = $1', [rule, free]);

afterEach(async () => {
  for (const { rule, free } of LIMITS) await setLimit(rule, free);
  await adminQuery(server, 'DELETE FROM kg.login_throttle');
});

const login = (name: string, password = PASSWORD, device: string = randomUUID()): Promise<Reply> =>
  app.call(null, 'kg.login($1, $2, $3)', name, password, device);
const register = (owner = person('owner'), device = randomUUID()): Promise<Reply> =>
  app.call(null, 'kg.register($1, $2, $3, $4)', newRestaurant(), owner, PASSWORD, device);

/** A restaurant registered on its office computer (`home`), where its owner is signed in. */
async function restaurant() {
  const owner = person('owner');
  const home = randomUUID();
  const reply = await register(owner, home);
  expect(reply.status).toBe('ok');
  return { owner, home, token: reply.token as string };
}

const guessWrong = async (times: number, name: (attempt: number) => string, device?: string) => {
  for (let attempt = 0; attempt < times; attempt += 1) {
    expect(await login(name(attempt), 'not the password', device)).toEqual({ status: 'invalid' });
  }
};

describe('throttling on the server', () => {
  it('has the limits of the decision note', async () => {
    const { rows } = await adminQuery(
      server,
      'SELECT rule, free, per::text, longest_lock::text FROM kg.throttle_rules ORDER BY free, rule',
    );
    expect(rows).toEqual([...LIMITS].sort((a, b) => a.free - b.free || a.rule.localeCompare(b.rule)));
  });

  it('an account locked by guesses from elsewhere still opens on a computer of its own restaurant', async () => {
    const { owner, home } = await restaurant();
    await guessWrong(5, () => owner.username);
    expect((await login(owner.username)).status).toBe('locked');
    expect((await login(owner.username, PASSWORD, home)).status).toBe('ok');
  });

  it('an enrolled computer is known by its own login: its device id alone is no longer enough', async () => {
    const { owner } = await restaurant();
    const deviceId = randomUUID();
    const enrolment = await app.call(
      null,
      'kg.enrol_computer($1, $2, $3, $4)',
      owner.username,
      PASSWORD,
      deviceId,
      'Office PC',
    );
    const office = await connectApp(server, { login: enrolment.login, secret: enrolment.secret });
    try {
      await guessWrong(5, () => owner.username);
      expect((await login(owner.username, PASSWORD, deviceId)).status).toBe('locked');
      const signIn = await office.call(null, 'kg.login($1, $2, $3)', owner.username, PASSWORD, deviceId);
      expect(signIn.status).toBe('ok');
    } finally {
      await office.close();
    }
  });

  it('guesses on one computer of the restaurant lock that computer only', async () => {
    const { owner, home } = await restaurant();
    const office = randomUUID();
    expect((await login(owner.username, PASSWORD, office)).status).toBe('ok');
    await guessWrong(5, () => owner.username, home);
    expect((await login(owner.username, PASSWORD, home)).status).toBe('locked');
    expect((await login(owner.username, PASSWORD, office)).status).toBe('ok');
    expect((await login(owner.username)).status).toBe('ok');
  });

  it.each([
    ['computer', 'one address guessing at many accounts is stopped'],
    ['server', "past the server's ceiling of failures from anywhere, sign-ins from elsewhere stop"],
  ])('%s: %s; computers of the restaurant still sign in', async (rule) => {
    await setLimit(rule, 3);
    const { owner, home } = await restaurant();
    await guessWrong(3, (attempt) => `nobody-${attempt}-${randomUUID()}`);
    expect((await login(owner.username)).status).toBe('locked');
    expect((await login(owner.username, PASSWORD, home)).status).toBe('ok');
  });

  it('a password change is counted as a guess; the old function that counted nothing is gone', async () => {
    const { owner, token, home } = await restaurant();
    // A session's calls go through its computer's own login: the shared role only enrols and signs in.
    const enrolment = await app.call(null, 'kg.enrol_computer($1, $2, $3, $4)', owner.username, PASSWORD, home, 'PC');
    const office = await connectApp(server, enrolment);
    const change = (current: string) =>
      office.call(token, 'kg.change_own_password($1, $2)', current, 'a brand new password');
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(await change('not the password')).toEqual({ status: 'invalid' });
    expect((await change(PASSWORD)).status).toBe('locked');
    expect(await codeOf(office.call(token, 'kg.change_password($1, $2)', 'not the password', 'x'.repeat(12)))).toBe(
      '42883',
    );
    await office.close();
    expect((await login(owner.username)).status).toBe('ok');
  });

  it('every registration from one address counts, "taken" as a reply that cannot be undone', async () => {
    await setLimit('registration', 3);
    const { owner } = await restaurant();
    expect(await register(person('owner', { username: owner.username.toUpperCase() }))).toEqual({
      status: 'refused',
      code: 'KG409',
      message: 'That username is taken.',
      field: 'username',
    });
    expect(await register(person('owner', { email: owner.email }))).toMatchObject({ code: 'KG409', field: 'email' });
    expect((await register()).status).toBe('locked');
  });

  it('registrations server-wide have a ceiling', async () => {
    await setLimit('registrations', 2);
    await restaurant();
    await restaurant();
    expect((await register()).status).toBe('locked');
  });
});
