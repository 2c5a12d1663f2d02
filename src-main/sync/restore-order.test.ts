/**
 * A server restored from a backup ends, once its computers have synced, with everything any of them
 * held, in the server's order: whichever computer comes back first, and whatever its clock says.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { setPasswordHash } from '../auth/accounts-store';
import { hashPassword } from '../auth/passwords';
import { serverBackups } from '../central/testing/server-backup';
import { adminQuery, type TestServer } from '../central/testing/test-server';
import { DAY, itemInput, member, PASSWORD, removeFolder, TEST_HASH_COST, tempFolder } from '../testing/temp-core';
import { connection, expectConverged, faultSuite, joinedDevice, ownerDevice, type TestDevice } from './testing/faults';

let server: TestServer;
const open = faultSuite((made) => {
  server = made;
});
const folder = tempFolder('kg-backup');
afterAll(() => removeFolder(folder));
const backups = serverBackups(() => server, folder);

async function synced(...devices: TestDevice[]): Promise<void> {
  for (const device of devices) {
    expect(await device.syncNow()).toMatchObject({ state: 'online', waiting: 0, lastError: null });
  }
}

/** An owner's computer and a second computer of the same restaurant, both synced. */
async function twoComputers() {
  const { device: office, session, registration } = await ownerDevice(open, connection(server));
  const laptop = await joinedDevice(open, connection(server), registration);
  await synced(office, laptop);
  return { office, laptop, restaurantId: session.restaurant.id, registration };
}

/** The server's movements of an item in its order: reason and quantity. */
async function serverHistory(itemId: string): Promise<string[]> {
  const { rows } = await adminQuery<{ line: string }>(
    server,
    `SELECT reason || ' ' || quantity::text AS line FROM kg.stock_movements WHERE item_id = $1 ORDER BY seq`,
    [itemId],
  );
  return rows.map((row) => row.line);
}

describe.each([{ first: 'the computer that recorded the delivery' }, { first: 'the computer that took the count' }])(
  'movements keep the order the server gave them, when $first re-uploads first',
  ({ first }) => {
    test('a delivery recorded offline before a count that reached the server earlier stays after it', async () => {
      const { office, laptop, restaurantId } = await twoComputers();
      const milk = await office.call('inventory.create', itemInput({ name: 'Milk', unit: 'l' }));
      await synced(office, laptop);
      const backup = await backups.take();

      // The laptop records a delivery while offline; the office counts 10 and syncs first. On the
      // server the count comes first, then the delivery: 12. The laptop holds the delivery first.
      await laptop.call('inventory.adjustStock', { itemId: milk.id, reason: 'delivery', quantity: '2' });
      await office.call('inventory.adjustStock', { itemId: milk.id, reason: 'count', quantity: '10' });
      await synced(office, laptop, office);
      expect(await serverHistory(milk.id)).toEqual(['count 10.000', 'delivery 2.000']);

      await backups.restore(backup);
      const order = first.includes('delivery') ? [laptop, office] : [office, laptop];
      await synced(...order, ...order);

      expect(await serverHistory(milk.id)).toEqual(['count 10.000', 'delivery 2.000']);
      await expectConverged(server, restaurantId, [office, laptop], { movements: 2, onHand: { [milk.id]: 12_000 } });
      expect((await laptop.call('inventory.get', { id: milk.id })).onHand).toBe('12');
    });
  },
);

describe('item edits keep the server order, not a device clock', () => {
  test('an edit the server received after another computer pulled is not undone by that computer coming back first', async () => {
    const { office, laptop, restaurantId } = await twoComputers();
    const flour = await office.call('inventory.create', itemInput({ name: 'Flour', unitCost: '2.50' }));
    await synced(office, laptop);
    const backup = await backups.take();

    // The office computer's clock runs a day ahead. It changes the price (pushed, pulled), then the
    // laptop renames the item: the last edit the server received.
    office.clock.advance(DAY);
    await office.call('inventory.update', { id: flour.id, unitCost: '2.80' });
    await synced(office, laptop);
    await laptop.call('inventory.update', { id: flour.id, name: 'Flour T55' });
    await synced(laptop);

    await backups.restore(backup);
    // The office comes back first with its day-ahead row and a new edit of its own.
    await office.call('inventory.update', { id: flour.id, par: '5' });
    await synced(office, laptop, office);

    const expected = { name: 'Flour T55', unitCost: '2.80', par: '5' };
    for (const device of [office, laptop]) {
      expect(await device.call('inventory.get', { id: flour.id })).toMatchObject(expected);
    }
    const { rows } = await adminQuery<{ name: string; unit_cost: string; par: string }>(
      server,
      'SELECT name, unit_cost::text AS unit_cost, par::text AS par FROM kg.items WHERE id = $1',
      [flour.id],
    );
    expect(rows[0]).toEqual({ name: 'Flour T55', unit_cost: '2.80', par: '5.000' });
    await expectConverged(server, restaurantId, [office, laptop], { movements: 0, onHand: { [flour.id]: 0 } });
  });

  test('an older edit held by a computer that comes back last does not revert a newer one', async () => {
    const { office, laptop } = await twoComputers();
    const oil = await office.call('inventory.create', itemInput({ name: 'Oil' }));
    await synced(office, laptop);
    const backup = await backups.take();

    // The laptop renames first and syncs; the office renames after (and its clock runs behind), so
    // its name is the server's last word. The laptop never pulls it before the restore.
    await laptop.call('inventory.update', { id: oil.id, name: 'Olive oil' });
    await synced(laptop);
    office.clock.advance(-DAY);
    await office.call('inventory.update', { id: oil.id, name: 'Extra virgin olive oil' });
    await synced(office);

    await backups.restore(backup);
    await synced(office, laptop, office);
    for (const device of [office, laptop]) {
      expect((await device.call('inventory.get', { id: oil.id })).name).toBe('Extra virgin olive oil');
    }
  });
});

describe('team members added after the backup come back', () => {
  /** Who of `ids` the server waits for a new password for, and who it knows at all. */
  async function serverTeam(ids: string[]): Promise<Record<string, boolean>> {
    const { rows } = await adminQuery<{ id: string; needs_password: boolean }>(
      server,
      'SELECT id, needs_password FROM kg.users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return Object.fromEntries(rows.map((row) => [row.id, row.needs_password]));
  }

  test('with the password a computer held for them, or visibly waiting for a reset code', async () => {
    const { office, laptop, restaurantId, registration } = await twoComputers();
    const backup = await backups.take();

    // Added after the backup: a cook, and a chef whose password hash the office holds, as a computer
    // does for whoever signed in on it (the hash the office would have cached at that sign-in).
    const cook = await office.call('team.create', member('staff'));
    const chef = await office.call('team.create', member('manager'));
    setPasswordHash(office.db, chef.id, await hashPassword(PASSWORD, TEST_HASH_COST), office.clock.iso());
    await synced(office, laptop);

    await backups.restore(backup);
    expect(await serverTeam([cook.id, chef.id])).toEqual({});
    // The laptop comes back first: it holds no password of either. Then the office, with the chef's.
    await synced(laptop);
    expect(await serverTeam([cook.id, chef.id])).toEqual({ [cook.id]: true, [chef.id]: true });
    await synced(office, laptop);
    expect(await serverTeam([cook.id, chef.id])).toEqual({ [cook.id]: true, [chef.id]: false });

    // The chef signs in anywhere with their own password; the cook cannot, and the team list says why.
    const elsewhere = await joinedDevice(open, connection(server), { username: chef.username, password: PASSWORD });
    expect(await elsewhere.call('auth.session', {})).toMatchObject({ user: { id: chef.id } });
    const newcomer = await open();
    await newcomer.call('central.connect', connection(server));
    // Staff sign in on a computer an owner has enrolled.
    await newcomer.call('auth.login', { login: registration.username, password: registration.password });
    await newcomer.call('auth.logout', {});
    expect(await newcomer.fail('auth.login', { login: cook.username, password: PASSWORD })).toMatchObject({
      kind: 'unauthenticated',
    });
    const listed = async () =>
      Object.fromEntries((await office.call('team.list', {})).map((m) => [m.username, m.needsPassword]));
    expect(await listed()).toMatchObject({ [cook.username]: true, [chef.username]: false });

    // A reset code lets the cook in, and the list catches up.
    const issued = await office.call('auth.issueResetCode', { userId: cook.id });
    const newPassword = 'a brand new password';
    await newcomer.call('auth.resetPassword', { username: cook.username, code: issued.code, newPassword });
    await newcomer.call('auth.login', { login: cook.username, password: newPassword });
    await synced(office);
    expect(await listed()).toMatchObject({ [cook.username]: false });
    await expectConverged(server, restaurantId, [office, laptop], { movements: 0, onHand: {} });
  });
});
