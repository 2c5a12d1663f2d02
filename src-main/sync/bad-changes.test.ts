/**
 * One bad change never stops the others: a change the server cannot even read (a NUL character, a
 * lone surrogate, a malformed id — written straight into the outbox, as an old or hostile client
 * would) is refused on its own with a reason a person understands, and every change after it still
 * reaches the other computers. Each refusal is undone on its own.
 */
import { expect, test } from 'vitest';
import { adminQuery } from '../central/testing/test-server';
import { deviceId } from '../store/meta';
import { itemInput, member } from '../testing/temp-core';
import { type Device, officeTestFile, syncAll } from './testing/devices';

const file = officeTestFile();
const { devices } = file;

/** Appends a mutation row as it is, past the contract. */
function writeStraightIntoOutbox(device: Device, name: string, args: unknown): void {
  const author = device.db.prepare('SELECT author_id FROM outbox ORDER BY mutation_id DESC LIMIT 1').pluck().get();
  device.db
    .prepare('INSERT INTO outbox (name, args, created_at, author_id) VALUES (?, ?, ?, ?)')
    .run(name, JSON.stringify(args), device.clock.iso(), author);
}

function movement(device: Device, itemId: string, fields: { id?: string; note: string }) {
  const restaurantId = device.db.prepare('SELECT id FROM restaurants').pluck().get();
  const by = device.db.prepare('SELECT author_id FROM outbox ORDER BY mutation_id DESC LIMIT 1').pluck().get();
  return {
    id: fields.id ?? crypto.randomUUID(),
    restaurantId,
    itemId,
    reason: 'usage',
    quantityMilli: -1000,
    note: fields.note,
    by,
    at: device.clock.iso(),
  };
}

test('a NUL in a name and a lone surrogate in a note are refused alone; the changes after them arrive', async () => {
  const laptop = await devices.signedIn('laptop', file.restaurant.owner.username);
  const basil = await file.office.call('inventory.create', itemInput({ name: 'Basil', openingStock: '10' }));
  await syncAll([file.office, laptop]);

  await laptop.call('inventory.adjustStock', { itemId: basil.id, reason: 'delivery', quantity: '5' });
  writeStraightIntoOutbox(laptop, 'item.update', { id: basil.id, name: 'Ba\u0000sil' });
  writeStraightIntoOutbox(laptop, 'movement.record', movement(laptop, basil.id, { note: 'half \ud800 used' }));
  await laptop.call('inventory.update', { id: basil.id, name: 'Thai basil' });
  await laptop.call('inventory.adjustStock', { itemId: basil.id, reason: 'usage', quantity: '-2' });

  const status = await laptop.syncNow();
  expect(status).toMatchObject({ state: 'online', waiting: 0, rejections: 2, lastError: null });
  const listed = await laptop.call('sync.rejections', {});
  expect(listed.map(({ reason }) => reason)).toEqual([
    'The server could not store this change: it holds characters that cannot be saved.',
    'The server could not store this change: it holds characters that cannot be saved.',
  ]);

  await syncAll([file.office, laptop]);
  expect(await file.office.call('inventory.get', { id: basil.id })).toMatchObject({ name: 'Thai basil', onHand: '13' });
  expect(await laptop.call('inventory.get', { id: basil.id })).toMatchObject({ name: 'Thai basil', onHand: '13' });
});

test('a refusal with a malformed id does not keep the other refusals from being undone', async () => {
  const manager = await file.office.call('team.create', member('manager'));
  const laptop = await devices.signedIn('laptop', manager.username);
  const mint = await file.office.call('inventory.create', itemInput({ name: 'Mint', openingStock: '4' }));
  await syncAll([file.office, laptop]);
  await file.office.call('team.setRole', { userId: manager.id, role: 'staff' });

  // The laptop has not heard of the demotion: its rename of Mint will be refused and must be undone.
  await laptop.call('inventory.update', { id: mint.id, name: 'Spearmint' });
  writeStraightIntoOutbox(laptop, 'movement.record', movement(laptop, 'not-an-id', { id: 'not-an-id', note: '' }));
  await laptop.call('inventory.adjustStock', { itemId: mint.id, reason: 'usage', quantity: '-1' });

  expect(await laptop.syncNow()).toMatchObject({ state: 'online', waiting: 0, rejections: 2 });
  expect((await laptop.call('sync.rejections', {})).map(({ what, reason }) => ({ what, reason }))).toEqual([
    { what: 'movement.record', reason: 'This computer could not read this change any more, so it was not sent.' },
    { what: 'Changes to Mint', reason: 'Only an owner or a manager can change the item list.' },
  ]);
  expect(await laptop.call('inventory.get', { id: mint.id })).toMatchObject({ name: 'Mint', onHand: '3' });
  await syncAll([file.office, laptop]);
  expect(await file.office.call('inventory.get', { id: mint.id })).toMatchObject({ name: 'Mint', onHand: '3' });
});

test('the contract refuses control characters and broken characters in every text field, naming it', async () => {
  const refused = async (input: Parameters<typeof itemInput>[0], path: string, label: string) =>
    expect(await file.office.fail('inventory.create', itemInput(input))).toMatchObject({
      kind: 'validation',
      issues: [
        { path, message: `${label} holds a character that cannot be saved (a control character or a broken one)` },
      ],
    });
  await refused({ name: 'Ba\u0000sil' }, 'name', 'Name');
  await refused({ name: 'Basil\nleaves' }, 'name', 'Name');
  await refused({ supplier: 'Green\u001b[2J' }, 'supplier', 'Supplier');
  await refused({ category: 'Herbs \udc00' }, 'category', 'Category');
  const basil = await file.office.call('inventory.create', itemInput({ name: 'Basil 🌿', openingStock: '1' }));
  const adjust = { itemId: basil.id, reason: 'usage' as const, quantity: '-1' };
  expect(await file.office.fail('inventory.adjustStock', { ...adjust, note: 'half \ud800 used' })).toMatchObject({
    kind: 'validation',
    issues: [{ path: 'note' }],
  });
  // A note is several lines: newlines and tabs stay.
  await file.office.call('inventory.adjustStock', { ...adjust, note: 'dropped\n\tby the door' });
});

test('a computer whose place on the server was moved ahead of its outbox says so, and drops nothing', async () => {
  const laptop = await devices.signedIn('laptop', file.restaurant.owner.username);
  const thyme = await file.office.call('inventory.create', itemInput({ name: 'Thyme', openingStock: '3' }));
  await syncAll([file.office, laptop]);
  await laptop.call('inventory.adjustStock', { itemId: thyme.id, reason: 'usage', quantity: '-1' });
  await syncAll([laptop, file.office]);
  // As a session of another computer could before server schema v5 (security.test.ts holds that).
  await adminQuery(file.server, 'UPDATE kg.devices SET last_mutation_id = last_mutation_id + 50 WHERE id = $1', [
    deviceId(laptop.db),
  ]);

  await laptop.call('inventory.adjustStock', { itemId: thyme.id, reason: 'usage', quantity: '-1' });
  const status = await laptop.syncNow();
  expect(status).toMatchObject({ state: 'error', waiting: 1 });
  expect(status.lastError).toMatch(
    /^The central server says this computer already sent \d+ changes, but it has made only \d+\./,
  );
  expect(await file.office.call('inventory.get', { id: thyme.id })).toMatchObject({ onHand: '2' });
});
