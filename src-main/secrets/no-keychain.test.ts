/**
 * The no-keychain path: no Secret Service answers. The D-Bus address is read when the first
 * connection is made, so pointing it nowhere before any keychain call (this file has its own
 * worker process) makes the keychain unavailable even inside `npm test`'s D-Bus session.
 */
import { describe, expect, it, vi } from 'vitest';
import { PASSWORD, registerOwner, testCores } from '../testing/temp-core';
import { openKeychain } from './keychain';

process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent';

const PROBLEM =
  /^The system keychain is not available \(.+\), so KitchenGuard cannot remember your sign-in: you will be asked for your password each time the app starts\.$/;

describe.runIf(process.platform === 'linux')('without a keychain', () => {
  const open = testCores();

  it('openKeychain says it is unavailable, and why', async () => {
    const keychain = await openKeychain(`KitchenGuard-test-${process.pid}`);
    expect(keychain.available).toBe(false);
    expect(keychain.problem).toMatch(PROBLEM);
    // Secrets still work for the life of the process.
    await keychain.set('session:x', 'token');
    expect(await keychain.get('session:x')).toBe('token');
    await keychain.delete('session:x');
    expect(await keychain.get('session:x')).toBeNull();
  });

  it('the app works, says so once, and does not remember the session', async () => {
    const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
    // secrets: null → the core opens the OS keychain itself, as the app does.
    const core = await open({ secrets: null, log });
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(PROBLEM));

    const session = await registerOwner(core);
    expect(session.remembered).toBe(false);
    const { keychain } = await core.call('computer.status', {});
    expect(keychain).toEqual({ available: false, message: expect.stringMatching(PROBLEM) });
    expect((await core.stock('kitchen')).items).toEqual([]);
    expect((await core.call('auth.session', {}))?.user.id).toBe(session.user.id);
    await core.close();

    const restarted = await open({ folder: core.folder, clock: core.clock, secrets: null });
    expect(await restarted.call('auth.session', {})).toBeNull();
    const again = await restarted.call('auth.login', { login: session.user.username, password: PASSWORD });
    expect(again).toMatchObject({ user: { id: session.user.id }, remembered: false });
    expect(log.error).not.toHaveBeenCalled();
  });
});
