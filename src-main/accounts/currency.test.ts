/**
 * A restaurant's currency (issue 8, bug 6): chosen at registration, changed by owners and managers,
 * and, with a central server, the same on every computer of the restaurant.
 */
import { describe, expect, it } from 'vitest';
import { deviceSet, syncAll, syncTestFile } from '../sync/testing/devices';
import { addMember, owner, PASSWORD, registerOwner, signInAs, testCores } from '../testing/temp-core';

describe('on a computer without a server', () => {
  const open = testCores();

  it('keeps the currency chosen at registration, none when none was, and lets an owner change it', async () => {
    const core = await open();
    expect((await registerOwner(core)).restaurant.currency).toBeNull();
    expect((await core.call('auth.setCurrency', { currency: 'EUR' })).currency).toBe('EUR');
    expect((await core.call('auth.session', {}))?.restaurant.currency).toBe('EUR');

    const other = await open();
    expect((await registerOwner(other, { currency: 'GBP' })).restaurant.currency).toBe('GBP');
  });

  it('refuses a code it cannot show, naming the field, and staff', async () => {
    const core = await open();
    await registerOwner(core, { currency: 'CHF' });
    expect(await core.fail('auth.setCurrency', { currency: 'EURO' })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'currency', message: 'Choose a currency from the list, such as EUR or USD' }],
    });
    const staff = await addMember(core, 'staff');
    await signInAs(core, staff.username);
    expect(await core.fail('auth.setCurrency', { currency: 'EUR' })).toMatchObject({ kind: 'forbidden' });
    expect((await core.call('auth.session', {}))?.restaurant.currency).toBe('CHF');
  });
});

describe('with a central server', () => {
  const file = syncTestFile();

  it('every computer of the restaurant shows the currency chosen at registration, and a change made on any', async () => {
    const devices = deviceSet(() => file.server);
    try {
      const office = await devices.open('office');
      await office.connect();
      const registration = owner({ currency: 'EUR' });
      expect((await office.call('auth.register', registration)).restaurant.currency).toBe('EUR');
      const laptop = await devices.signedIn('laptop', registration.username);
      await syncAll([office, laptop]);
      expect((await laptop.call('auth.session', {}))?.restaurant.currency).toBe('EUR');

      expect((await laptop.call('auth.setCurrency', { currency: 'GBP' })).currency).toBe('GBP');
      await syncAll([laptop, office]);
      expect((await office.call('auth.session', {}))?.restaurant.currency).toBe('GBP');
    } finally {
      await devices.shutdownAll();
    }
  });

  it('a restaurant made without a server brings its currency when it joins one', async () => {
    const devices = deviceSet(() => file.server);
    try {
      const office = await devices.open('office');
      const registration = owner({ currency: 'JPY' });
      await office.call('auth.register', registration);
      await office.connect({ ownerPassword: PASSWORD });
      const laptop = await devices.signedIn('laptop', registration.username);
      await syncAll([office, laptop]);
      expect((await laptop.call('auth.session', {}))?.restaurant.currency).toBe('JPY');
    } finally {
      await devices.shutdownAll();
    }
  });
});
