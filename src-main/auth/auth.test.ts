/**
 * Sessions and sign-in on this computer's own store: timing, keychain, throttling. What every account
 * backend does, local or central, is in src-main/accounts/testing/account-scenarios.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  addMember,
  DAY,
  MINUTE,
  otherDevice,
  PASSWORD,
  registerOwner,
  SECOND,
  signInAs,
  type TestCore,
  testCores,
  testKeychain,
} from '../testing/temp-core';
import { SESSION_DAYS } from './auth-service';
import { FREE_ATTEMPTS } from './throttle';
import { hashSecret } from './tokens';

const open = testCores();

const sessionRows = (core: TestCore) =>
  core.db.prepare('SELECT user_id, revoked_at FROM sessions ORDER BY created_at, id').all() as {
    user_id: string;
    revoked_at: string | null;
  }[];
const liveSessionCount = (core: TestCore, userId: string) =>
  sessionRows(core).filter((row) => row.user_id === userId && row.revoked_at === null).length;

describe('register', () => {
  it(`signs the owner in now, for ${SESSION_DAYS} days, keeping a bcrypt hash of the trimmed registration`, async () => {
    const core = await open();
    const session = await registerOwner(core, {
      restaurantName: 'Chez Olive',
      restaurantType: 'cafe',
      fullName: '  Olive Martin ',
      username: 'olive',
      email: 'Olive@Example.com',
    });
    expect(session.user).toMatchObject({
      email: 'Olive@Example.com',
      fullName: 'Olive Martin',
      lastLoginAt: core.clock.iso(),
    });
    expect(session.expiresAt).toBe(new Date(core.clock.now().getTime() + SESSION_DAYS * DAY).toISOString());
    const stored = core.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(session.user.id);
    expect(stored).toMatch(/^\$2a\$04\$/);
  });
});

describe('login', () => {
  it('records when the user last signed in', async () => {
    const core = await open();
    const { user } = await registerOwner(core);
    core.clock.advance(3 * DAY);
    const session = await signInAs(core, user.username);
    expect(session.user.lastLoginAt).toBe(core.clock.iso());
    const stored = core.db.prepare('SELECT last_login_at FROM users WHERE id = ?').pluck().get(user.id);
    expect(stored).toBe(core.clock.iso());
  });

  it('signing in as someone else ends the session that was open on this device', async () => {
    const core = await open();
    const { user: boss } = await registerOwner(core);
    const cook = await addMember(core, 'staff');
    await core.call('auth.login', { login: cook.username, password: PASSWORD });
    expect(liveSessionCount(core, boss.id)).toBe(0);
    expect(liveSessionCount(core, cook.id)).toBe(1);
  });
});

describe('logout and resume', () => {
  it('logout revokes the session and deletes the token from the keychain', async () => {
    const keychain = testKeychain();
    const core = await open({ secrets: keychain });
    const { user } = await registerOwner(core);
    const [[account, token] = ['', '']] = [...keychain.entries];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The store keeps only the token's hash.
    expect(core.db.prepare('SELECT token_hash FROM sessions').pluck().all()).toEqual([hashSecret(token)]);

    expect(await core.call('auth.logout', {})).toEqual({ ok: true });
    expect(keychain.entries.size).toBe(0);
    expect(sessionRows(core)).toEqual([{ user_id: user.id, revoked_at: core.clock.iso() }]);
    expect(await core.call('auth.session', {})).toBeNull();
    expect(await core.fail('inventory.list', { area: 'kitchen' })).toMatchObject({ kind: 'unauthenticated' });

    // The old token, put back by someone who copied it, no longer opens anything.
    keychain.entries.set(account, token);
    const reopened = await reopen(core, keychain);
    expect(await reopened.call('auth.session', {})).toBeNull();
    expect(keychain.entries.size).toBe(0);
  });

  it('a restart resumes the session from the keychain without a password', async () => {
    const keychain = testKeychain();
    const core = await open({ secrets: keychain });
    const session = await registerOwner(core);
    const reopened = await reopen(core, keychain);
    const resumed = await reopened.call('auth.session', {});
    expect(resumed).toEqual({ ...session, remembered: true });
    expect((await reopened.stock('bar')).items).toEqual([]);
  });

  it(`a session expires after ${SESSION_DAYS} days, and its token is forgotten`, async () => {
    const keychain = testKeychain();
    const core = await open({ secrets: keychain });
    const session = await registerOwner(core);
    core.clock.advance(SESSION_DAYS * DAY - SECOND);
    expect(await core.call('auth.session', {})).toEqual(session);
    core.clock.advance(SECOND);
    expect(await core.call('auth.session', {})).toBeNull();
    expect(keychain.entries.size).toBe(0);
    expect(await core.fail('team.list', {})).toMatchObject({ kind: 'unauthenticated' });
  });
});

/** Closes a core and opens another on its folder, clock and keychain: an app restart. */
async function reopen(core: TestCore, keychain = core.secrets ?? undefined): Promise<TestCore> {
  await core.close();
  return open({ folder: core.folder, clock: core.clock, secrets: keychain });
}

describe('throttling of failed logins', () => {
  async function lockedOut() {
    const core = await open();
    const { user } = await registerOwner(core, { username: 'olive', email: 'olive@example.com' });
    await core.call('auth.logout', {});
    for (let attempt = 0; attempt < FREE_ATTEMPTS; attempt += 1) {
      expect(await core.fail('auth.login', { login: 'olive', password: `wrong ${attempt}` })).toMatchObject({
        kind: 'unauthenticated',
      });
    }
    return { core, user };
  }

  it(`locks the name after ${FREE_ATTEMPTS} failures, even for the right password`, async () => {
    const { core } = await lockedOut();
    const error = await core.fail('auth.login', { login: 'olive', password: PASSWORD });
    expect(error).toEqual({
      kind: 'rate_limited',
      message: 'Too many failed attempts. Try again in 60 seconds.',
      retryAfterSeconds: 60,
    });
    core.clock.advance(45 * SECOND);
    expect(await core.fail('auth.login', { login: 'OLIVE', password: PASSWORD })).toEqual({
      kind: 'rate_limited',
      message: 'Too many failed attempts. Try again in 15 seconds.',
      retryAfterSeconds: 15,
    });
  });

  it('counts guesses against the account whichever of its names they use', async () => {
    const { core } = await lockedOut();
    expect(await core.fail('auth.login', { login: 'olive@example.com', password: PASSWORD })).toMatchObject({
      kind: 'rate_limited',
    });
  });

  it('unlocks after the wait, and a success clears the failures', async () => {
    const { core, user } = await lockedOut();
    core.clock.advance(MINUTE);
    expect((await core.call('auth.login', { login: 'olive', password: PASSWORD })).user.id).toBe(user.id);
    await core.call('auth.logout', {});
    // A clean slate: one more failure is just a failure, not a lock.
    expect(await core.fail('auth.login', { login: 'olive', password: 'wrong again' })).toMatchObject({
      kind: 'unauthenticated',
    });
    expect((await core.call('auth.login', { login: 'olive', password: PASSWORD })).user.id).toBe(user.id);
  });

  it('locks longer after each further failure', async () => {
    const { core } = await lockedOut();
    core.clock.advance(MINUTE);
    await core.fail('auth.login', { login: 'olive', password: 'wrong 6' });
    expect(await core.fail('auth.login', { login: 'olive', password: PASSWORD })).toEqual({
      kind: 'rate_limited',
      message: 'Too many failed attempts. Try again in 2 minutes.',
      retryAfterSeconds: 120,
    });
  });

  it('does not lock other names', async () => {
    const { core } = await lockedOut();
    expect(await core.fail('auth.login', { login: 'someone-else', password: 'x' })).toMatchObject({
      kind: 'unauthenticated',
    });
  });
});

describe('deactivated users', () => {
  it('lose their live session at once, on every computer of the store', async () => {
    const core = await open();
    await registerOwner(core);
    const cook = await addMember(core, 'staff');
    const cooksDevice = await otherDevice(core);
    await cooksDevice.call('auth.login', { login: cook.username, password: PASSWORD });

    await core.call('team.deactivate', { userId: cook.id });
    expect(await cooksDevice.call('auth.session', {})).toBeNull();
    expect(await cooksDevice.fail('inventory.list', { area: 'kitchen' })).toMatchObject({ kind: 'unauthenticated' });
    expect(liveSessionCount(core, cook.id)).toBe(0);
    await cooksDevice.close();
  });
});

describe('changePassword', () => {
  it('a wrong current password leaves the stored hash as it was', async () => {
    const core = await open();
    const { user } = await registerOwner(core);
    const before = core.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(user.id);
    const error = await core.fail('auth.changePassword', {
      currentPassword: 'not my password',
      newPassword: 'a brand new secret',
    });
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'currentPassword' }] });
    expect(core.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(user.id)).toBe(before);
  });

  it('a change ends every other session of the user at once', async () => {
    const core = await open();
    const { user } = await registerOwner(core);
    const laptop = await otherDevice(core);
    await laptop.call('auth.login', { login: user.username, password: PASSWORD });

    await core.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'a brand new secret' });
    expect((await core.call('auth.session', {}))?.user.id).toBe(user.id);
    expect(await laptop.call('auth.session', {})).toBeNull();
    expect(await laptop.fail('auth.login', { login: user.username, password: PASSWORD })).toMatchObject({
      kind: 'unauthenticated',
    });
    expect((await laptop.call('auth.login', { login: user.username, password: 'a brand new secret' })).user.id).toBe(
      user.id,
    );
    await laptop.close();
  });
});

describe('updateProfile', () => {
  const profile = {
    fullName: 'Olive M. Martin',
    email: 'olive.martin@example.com',
    position: 'Chef-owner',
    kitchenProduceList: ['Basil', 'Shallots', 'Crème fraîche'],
    barProduceList: ['Limes', 'Angostura'],
  };

  it('saves the profile, and the produce lists come back as they were sent (trimmed)', async () => {
    const core = await open();
    const { user } = await registerOwner(core);
    const updated = await core.call('auth.updateProfile', {
      ...profile,
      kitchenProduceList: ['  Basil ', 'Shallots', 'Crème fraîche'],
    });
    expect(updated).toMatchObject({ ...profile, id: user.id, username: user.username, role: 'owner' });
    expect((await core.call('auth.session', {}))?.user).toEqual(updated);
    // The new email signs in; the old one no longer does.
    await signInAs(core, 'OLIVE.MARTIN@example.com');
    await core.call('auth.logout', {});
    expect(await core.fail('auth.login', { login: user.email, password: PASSWORD })).toMatchObject({
      kind: 'unauthenticated',
    });
  });

  it("refuses another user's email in any case, at the email field", async () => {
    const core = await open();
    const { user } = await registerOwner(core);
    const cook = await addMember(core, 'staff', { email: 'cook@example.com' });
    const error = await core.fail('auth.updateProfile', { ...profile, email: 'COOK@example.com' });
    expect(error).toMatchObject({ kind: 'conflict', field: 'email' });
    expect((await core.call('auth.session', {}))?.user.email).toBe(user.email);
    expect(cook.email).toBe('cook@example.com');
  });

  it('keeps its own email in another case', async () => {
    const core = await open();
    const { user } = await registerOwner(core);
    const updated = await core.call('auth.updateProfile', { ...profile, email: user.email.toUpperCase() });
    expect(updated.email).toBe(user.email.toUpperCase());
  });

  it.each([
    ['fullName', { fullName: '   ' }],
    ['email', { email: 'not-an-email' }],
    ['kitchenProduceList.1', { kitchenProduceList: ['Basil', ''] }],
    ['barProduceList', { barProduceList: 'Limes' }],
  ])('names the bad field %s', async (path, bad) => {
    const core = await open();
    await registerOwner(core);
    const error = await core.fail('auth.updateProfile', { ...profile, ...bad } as typeof profile);
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path }] });
  });
});
