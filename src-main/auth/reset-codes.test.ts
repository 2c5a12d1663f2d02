import { describe, expect, it } from 'vitest';
import {
  addMember,
  MINUTE,
  otherDevice,
  PASSWORD,
  registerOwner,
  restaurantWithTeam,
  SECOND,
  type TestCore,
  tableCounts,
  testCores,
} from '../testing/temp-core';
import { RESET_CODE_MINUTES } from './credentials-service';
import { FREE_ATTEMPTS } from './throttle';
import { hashSecret } from './tokens';

const open = testCores();
const NEW_PASSWORD = 'a fresh start 2026';

/** A staff member, a code issued for them by the owner, and nobody signed in. */
async function codeForStaff() {
  const core = await open();
  const team = await restaurantWithTeam(core);
  const issued = await core.call('auth.issueResetCode', { userId: team.staff.id });
  await core.call('auth.logout', {});
  return { core, ...team, issued };
}

const reset = (core: TestCore, username: string, code: string, newPassword = NEW_PASSWORD) =>
  core.invoke('auth.resetPassword', { username, code, newPassword });

const invalidCode = { ok: false, error: { kind: 'validation', issues: [{ path: 'code' }] } };

const canSignIn = async (core: TestCore, username: string, password: string) =>
  (await core.invoke('auth.login', { login: username, password })).ok;

describe('reset codes', () => {
  it('are issued for an hour, stored only as a hash, and set a new password once', async () => {
    const { core, staff, issued } = await codeForStaff();
    expect(issued).toEqual({
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/),
      expiresAt: new Date(core.clock.now().getTime() + RESET_CODE_MINUTES * MINUTE).toISOString(),
      username: staff.username,
    });
    const stored = core.db.prepare('SELECT code_hash FROM password_reset_codes').pluck().all();
    expect(stored).toEqual([hashSecret(issued.code.replace('-', ''))]);

    expect(await reset(core, staff.username, issued.code)).toEqual({ ok: true, value: { ok: true } });
    expect(await canSignIn(core, staff.username, PASSWORD)).toBe(false);
    expect(await canSignIn(core, staff.username, NEW_PASSWORD)).toBe(true);
  });

  it('work once only', async () => {
    const { core, staff, issued } = await codeForStaff();
    await reset(core, staff.username, issued.code);
    expect(await reset(core, staff.username, issued.code, 'yet another password')).toMatchObject(invalidCode);
    expect(await canSignIn(core, staff.username, NEW_PASSWORD)).toBe(true);
  });

  it(`expire after ${RESET_CODE_MINUTES} minutes`, async () => {
    const { core, staff, issued } = await codeForStaff();
    core.clock.advance(RESET_CODE_MINUTES * MINUTE);
    expect(await reset(core, staff.username, issued.code)).toMatchObject(invalidCode);
    expect(await canSignIn(core, staff.username, PASSWORD)).toBe(true);
  });

  it('still work a second before they expire', async () => {
    const { core, staff, issued } = await codeForStaff();
    core.clock.advance(RESET_CODE_MINUTES * MINUTE - SECOND);
    expect((await reset(core, staff.username, issued.code)).ok).toBe(true);
  });

  it('a newer code retires the older ones', async () => {
    const { core, boss, staff, issued } = await codeForStaff();
    await core.call('auth.login', { login: boss.username, password: PASSWORD });
    const newer = await core.call('auth.issueResetCode', { userId: staff.id });
    await core.call('auth.logout', {});
    expect(await reset(core, staff.username, issued.code)).toMatchObject(invalidCode);
    expect((await reset(core, staff.username, newer.code)).ok).toBe(true);
  });

  it.each([
    ['lower case', (code: string) => code.toLowerCase()],
    ['no dash', (code: string) => code.replace('-', '')],
    ['spaces and lower case', (code: string) => ` ${code.slice(0, 4).toLowerCase()} ${code.slice(5)} `],
  ])('are accepted in %s', async (_label, retype) => {
    const { core, staff, issued } = await codeForStaff();
    expect((await reset(core, staff.username, retype(issued.code))).ok).toBe(true);
  });

  it('belong to one user: the right code with another username fails', async () => {
    const { core, manager, staff, issued } = await codeForStaff();
    expect(await reset(core, manager.username, issued.code)).toMatchObject(invalidCode);
    expect((await reset(core, staff.username.toUpperCase(), issued.code)).ok).toBe(true);
  });

  it("end all of the user's sessions", async () => {
    const { core, staff, issued } = await codeForStaff();
    const phone = await otherDevice(core);
    await phone.call('auth.login', { login: staff.username, password: PASSWORD });
    await reset(core, staff.username, issued.code);
    expect(await phone.call('auth.session', {})).toBeNull();
    await phone.close();
  });

  it('are throttled: wrong codes lock the name, even against the right code', async () => {
    const { core, staff, issued } = await codeForStaff();
    for (let attempt = 0; attempt < FREE_ATTEMPTS; attempt += 1) {
      expect(await reset(core, staff.username, 'ABCD-EFGH')).toMatchObject(invalidCode);
    }
    const locked = await reset(core, staff.username, issued.code);
    expect(locked).toMatchObject({ ok: false, error: { kind: 'rate_limited', retryAfterSeconds: 60 } });
    core.clock.advance(MINUTE);
    expect((await reset(core, staff.username, issued.code)).ok).toBe(true);
  });

  it('a failed reset changes no password and no session', async () => {
    const { core, staff } = await codeForStaff();
    const hash = () => core.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(staff.id);
    const before = { hash: hash(), counts: tableCounts(core.db) };
    expect(await reset(core, staff.username, 'ZZZZ-ZZZZ')).toMatchObject(invalidCode);
    expect(hash()).toBe(before.hash);
    // Only the throttle learns of it.
    expect(tableCounts(core.db)).toEqual({ ...before.counts, login_throttle: (before.counts.login_throttle ?? 0) + 1 });
  });
});

describe('who may issue a reset code', () => {
  it('a manager, for staff of their own restaurant', async () => {
    const { core, manager, staff, as } = await codeForStaff();
    await as(manager);
    expect((await core.call('auth.issueResetCode', { userId: staff.id })).username).toBe(staff.username);
  });

  it('not a manager of another restaurant: that user is not found', async () => {
    const core = await open();
    const { user: otherOwner } = await registerOwner(core);
    const otherCook = await addMember(core, 'staff');
    const { manager, as } = await restaurantWithTeam(core);
    await as(manager);
    for (const userId of [otherOwner.id, otherCook.id]) {
      expect(await core.fail('auth.issueResetCode', { userId })).toMatchObject({ kind: 'not_found' });
    }
    expect(core.db.prepare('SELECT count(*) FROM password_reset_codes').pluck().get()).toBe(0);
  });
});
