/**
 * Other computers' changes arrive by themselves, soon, without waiting for the periodic run: a
 * signed-in computer asks its restaurant's version row every few seconds (through a pooler too,
 * where LISTEN cannot work). Here the check comes often and nothing else would sync the reader.
 */
import { expect, test } from 'vitest';
import { itemInput } from '../testing/temp-core';
import { connection, faultSuite, joinedDevice, MANUAL, ownerDevice, waitFor } from './testing/faults';

let where: ReturnType<typeof connection>;
const open = faultSuite((server) => {
  where = connection(server);
});

test("a change saved on one computer reaches the restaurant's other computer by the frequent check alone", async () => {
  const { device: writer, registration } = await ownerDevice(() => open(MANUAL), where);
  const reader = await joinedDevice(() => open({ ...MANUAL, checkMs: 50 }), where, registration);
  // Once in step with the server, the reader syncs only when its check sees something new.
  expect((await reader.syncNow()).state).toBe('online');

  const item = await writer.call('inventory.create', itemInput({ name: 'Basil', openingStock: '3' }));
  expect((await writer.syncNow()).waiting).toBe(0);

  const arrived = await waitFor('the item to reach the reader', async () => {
    const list = await reader.stock('kitchen');
    return list.items.find((row) => row.id === item.id);
  });
  expect(arrived).toMatchObject({ name: 'Basil', onHand: '3' });
});
