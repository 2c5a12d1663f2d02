/**
 * Changes the server refuses: each is listed with the server's reason and undone on the computer
 * that made it, and the queue moves on — the changes made after it still arrive. Dismissing the
 * list clears it.
 */
import { expect, test } from 'vitest';
import { adminQuery } from '../central/testing/test-server';
import { itemInput, member } from '../testing/temp-core';
import { type Device, deviceState, officeTestFile, serverState, syncAll } from './testing/devices';

const file = officeTestFile();
const { devices } = file;

const MANAGERS_ONLY = 'Only an owner or a manager can change the item list.';

/** Every device and the server hold the same, apart from what each alone still has to push. */
async function expectSameEverywhere(...each: Device[]) {
  const onServer = await serverState(file.server, file.restaurant.id);
  for (const device of each) expect(deviceState(device, file.restaurant.id), device.name).toEqual(onServer);
  return onServer;
}

test('a manager demoted meanwhile: their item changes are refused and undone, their counts still arrive', async () => {
  const manager = await file.office.call('team.create', member('manager'));
  const laptop = await devices.signedIn('laptop', manager.username);
  const tomatoes = await file.office.call(
    'inventory.create',
    itemInput({ name: 'Tomatoes', unitCost: '2.50', openingStock: '10' }),
  );
  const basil = await file.office.call('inventory.create', itemInput({ name: 'Basil', openingStock: '2' }));
  await syncAll([file.office, laptop]);

  await file.office.call('team.setRole', { userId: manager.id, role: 'staff' });
  // The laptop has not heard yet: it still lets its user shape the item list.
  await laptop.call('inventory.update', { id: tomatoes.id, name: 'Roma tomatoes', unitCost: '3.00' });
  await laptop.call('inventory.adjustStock', { itemId: basil.id, reason: 'usage', quantity: '-1' });
  const mint = await laptop.call('inventory.create', itemInput({ name: 'Mint', openingStock: '4' }));
  await laptop.call('inventory.delete', { id: basil.id });
  await laptop.call('inventory.adjustStock', { itemId: tomatoes.id, reason: 'delivery', quantity: '5' });
  expect(await laptop.call('sync.status', {})).toMatchObject({ waiting: 6, rejections: 0 });

  laptop.clock.advance(90_000);
  expect(await laptop.syncNow()).toMatchObject({ state: 'online', waiting: 0, rejections: 4, lastError: null });
  const listed = await laptop.call('sync.rejections', {});
  expect(listed.map(({ what, reason }) => ({ what, reason }))).toEqual([
    { what: 'Deleting Basil', reason: MANAGERS_ONLY },
    { what: 'Stock count of 4 for an item', reason: 'No such item.' },
    { what: 'New item "Mint"', reason: MANAGERS_ONLY },
    { what: 'Changes to Tomatoes', reason: MANAGERS_ONLY },
  ]);
  // Stamped by the computer's clock when the refusal arrived.
  expect(new Set(listed.map((rejection) => rejection.rejectedAt))).toEqual(new Set([laptop.clock.iso()]));
  expect(listed.map((rejection) => rejection.mutationId)).toEqual(
    [...listed.map((rejection) => rejection.mutationId)].sort((a, b) => b - a),
  );

  // Undone here: the server's item back, the refused one gone with its stock, the role as the server has it.
  expect(await laptop.call('inventory.get', { id: tomatoes.id })).toMatchObject({
    name: 'Tomatoes',
    unitCost: '2.50',
    onHand: '15',
  });
  expect(await laptop.call('inventory.get', { id: basil.id })).toMatchObject({ name: 'Basil', onHand: '1' });
  expect(await laptop.fail('inventory.get', { id: mint.id })).toMatchObject({ kind: 'not_found' });
  expect(laptop.db.prepare('SELECT count(*) FROM stock_movements WHERE item_id = ?').pluck().get(mint.id)).toBe(0);
  expect((await laptop.call('auth.session', {}))?.user.role).toBe('staff');
  expect(
    (await adminQuery(file.server, 'SELECT count(*)::int AS n FROM kg.items WHERE id = $1', [mint.id])).rows,
  ).toEqual([{ n: 0 }]);

  await syncAll([file.office, laptop]);
  const onServer = await expectSameEverywhere(file.office, laptop);
  // Of the laptop's three movements, the two on items the server has arrived; Mint's opening count did not.
  const arrived = [...laptop.recorded].filter((id) => onServer.movements.some((movement) => movement.id === id));
  expect([laptop.recorded.size, arrived.length]).toEqual([3, 2]);

  expect(await laptop.call('sync.dismissRejections', {})).toEqual({ ok: true });
  expect(await laptop.call('sync.rejections', {})).toEqual([]);
  expect(await laptop.call('sync.status', {})).toMatchObject({ rejections: 0 });
});

test('a profile email someone took meanwhile on another computer: refused, and the profile as the server has it', async () => {
  const laptop = await devices.signedIn('laptop', file.restaurant.owner.username);
  await syncAll([laptop], 1);
  const before = (await laptop.call('auth.session', {}))!.user;
  const taken = 'sous-chef@bistro.test';
  await file.office.call('team.create', member('staff', { email: taken }));

  await laptop.call('auth.updateProfile', {
    fullName: 'Renamed Owner',
    email: taken,
    position: before.position,
    kitchenProduceList: ['Shallots'],
    barProduceList: [],
  });
  const bread = await laptop.call('inventory.create', itemInput({ name: 'Sourdough', openingStock: '3' }));
  expect(await laptop.syncNow()).toMatchObject({ state: 'online', waiting: 0, rejections: 1 });
  expect((await laptop.call('sync.rejections', {})).map(({ what, reason }) => ({ what, reason }))).toEqual([
    { what: 'Profile changes', reason: 'That email is already registered.' },
  ]);
  expect((await laptop.call('auth.session', {}))?.user).toEqual(before);
  // The item made after the refused change reached the server.
  expect(await laptop.call('inventory.get', { id: bread.id })).toMatchObject({ onHand: '3' });
  await syncAll([file.office, laptop]);
  expect(await file.office.call('inventory.get', { id: bread.id })).toMatchObject({ name: 'Sourdough', onHand: '3' });
  await expectSameEverywhere(file.office, laptop);

  await laptop.call('sync.dismissRejections', {});
  expect(await laptop.call('sync.status', {})).toMatchObject({ rejections: 0 });
});

test('an item deleted on another computer: edits and stock changes made to it meanwhile are refused and listed', async () => {
  const manager = await file.office.call('team.create', member('manager'));
  const laptop = await devices.signedIn('laptop', manager.username);
  const olives = await file.office.call('inventory.create', itemInput({ name: 'Olives', openingStock: '6' }));
  const capers = await file.office.call('inventory.create', itemInput({ name: 'Capers', openingStock: '1' }));
  await syncAll([file.office, laptop]);

  await file.office.call('inventory.delete', { id: olives.id });
  await syncAll([file.office]);
  // The laptop has not heard yet.
  await laptop.call('inventory.update', { id: olives.id, supplier: 'Market' });
  await laptop.call('inventory.adjustStock', { itemId: olives.id, reason: 'delivery', quantity: '4' });
  await laptop.call('inventory.adjustStock', { itemId: capers.id, reason: 'delivery', quantity: '2' });

  expect(await laptop.syncNow()).toMatchObject({ state: 'online', waiting: 0, rejections: 2, lastError: null });
  expect((await laptop.call('sync.rejections', {})).map(({ what, reason }) => ({ what, reason }))).toEqual([
    { what: 'Stock delivery of 4 for Olives', reason: 'This item was deleted, so this stock change was not kept.' },
    { what: 'Changes to Olives', reason: 'This item was deleted, so this change to it was not kept.' },
  ]);
  expect(await laptop.fail('inventory.get', { id: olives.id })).toMatchObject({ kind: 'not_found' });
  expect(await laptop.call('inventory.get', { id: capers.id })).toMatchObject({ onHand: '3' });
  await syncAll([file.office, laptop]);
  await expectSameEverywhere(file.office, laptop);
});
