/**
 * The OS keychain for real: on Linux a Secret Service over D-Bus. `npm test` starts one (D-Bus +
 * gnome-keyring) and sets KITCHENGUARD_KEYCHAIN=secret-service, and then these tests must run and
 * pass: an unavailable keychain fails them. A bare `npx vitest` without a keychain skips them, saying why.
 */
import { AsyncEntry } from '@napi-rs/keyring';
import { afterAll, describe, expect, it } from 'vitest';
import { testCores } from '../testing/temp-core';
import { openKeychain } from './keychain';

/** Never the app's own service name: a developer's real sign-in stays untouched. */
const SERVICE = `KitchenGuard-test-${process.pid}`;
const REQUIRED = process.env.KITCHENGUARD_KEYCHAIN === 'secret-service';

const keychain = await openKeychain(SERVICE);
const runs = REQUIRED || keychain.available;
if (!runs) {
  console.warn(
    `Keychain tests skipped: ${keychain.problem} Run them with \`npm test\`, which starts a Secret Service.`,
  );
}

/** Read straight from the keychain, not through our wrapper. */
const stored = (account: string) => new AsyncEntry(SERVICE, account).getPassword();

const accounts = new Set<string>();
afterAll(async () => {
  for (const account of accounts) await new AsyncEntry(SERVICE, account).deletePassword().catch(() => undefined);
});

describe('under the test wrapper (KITCHENGUARD_KEYCHAIN=secret-service)', () => {
  it.runIf(REQUIRED)('the Secret Service is available', () => {
    expect(keychain.problem).toBeNull();
    expect(keychain.available).toBe(true);
  });
});

describe.runIf(runs)(`the OS keychain${runs ? '' : ` (skipped: ${keychain.problem})`}`, () => {
  const open = testCores();

  it('sets, gets and deletes a session token', async () => {
    const account = 'session:set-get-delete';
    accounts.add(account);
    const token = 'a'.repeat(43);
    expect(await keychain.get(account)).toBeNull();
    await keychain.set(account, token);
    expect(await keychain.get(account)).toBe(token);
    expect(await stored(account)).toBe(token);
    // Another handle (another app start) sees the same entry.
    const again = await openKeychain(SERVICE);
    expect(await again.get(account)).toBe(token);
    await keychain.set(account, 'b'.repeat(43));
    expect(await again.get(account)).toBe('b'.repeat(43));
    await keychain.delete(account);
    expect(await keychain.get(account)).toBeNull();
    expect(await stored(account)).toBeNull();
  });

  it('keeps the session across restarts, and logout removes it', async () => {
    const core = await open({ secrets: await openKeychain(SERVICE) });
    const account = `session:${core.db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get()}`;
    accounts.add(account);
    const registered = await core.call('auth.register', {
      restaurantName: 'Keychain Café',
      restaurantType: 'cafe',
      fullName: 'Kim Keychain',
      username: 'kim',
      email: 'kim@example.com',
      password: 'correct horse battery',
    });
    expect(registered.remembered).toBe(true);
    expect(await stored(account)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await core.call('computer.status', {})).keychain).toEqual({ available: true, message: null });
    await core.close();

    const restarted = await open({ folder: core.folder, clock: core.clock, secrets: await openKeychain(SERVICE) });
    expect(await restarted.call('auth.session', {})).toEqual(registered);
    expect(await restarted.call('auth.logout', {})).toEqual({ ok: true });
    expect(await stored(account)).toBeNull();
    await restarted.close();

    const again = await open({ folder: core.folder, clock: core.clock, secrets: await openKeychain(SERVICE) });
    expect(await again.call('auth.session', {})).toBeNull();
  });
});
