import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../central/testing/test-server';
import { itemInput, openTestCore, owner, TestClock } from '../testing/temp-core';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.drop());

test('two devices share an item through the server', async () => {
  const a = await openTestCore({ clock: new TestClock(new Date()) });
  const b = await openTestCore({ clock: new TestClock(new Date()) });
  await a.call('central.connect', server.connection);
  await b.call('central.connect', server.connection);
  const registration = owner();
  const session = await a.call('auth.register', registration);
  expect(session.user.role).toBe('owner');
  const item = await a.call('inventory.create', itemInput({ name: 'Tomatoes', openingStock: '4.5' }));
  await a.call('inventory.adjustStock', { itemId: item.id, reason: 'delivery', quantity: '2' });
  const statusA = await a.syncNow();
  expect(statusA).toMatchObject({ state: 'online', waiting: 0 });
  await b.call('auth.login', { login: registration.username, password: registration.password });
  const statusB = await b.syncNow();
  expect(statusB.state).toBe('online');
  const list = await b.stock('kitchen');
  expect(list.items.map((i) => [i.name, i.onHand])).toEqual([['Tomatoes', '6.5']]);
  await a.close();
  await b.close();
});
