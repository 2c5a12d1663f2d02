/**
 * The account scenarios every backend must pass, through the channels as the screens call them:
 * `describeAccountBackend('…', makeBackend)` runs them against one backend. What only one backend
 * does (local session timing, offline sign-in, sync) is tested next to it, not here.
 */
import { describe, expect, test } from 'vitest';
import { FREE_ATTEMPTS } from '../../auth/throttle';
import { DAY, MINUTE, member, owner, PASSWORD, SECOND, type TestCore } from '../../testing/temp-core';

/** A computer whose account channels the backend under test serves; nobody signed in on it yet. */
export interface BackendUnderTest extends Pick<TestCore, 'call' | 'fail'> {
  /**
   * Another computer that sees the same accounts (the same store, or the same server). With a
   * central server, `enrolledBy` (an owner or a manager) has signed in on it once, which enrols it:
   * staff sign in only on an enrolled computer.
   */
  anotherComputer(enrolledBy?: { login: string; password: string }): Promise<BackendUnderTest>;
  /** Moves the clock that the backend's throttle reads `ms` ahead. */
  passTime(ms: number): Promise<void>;
}

const NEW_PASSWORD = 'a brand new passphrase';
const incorrect = { kind: 'unauthenticated', message: 'Username or password is incorrect.' };
const deactivated = {
  kind: 'forbidden',
  message: 'This account has been deactivated. Ask your manager to reactivate it.',
};

export function describeAccountBackend(name: string, makeBackend: () => Promise<BackendUnderTest>): void {
  /** A restaurant registered on a fresh computer, its owner signed in there. */
  async function restaurant() {
    const computer = await makeBackend();
    const registration = owner();
    const session = await computer.call('auth.register', registration);
    return { computer, registration, session };
  }

  const signIn = (computer: BackendUnderTest, login: string, password = PASSWORD) =>
    computer.call('auth.login', { login, password });
  const signInFails = (computer: BackendUnderTest, login: string, password = PASSWORD) =>
    computer.fail('auth.login', { login, password });

  describe(`accounts served by ${name}`, () => {
    test('register makes the restaurant and its owner, and signs the owner in', async () => {
      const { computer, registration, session } = await restaurant();
      expect(session.user).toMatchObject({
        username: registration.username,
        email: registration.email,
        fullName: registration.fullName,
        role: 'owner',
        kitchenProduceList: [],
        barProduceList: [],
      });
      expect(session.restaurant).toMatchObject({
        name: registration.restaurantName,
        type: registration.restaurantType,
      });
      expect(await computer.call('auth.session', {})).toEqual(session);
    });

    test('a username or an email already taken, in another case, is refused at its field', async () => {
      const { computer, registration } = await restaurant();
      const elsewhere = await computer.anotherComputer();
      for (const [field, clash] of [
        ['username', { username: registration.username.toUpperCase() }],
        ['email', { email: registration.email.toUpperCase() }],
      ] as const) {
        expect(await elsewhere.fail('auth.register', owner(clash))).toMatchObject({ kind: 'conflict', field });
        expect(await computer.fail('team.create', member('staff', clash))).toMatchObject({ kind: 'conflict', field });
      }
    });

    test('sign-in takes the username or the email in any case; a wrong password and an unknown name get one answer', async () => {
      const { computer, registration, session } = await restaurant();
      await computer.call('auth.logout', {});
      expect(await computer.call('auth.session', {})).toBeNull();
      expect(await computer.fail('inventory.list', { area: 'kitchen' })).toMatchObject({ kind: 'unauthenticated' });
      for (const login of [registration.username.toUpperCase(), ` ${registration.email.toUpperCase()} `]) {
        expect((await signIn(computer, login)).user.id).toBe(session.user.id);
        await computer.call('auth.logout', {});
      }
      expect(await signInFails(computer, registration.username, 'not the password')).toEqual(incorrect);
      expect(await signInFails(computer, 'nobody-by-this-name')).toEqual(incorrect);
      expect(await computer.call('auth.session', {})).toBeNull();
    });

    test(`${FREE_ATTEMPTS} wrong passwords in a row lock the account, even against the right one`, async () => {
      const { computer, registration } = await restaurant();
      await computer.call('auth.logout', {});
      for (let attempt = 0; attempt < FREE_ATTEMPTS; attempt += 1) {
        expect(await signInFails(computer, registration.username, `wrong ${attempt}`)).toEqual(incorrect);
      }
      expect(await signInFails(computer, registration.email)).toMatchObject({ kind: 'rate_limited' });
      expect(await computer.call('auth.session', {})).toBeNull();
    });

    test('a lock lasts: waiting it out buys one more guess at a time, each lock twice the last, for a day', async () => {
      const { computer, registration } = await restaurant();
      await computer.call('auth.logout', {});
      for (let attempt = 0; attempt < FREE_ATTEMPTS; attempt += 1) {
        expect(await signInFails(computer, registration.username, `wrong ${attempt}`)).toEqual(incorrect);
      }
      // Beyond a quarter of an hour in all: the count never starts over within the day.
      for (const minutes of [1, 2, 4, 8, 16]) {
        const locked = await signInFails(computer, registration.username);
        expect(locked).toMatchObject({ kind: 'rate_limited' });
        expect(Math.ceil((locked as { retryAfterSeconds: number }).retryAfterSeconds / 60)).toBe(minutes);
        await computer.passTime(minutes * MINUTE + SECOND);
        expect(await signInFails(computer, registration.username, 'still wrong')).toEqual(incorrect);
      }
      expect(await signInFails(computer, registration.username)).toMatchObject({ kind: 'rate_limited' });
      await computer.passTime(DAY);
      await signIn(computer, registration.username);
    });

    test('wrong current passwords in a password change count as failed sign-ins', async () => {
      const { computer, registration } = await restaurant();
      const change = (currentPassword: string) =>
        computer.fail('auth.changePassword', { currentPassword, newPassword: NEW_PASSWORD });
      for (let attempt = 0; attempt < FREE_ATTEMPTS; attempt += 1) {
        expect(await change(`wrong ${attempt}`)).toMatchObject({
          kind: 'validation',
          issues: [{ path: 'currentPassword' }],
        });
      }
      expect(await change(PASSWORD)).toMatchObject({ kind: 'rate_limited' });
      await computer.call('auth.logout', {});
      expect(await signInFails(computer, registration.username)).toMatchObject({ kind: 'rate_limited' });
    });

    test('a password change needs the current password; then only the new one signs in', async () => {
      const { computer, registration } = await restaurant();
      expect(
        await computer.fail('auth.changePassword', { currentPassword: 'not my password', newPassword: NEW_PASSWORD }),
      ).toMatchObject({ kind: 'validation', issues: [{ path: 'currentPassword' }] });
      expect(
        await computer.fail('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'short' }),
      ).toMatchObject({ kind: 'validation', issues: [{ path: 'newPassword' }] });
      await computer.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      await computer.call('auth.logout', {});
      expect(
        await computer.fail('auth.changePassword', { currentPassword: NEW_PASSWORD, newPassword: PASSWORD }),
      ).toMatchObject({ kind: 'unauthenticated' });
      expect(await signInFails(computer, registration.username)).toEqual(incorrect);
      await signIn(computer, registration.username, NEW_PASSWORD);
    });

    test('owners add team members and set their roles; staff may not', async () => {
      const { computer } = await restaurant();
      const staff = await computer.call('team.create', member('staff'));
      expect(staff).toMatchObject({ role: 'staff', isActive: true, canChange: true });
      expect(await computer.call('team.setRole', { userId: staff.id, role: 'manager' })).toMatchObject({
        role: 'manager',
      });
      const cook = await computer.call('team.create', member('staff'));
      expect((await computer.call('team.list', {})).map((person) => [person.id, person.role])).toEqual(
        expect.arrayContaining([
          [staff.id, 'manager'],
          [cook.id, 'staff'],
        ]),
      );
      await computer.call('auth.logout', {});
      await signIn(computer, cook.username);
      const forbidden = { kind: 'forbidden' };
      expect(await computer.fail('team.create', member('staff'))).toMatchObject(forbidden);
      expect(await computer.fail('team.setRole', { userId: cook.id, role: 'owner' })).toMatchObject(forbidden);
      expect(await computer.fail('team.deactivate', { userId: staff.id })).toMatchObject(forbidden);
    });

    test('a deactivated member cannot sign in until reactivated; nobody deactivates themselves', async () => {
      const { computer, session, registration } = await restaurant();
      const cook = await computer.call('team.create', member('staff'));
      expect(await computer.fail('team.deactivate', { userId: session.user.id })).toMatchObject({ kind: 'forbidden' });
      expect(await computer.call('team.deactivate', { userId: cook.id })).toMatchObject({ isActive: false });
      const elsewhere = await computer.anotherComputer({
        login: registration.username,
        password: registration.password,
      });
      expect(await signInFails(elsewhere, cook.username)).toEqual(deactivated);
      expect(await computer.call('team.reactivate', { userId: cook.id })).toMatchObject({ isActive: true });
      expect((await signIn(elsewhere, cook.username)).user.id).toBe(cook.id);
    });

    test('a reset code issued by an owner sets a new password, once', async () => {
      const { computer } = await restaurant();
      const cook = await computer.call('team.create', member('staff'));
      const issued = await computer.call('auth.issueResetCode', { userId: cook.id });
      expect(issued).toMatchObject({
        code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/),
        username: cook.username,
      });
      await computer.call('auth.logout', {});
      const reset = { username: cook.username, code: issued.code, newPassword: NEW_PASSWORD };
      expect(await computer.call('auth.resetPassword', reset)).toEqual({ ok: true });
      expect(
        await computer.fail('auth.resetPassword', { ...reset, newPassword: 'yet another password' }),
      ).toMatchObject({ kind: 'validation', issues: [{ path: 'code' }] });
      expect(await signInFails(computer, cook.username)).toEqual(incorrect);
      expect((await signIn(computer, cook.username, NEW_PASSWORD)).user.id).toBe(cook.id);
    });
  });
}
