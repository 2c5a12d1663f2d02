/**
 * Stock is right in time (docs/decisions/0013): an item's level is its latest count by when it
 * happened plus everything that happened after it, on every computer and the server, whatever order
 * the movements reach the server in; each sync measures the computer's clock against the server's.
 * Times in these tests are the server's: "eleven" is now on the server, the other hours before it;
 * a computer is put at an hour by setting its clock to that hour less the offset it last measured.
 */
import { describe, expect, test } from 'vitest';
import { adminQuery } from '../central/testing/test-server';
import { clockOffset, saveClockOffset } from '../store/clock-offset';
import { readOutbox } from '../store/outbox';
import { HOUR, itemInput, MINUTE } from '../testing/temp-core';
import {
  type Device,
  expectConverged,
  onHandByName,
  registerRestaurant,
  syncAll,
  syncOffline,
  syncTestFile,
} from './testing/devices';

const file = syncTestFile();
const { devices } = file;

/** Puts a computer's clock where, corrected by its last measured offset, it reads `when`. */
function setTime(device: Device, when: Date): void {
  device.clock.set(new Date(when.getTime() - (clockOffset(device.db)?.offsetMs ?? 0)));
}

async function officeAndLaptop() {
  const office = await devices.open('office PC');
  const restaurant = await registerRestaurant(office);
  const laptop = await devices.signedIn('laptop', restaurant.owner.username);
  await syncAll([office, laptop]);
  const eleven = new Date();
  const hour = (h: number) => new Date(eleven.getTime() - (11 - h) * HOUR);
  return { office, laptop, restaurant, eleven, hour };
}

const serverMovements = async (itemId: string) =>
  (
    await adminQuery<{
      reason: string;
      occurred_at: Date;
      claimed_occurred_at: Date | null;
      clock_offset_ms: number | null;
    }>(
      file.server,
      `SELECT reason, occurred_at, claimed_occurred_at, clock_offset_ms FROM kg.stock_movements
        WHERE item_id = $1 ORDER BY occurred_at, reason = 'count', id`,
      [itemId],
    )
  ).rows;

describe('stock in the order things happened', () => {
  test('09:00 / 10:00 / 11:00: a count taken offline at 09:00 and synced at 11:00 keeps the usage recorded at 10:00 elsewhere: every computer and the server say 8', async () => {
    const { office, laptop, restaurant, hour, eleven } = await officeAndLaptop();
    setTime(office, hour(8));
    const milk = await office.call('inventory.create', itemInput({ name: 'Milk', openingStock: '12' }));
    await syncAll([office, laptop]);

    // 09:00: the manager counts the walk-in on the laptop, where the Wi-Fi does not reach.
    await laptop.setOnline(false);
    setTime(laptop, hour(9));
    expect(
      (await laptop.call('inventory.adjustStock', { itemId: milk.id, reason: 'count', quantity: '10' })).onHand,
    ).toBe('10');
    await syncOffline(laptop);

    // 10:00: the office PC records a usage of 2, and syncs.
    setTime(office, hour(10));
    await office.call('inventory.adjustStock', { itemId: milk.id, reason: 'usage', quantity: '-2' });
    await syncAll([office], 1);
    expect((await office.call('inventory.get', { id: milk.id })).onHand).toBe('10');

    // 11:00: the laptop is back on the Wi-Fi.
    setTime(laptop, eleven);
    await laptop.setOnline(true);
    await syncAll([laptop, office]);
    for (const device of [office, laptop]) expect(await onHandByName(device)).toEqual({ Milk: '8' });
    const onServer = await expectConverged(file.server, restaurant.id, [office, laptop]);
    expect(onServer.items[0]?.onHandMilli).toBe(8000);

    // History, newest first: the usage after the count, and the count synced two hours after it was taken.
    const { movements } = await office.call('inventory.history', { itemId: milk.id });
    expect(movements.map(({ reason, onHandAfter }) => [reason, onHandAfter])).toEqual([
      ['usage', '8'],
      ['count', '10'],
      ['count', '12'],
    ]);
    const count = movements[1]!;
    expect(Date.parse(count.receivedAt!) - Date.parse(count.occurredAt)).toBeGreaterThan(HOUR);
  });

  test('a delivery back-dated before the latest count changes nothing now; one after it adds; neither is moved by the server', async () => {
    const { office, laptop, restaurant, hour, eleven } = await officeAndLaptop();
    setTime(office, hour(9));
    const milk = await office.call('inventory.create', itemInput({ name: 'Milk', openingStock: '10' }));
    setTime(office, eleven);
    const adjust = (quantity: string, occurredAt: Date) =>
      office.call('inventory.adjustStock', {
        itemId: milk.id,
        reason: 'delivery',
        quantity,
        occurredAt: occurredAt.toISOString(),
      });
    // "It arrived this morning at 7": before the 09:00 count, which found what it brought.
    expect((await adjust('6', hour(7))).onHand).toBe('10');
    expect((await adjust('4', new Date(hour(10).getTime() + 30 * MINUTE))).onHand).toBe('14');

    await syncAll([office, laptop]);
    expect(await onHandByName(laptop)).toEqual({ Milk: '14' });
    await expectConverged(file.server, restaurant.id, [office, laptop]);
    const onServer = await serverMovements(milk.id);
    expect(onServer.map((row) => [row.reason, row.occurred_at.toISOString(), row.claimed_occurred_at])).toEqual([
      ['delivery', hour(7).toISOString(), null],
      ['count', hour(9).toISOString(), null],
      ['delivery', new Date(hour(10).getTime() + 30 * MINUTE).toISOString(), null],
    ]);
  });

  test('a time in the future, or before 2020, is refused, naming the field; nothing is recorded', async () => {
    const { office } = await officeAndLaptop();
    const milk = await office.call('inventory.create', itemInput({ name: 'Milk', openingStock: '10' }));
    const refused = (occurredAt: string) =>
      office.fail('inventory.adjustStock', { itemId: milk.id, reason: 'waste', quantity: '-1', occurredAt });
    const later = new Date(office.clock.now().getTime() + (clockOffset(office.db)?.offsetMs ?? 0) + 10 * MINUTE);
    expect(await refused(later.toISOString())).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'occurredAt', message: 'When it happened cannot be in the future' }],
    });
    expect(await refused('2019-12-31T23:59:00Z')).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'occurredAt', message: 'When it happened cannot be before 2020' }],
    });
    expect(await refused('yesterday')).toMatchObject({ kind: 'validation', issues: [{ path: 'occurredAt' }] });
    expect((await office.call('inventory.history', { itemId: milk.id })).movements).toHaveLength(1);
  });

  test('ties: a count comes after a movement at the same instant, and of two counts at one instant the later id wins, on every computer and the server', async () => {
    const { office, laptop, restaurant, hour } = await officeAndLaptop();
    setTime(office, hour(8));
    const gin = await office.call('inventory.create', itemInput({ name: 'Gin', area: 'bar', openingStock: '5' }));
    await syncAll([office, laptop]);
    await laptop.setOnline(false);
    const at = (h: number) => hour(h).toISOString();

    await laptop.call('inventory.adjustStock', { itemId: gin.id, reason: 'usage', quantity: '-1', occurredAt: at(9) });
    await office.call('inventory.adjustStock', { itemId: gin.id, reason: 'count', quantity: '20', occurredAt: at(9) });
    await laptop.call('inventory.adjustStock', { itemId: gin.id, reason: 'count', quantity: '7', occurredAt: at(10) });
    await office.call('inventory.adjustStock', { itemId: gin.id, reason: 'count', quantity: '9', occurredAt: at(10) });
    const idsAtTen = [laptop, office].map((device) => {
      const last = readOutbox(device.db, 1_000).at(-1)!;
      if (last.name !== 'movement.record') throw new Error('a count was expected last');
      return { id: last.args.id, onHand: last.args.quantityMilli === 7000 ? '7' : '9' };
    });
    const winner = idsAtTen.sort((a, b) => (a.id < b.id ? -1 : 1)).at(-1)!;

    await laptop.setOnline(true);
    await syncAll([laptop, office]);
    for (const device of [office, laptop]) expect(await onHandByName(device)).toEqual({ Gin: winner.onHand });
    await expectConverged(file.server, restaurant.id, [office, laptop]);
    // At 09:00 the count came after the usage, so the usage was in the level it set.
    const history = (await office.call('inventory.history', { itemId: gin.id })).movements.reverse();
    expect(history.map(({ reason, onHandAfter }) => [reason, onHandAfter]).slice(0, 3)).toEqual([
      ['count', '5'],
      ['usage', '4'],
      ['count', '20'],
    ]);
  });

  test('each sync measures the clock: a computer ten minutes ahead records movements at the server’s time, with the offset it used, and its status says so', async () => {
    const { office, restaurant } = await officeAndLaptop();
    const fast = await devices.signedIn('fast laptop', restaurant.owner.username);
    fast.clock.set(new Date(Date.now() + 10 * MINUTE));
    const status = await fast.syncNow();
    expect(status.clockOffsetMs).toBeLessThan(-9 * MINUTE);
    expect(status.clockOffsetMs).toBeGreaterThan(-11 * MINUTE);
    const measured = clockOffset(fast.db)!;
    expect(measured.offsetMs).toBe(status.clockOffsetMs);

    const before = Date.now();
    const flour = await fast.call('inventory.create', itemInput({ name: 'Flour', openingStock: '3' }));
    const recorded = readOutbox(fast.db, 1_000).find((mutation) => mutation.name === 'movement.record');
    if (recorded?.name !== 'movement.record') throw new Error('the opening count was expected in the outbox');
    expect(recorded.args.clockOffsetMs).toBe(measured.offsetMs);
    // Its clock reads ten minutes ahead; the count happened now, within what the measure allows.
    const occurred = Date.parse(recorded.args.occurredAt!);
    expect(Date.parse(recorded.args.at) - occurred).toBeGreaterThan(9 * MINUTE);
    expect(Math.abs(occurred - before)).toBeLessThan(MINUTE);

    await syncAll([fast, office]);
    const [onServer] = await serverMovements(flour.id);
    expect(onServer).toMatchObject({ clock_offset_ms: measured.offsetMs, claimed_occurred_at: null });
    expect(onServer?.occurred_at.toISOString()).toBe(recorded.args.occurredAt);
  });

  test('a time claimed more than five minutes ahead of the server is clamped to when it arrived, the claim kept, and every computer takes the server’s time', async () => {
    const { office, laptop, restaurant } = await officeAndLaptop();
    // A stale offset: this computer's clock jumped ten minutes ahead since it last measured.
    saveClockOffset(laptop.db, { offsetMs: 0, uncertaintyMs: 0 });
    laptop.clock.set(new Date(Date.now() + 10 * MINUTE));
    const claimed = laptop.clock.now().getTime();
    const salt = await laptop.call('inventory.create', itemInput({ name: 'Salt', openingStock: '2' }));
    await syncAll([laptop], 1);
    // The sync measured the clock again, but this computer's clock jumps ahead once more.
    saveClockOffset(laptop.db, { offsetMs: 0, uncertaintyMs: 0 });
    await laptop.call('inventory.adjustStock', { itemId: salt.id, reason: 'usage', quantity: '-0.5' });
    await syncAll([laptop, office]);

    const onServer = await serverMovements(salt.id);
    expect(onServer).toHaveLength(2);
    for (const row of onServer) {
      expect(row.claimed_occurred_at?.getTime()).toBeGreaterThanOrEqual(claimed);
      expect(row.occurred_at.getTime()).toBeLessThan(claimed - 5 * MINUTE);
    }
    await expectConverged(file.server, restaurant.id, [office, laptop]);
    const history = (await laptop.call('inventory.history', { itemId: salt.id })).movements;
    expect(history.map((row) => row.occurredAt).sort()).toEqual(onServer.map((row) => row.occurred_at.toISOString()));
    expect(await onHandByName(laptop)).toEqual({ Salt: '1.5' });
  });
});
