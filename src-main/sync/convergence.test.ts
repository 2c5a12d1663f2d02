/**
 * Two and three devices, each with its own SQLite store, editing and counting through one real
 * PostgreSQL server, online and offline: they end with the same items (every field), the same stock
 * and exactly the movements they recorded — on every device and on the server.
 */
import { describe, expect, test } from 'vitest';
import { adminQuery } from '../central/testing/test-server';
import { deviceId } from '../store/meta';
import { readOutbox } from '../store/outbox';
import { HOUR, itemInput, member, PASSWORD } from '../testing/temp-core';
import {
  computerServer,
  type Device,
  expectConverged,
  onHandByName,
  registerRestaurant,
  serverState,
  syncAll,
  syncOffline,
  syncTestFile,
} from './testing/devices';

const file = syncTestFile();
const { devices } = file;

const item = (device: Device, id: string) => device.call('inventory.get', { id });

describe('two devices', () => {
  test('concurrent edits merge per field, the later push wins a field, a delete beats an edit, stock merges', async () => {
    const a = await devices.open('A');
    const restaurant = await registerRestaurant(a);
    const b = await devices.signedIn('B', restaurant.owner.username);
    const flour = await a.call('inventory.create', itemInput({ name: 'Flour', unitCost: '1.20', openingStock: '10' }));
    const milk = await a.call('inventory.create', itemInput({ name: 'Milk', category: 'Fresh', openingStock: '4' }));
    const salt = await a.call('inventory.create', itemInput({ name: 'Salt', openingStock: '2' }));
    await syncAll([a, b]);
    expect(await onHandByName(b)).toEqual({ Flour: '10', Milk: '4', Salt: '2' });

    // Neither device hears of the other's changes until both have pushed.
    await a.call('inventory.update', { id: flour.id, name: 'Bread flour', unitCost: '1.35' });
    await b.call('inventory.update', { id: flour.id, supplier: 'Costco', par: '4' });
    await a.call('inventory.update', { id: milk.id, category: 'Dairy A' });
    await b.call('inventory.update', { id: milk.id, category: 'Dairy B' });
    await a.call('inventory.delete', { id: salt.id });
    await b.call('inventory.update', { id: salt.id, name: 'Sea salt', unitCost: '0.90' });
    await a.call('inventory.adjustStock', { itemId: flour.id, reason: 'usage', quantity: '-2' });
    await b.call('inventory.adjustStock', { itemId: flour.id, reason: 'count', quantity: '7' });
    await b.call('inventory.adjustStock', { itemId: milk.id, reason: 'delivery', quantity: '3' });
    await a.call('inventory.adjustStock', { itemId: milk.id, reason: 'waste', quantity: '-1' });
    await a.syncNow();
    await b.syncNow();
    await syncAll([a, b]);

    for (const device of [a, b]) {
      // A's usage (10 → 8) happened before B's count (7); A's waste and B's delivery on 4 → 6.
      expect(await onHandByName(device)).toEqual({ 'Bread flour': '7', Milk: '6' });
      expect(await item(device, flour.id)).toMatchObject({
        name: 'Bread flour',
        unitCost: '1.35',
        supplier: 'Costco',
        par: '4',
        category: 'Dry goods',
      });
      expect((await item(device, milk.id)).category).toBe('Dairy B');
      expect(await device.fail('inventory.get', { id: salt.id })).toMatchObject({ kind: 'not_found' });
    }
    const onServer = await expectConverged(file.server, restaurant.id, [a, b]);
    expect(onServer.items.find((row) => row.id === salt.id)).toMatchObject({ name: 'Salt', onHandMilli: 2000 });
    expect(onServer.items.find((row) => row.id === salt.id)?.deletedAt).toEqual(expect.any(String));

    // The order the server receives edits decides, not device clocks: B's edit is an hour "later"
    // by its clock but reaches the server first, so A's wins.
    b.clock.advance(HOUR);
    await b.call('inventory.update', { id: milk.id, category: 'Dairy, by B' });
    await a.call('inventory.update', { id: milk.id, category: 'Dairy, by A' });
    await b.syncNow();
    await a.syncNow();
    await syncAll([a, b]);
    for (const device of [a, b]) expect((await item(device, milk.id)).category).toBe('Dairy, by A');
    await expectConverged(file.server, restaurant.id, [a, b]);
  });
});

describe('three devices', () => {
  test('one offline for a while: its changes arrive in the order they reach the server and all converge', async () => {
    const a = await devices.open('A');
    const restaurant = await registerRestaurant(a);
    const b = await devices.signedIn('B', restaurant.owner.username);
    const c = await devices.signedIn('C', restaurant.owner.username);
    const beer = await a.call(
      'inventory.create',
      itemInput({ area: 'bar', name: 'Beer', unit: 'bottle', openingStock: '24' }),
    );
    const lemons = await a.call('inventory.create', itemInput({ name: 'Lemons', unit: 'each' }));
    await syncAll([a, b, c]);

    await c.setOnline(false);
    await syncOffline(c);
    await c.call('inventory.update', { id: beer.id, name: 'Lager' });
    await c.call('inventory.adjustStock', { itemId: lemons.id, reason: 'count', quantity: '30' });
    const lemonCount = [...c.recorded].at(-1)!;
    const limes = await c.call('inventory.create', itemInput({ name: 'Limes', unit: 'each', openingStock: '5' }));
    await c.call('inventory.adjustStock', { itemId: limes.id, reason: 'usage', quantity: '-1' });
    await c.call('inventory.adjustStock', { itemId: beer.id, reason: 'usage', quantity: '-4' });
    await syncOffline(c);
    expect(await onHandByName(c)).toEqual({ Lager: '20', Lemons: '30', Limes: '4' });

    await a.call('inventory.update', { id: beer.id, name: 'Pilsner', supplier: 'Brewery' });
    await a.call('inventory.adjustStock', { itemId: beer.id, reason: 'delivery', quantity: '12' });
    await a.syncNow();
    await b.syncNow();
    await b.call('inventory.delete', { id: lemons.id });
    await b.call('inventory.adjustStock', { itemId: beer.id, reason: 'count', quantity: '30' });
    await b.syncNow();
    await a.syncNow();
    expect(await onHandByName(a)).toEqual({ Pilsner: '30' });

    await c.setOnline(true);
    await syncAll([c, a, b]);
    for (const device of [a, b, c]) {
      // Beer: 24, C's -4 and A's +12, then B's count of 30: C's usage happened before the count,
      // which found what it left, though it reached the server after (stock is in time order).
      // C's rename reached the server last, so it stands (item edits are in server order).
      expect(await onHandByName(device)).toEqual({ Lager: '30', Limes: '4' });
      expect(await item(device, beer.id)).toMatchObject({ name: 'Lager', supplier: 'Brewery' });
    }
    // C's count of the lemons B deleted meanwhile is refused, and C lists why.
    c.recorded.delete(lemonCount);
    const onServer = await expectConverged(file.server, restaurant.id, [a, b, c]);
    expect(onServer.items.find((row) => row.id === lemons.id)).toMatchObject({ onHandMilli: 0 });
    expect(onServer.movements).toHaveLength(6);
    expect((await c.call('sync.rejections', {})).map(({ what, reason }) => ({ what, reason }))).toEqual([
      { what: 'Stock count of 30 for Lemons', reason: 'This item was deleted, so this stock change was not kept.' },
    ]);
  });
});

describe('a clock far ahead', () => {
  test('a movement claimed a day ahead of the server takes the time it arrived, on every computer; the claim is kept', async () => {
    const office = await devices.open('office');
    const restaurant = await registerRestaurant(office);
    const laptop = await devices.signedIn('laptop', restaurant.owner.username);
    const rice = await office.call('inventory.create', itemInput({ name: 'Rice', openingStock: '5' }));
    await syncAll([office, laptop]);

    laptop.clock.advance(Date.now() + 24 * HOUR - laptop.clock.now().getTime());
    const claimed = laptop.clock.iso();
    await laptop.call('inventory.adjustStock', { itemId: rice.id, reason: 'delivery', quantity: '2' });
    const delivery = [...laptop.recorded].at(-1)!;
    await syncAll([laptop, office]);

    const onServer = await expectConverged(file.server, restaurant.id, [office, laptop]);
    const held = onServer.movements.find((movement) => movement.id === delivery)!;
    expect(Date.parse(String(held.recordedAt))).toBeLessThan(Date.parse(claimed) - 12 * HOUR);
    const { rows } = await adminQuery(
      file.server,
      'SELECT claimed_at, recorded_at = received_at AS at_receipt FROM kg.stock_movements WHERE id = $1',
      [delivery],
    );
    expect(rows).toEqual([{ claimed_at: new Date(claimed), at_receipt: true }]);
  });
});

describe('changes whose author lost their session', () => {
  test("a staff member's offline counts, sent after they were deactivated, arrive under the next sign-in; all agree", async () => {
    const office = await devices.open('office');
    const restaurant = await registerRestaurant(office);
    const staff = await office.call('team.create', member('staff'));
    const laptop = await devices.signedIn('laptop', staff.username, PASSWORD, restaurant.owner.username);
    const eggs = await office.call('inventory.create', itemInput({ name: 'Eggs', unit: 'each', openingStock: '12' }));
    await syncAll([office, laptop]);

    await laptop.setOnline(false);
    await laptop.call('inventory.adjustStock', { itemId: eggs.id, reason: 'count', quantity: '10' });
    await laptop.call('inventory.adjustStock', { itemId: eggs.id, reason: 'waste', quantity: '-2' });
    await office.call('team.deactivate', { userId: staff.id });
    await laptop.setOnline(true);
    expect(await laptop.syncNow()).toMatchObject({ state: 'signed_out', waiting: 2 });

    // The server judges them by the session they travel under: the owner's, who signs in next.
    await laptop.call('auth.login', { login: restaurant.owner.username, password: restaurant.owner.password });
    await syncAll([laptop, office]);
    expect(await onHandByName(office)).toEqual({ Eggs: '8' });
    const onServer = await expectConverged(file.server, restaurant.id, [office, laptop]);
    expect(
      onServer.movements
        .filter((movement) => laptop.recorded.has(movement.id))
        .map((movement) => movement.recordedById),
    ).toEqual([restaurant.ownerId, restaurant.ownerId]);
  });
});

describe('a batch delivered twice applies once', () => {
  const pushAs = async (device: Device, mutations: { id: number; name: string; args: unknown }[]) => {
    const app = await computerServer(file.server, device);
    return app
      .transaction(device.token(), async (query) => {
        const { rows } = await query<{ result: { lastMutationId: number; rejected: unknown[] } }>(
          'SELECT kg.push($1, $2::jsonb) AS result',
          [deviceId(device.db), JSON.stringify(mutations)],
        );
        return rows[0]!.result;
      })
      .finally(() => app.close());
  };
  const outboxBatch = (device: Device) =>
    readOutbox(device.db).map(({ mutationId, name, args }) => ({ id: mutationId, name, args }));
  const outboxRows = (device: Device) => device.db.prepare('SELECT * FROM outbox ORDER BY mutation_id').all();

  test('kg.push called twice with the same batch, and a device re-sending what the server has', async () => {
    const a = await devices.open('A');
    const restaurant = await registerRestaurant(a);
    const rice = await a.call('inventory.create', itemInput({ name: 'Rice', openingStock: '5' }));
    await a.call('inventory.adjustStock', { itemId: rice.id, reason: 'delivery', quantity: '2' });
    await a.call('inventory.update', { id: rice.id, supplier: 'Wholesale' });
    const batch = outboxBatch(a);
    expect(batch.map((mutation) => mutation.name)).toEqual([
      'item.create',
      'movement.record',
      'movement.record',
      'item.update',
    ]);
    const last = batch.at(-1)!.id;

    expect(await pushAs(a, batch)).toMatchObject({ lastMutationId: last, rejected: [] });
    const once = await serverState(file.server, restaurant.id);
    expect(once.items).toMatchObject([{ name: 'Rice', supplier: 'Wholesale', onHandMilli: 7000 }]);
    expect(once.movements).toHaveLength(2);
    expect(await pushAs(a, batch)).toMatchObject({ lastMutationId: last, rejected: [] });
    expect(await serverState(file.server, restaurant.id)).toEqual(once);

    // The device never heard back: its next sync asks the server first and sends nothing again.
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0, rejections: 0 });
    expect((await serverState(file.server, restaurant.id)).movements).toEqual(once.movements);
    await expectConverged(file.server, restaurant.id, [a]);

    // A batch that repeats applied mutations and adds one: only the new one applies.
    await a.call('inventory.adjustStock', { itemId: rice.id, reason: 'usage', quantity: '-1' });
    const longer = [...batch, ...outboxBatch(a)];
    expect(await pushAs(a, longer)).toMatchObject({ lastMutationId: last + 1, rejected: [] });
    expect(await pushAs(a, longer)).toMatchObject({ lastMutationId: last + 1, rejected: [] });
    expect((await serverState(file.server, restaurant.id)).items).toMatchObject([{ onHandMilli: 6000 }]);

    // Through the engine: mutations it already delivered come back into its outbox (the usage
    // above reached the server behind its back, the delivery through its own push).
    await a.call('inventory.adjustStock', { itemId: rice.id, reason: 'delivery', quantity: '4' });
    const delivered = outboxRows(a);
    expect(delivered).toHaveLength(2);
    await syncAll([a], 1);
    const after = await serverState(file.server, restaurant.id);
    expect(after.items).toMatchObject([{ onHandMilli: 10_000 }]);
    const insert = a.db.prepare(
      'INSERT INTO outbox (mutation_id, name, args, created_at, author_id) VALUES (@mutation_id, @name, @args, @created_at, @author_id)',
    );
    for (const row of delivered) insert.run(row);
    expect(a.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(2);
    expect(await a.syncNow()).toMatchObject({ state: 'online', waiting: 0, rejections: 0 });
    expect(await serverState(file.server, restaurant.id)).toEqual(after);
    await expectConverged(file.server, restaurant.id, [a]);
  });
});
