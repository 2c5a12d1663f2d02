/**
 * Count sessions between computers, over real SQLite stores and the real TLS PostgreSQL: counters on
 * two and three computers, some offline, merge their lines; two people on one line are a conflict on
 * every computer; a count is approved once, and the computer that approved it second is told why
 * when it syncs, its count movements never posted; a line entered after the approval is refused.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { adminQuery } from '../central/testing/test-server';
import { itemInput, member, owner, PASSWORD } from '../testing/temp-core';
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

/** A restaurant on the office PC with a walk-in and a dry store, a manager's laptop and a staff tablet. */
async function restaurant() {
  const office = await file.devices.open('office');
  const registered = await registerRestaurant(office);
  const manager = member('manager', { fullName: 'Mona Manager' });
  const staff = member('staff', { fullName: 'Sid Staff' });
  await office.call('team.create', manager);
  await office.call('team.create', staff);
  const walkIn = await office.call('storage.createArea', { area: 'kitchen', name: 'Walk-in' });
  const dry = await office.call('storage.createArea', { area: 'kitchen', name: 'Dry store' });
  const item = async (input: Partial<ChannelInput<'inventory.create'>>, storageAreaId: string) => {
    const created = await office.call('inventory.create', itemInput(input));
    await office.call('storage.placeItem', { storageAreaId, itemId: created.id });
    return created.id;
  };
  const milk = await item({ name: 'Milk', unit: 'L', unitCost: '1.20', openingStock: '20' }, walkIn.id);
  const flour = await item({ name: 'Flour', unitCost: '0.80', openingStock: '50' }, dry.id);
  await office.call('storage.placeItem', { storageAreaId: walkIn.id, itemId: flour });
  const rice = await item({ name: 'Rice', unitCost: '2.00', openingStock: '10' }, dry.id);
  const laptop = await file.devices.signedIn('laptop', manager.username);
  const tablet = await file.devices.signedIn('tablet', staff.username, PASSWORD, registered.owner.username);
  return { id: registered.id, office, laptop, tablet, walkIn: walkIn.id, dry: dry.id, milk, flour, rice };
}

const enter = (device: Device, countId: string, itemId: string, storageAreaId: string | null, quantity: string) =>
  device.call('counts.enter', { countId, itemId, storageAreaId, quantity });

/** Each line of a count as a device shows it: storage area, item, quantity (or "conflict"). */
async function linesOn(device: Device, countId: string): Promise<string[]> {
  const sheet = await device.call('counts.get', { countId });
  return sheet.storageAreas.flatMap((area) =>
    area.items
      .filter((item) => item.counted !== null || item.conflict)
      .map((item) => `${area.name} ${item.name} ${item.conflict ? 'conflict' : item.counted}`),
  );
}

describe('counters on several computers', () => {
  it('offline counters on three computers merge; two people on one line are a conflict everywhere, settled once', async () => {
    const r = await restaurant();
    const everyone = [r.office, r.laptop, r.tablet];
    const count = await r.office.call('counts.start', { areas: ['kitchen'], scope: 'full', blind: true });
    await syncAll(everyone);

    await r.laptop.setOnline(false);
    await r.tablet.setOnline(false);
    await enter(r.laptop, count.id, r.milk, r.walkIn, '12');
    await enter(r.laptop, count.id, r.flour, r.walkIn, '10');
    await enter(r.tablet, count.id, r.flour, r.dry, '30');
    await enter(r.tablet, count.id, r.rice, r.dry, '8');
    await enter(r.tablet, count.id, r.milk, r.walkIn, '11');
    await syncOffline(r.laptop);
    await syncOffline(r.tablet);
    await r.laptop.setOnline(true);
    await syncAll([r.laptop, r.office]);
    // Two computers merged while the third is still away.
    expect(await linesOn(r.office, count.id)).toEqual(['Walk-in Milk 12', 'Walk-in Flour 10']);
    await r.tablet.setOnline(true);
    await syncAll(everyone);

    const lines = ['Walk-in Milk conflict', 'Walk-in Flour 10', 'Dry store Flour 30', 'Dry store Rice 8'];
    for (const device of everyone) expect(await linesOn(device, count.id), device.name).toEqual(lines);
    // The staff member's blind sheet still hides what is expected.
    const tabletSheet = await r.tablet.call('counts.get', { countId: count.id });
    expect(tabletSheet.storageAreas.flatMap((area) => area.items.map((item) => item.expected))).not.toContain('20');
    const review = await r.office.call('counts.review', { countId: count.id });
    expect(review.conflicts).toBe(1);
    expect(review.items.find((item) => item.name === 'Flour')).toMatchObject({ counted: '40', expected: '50' });
    expect(review.items[0]!.lines[0]!.conflict.map((line) => [line.countedBy.name, line.quantity])).toEqual([
      ['Mona Manager', '12'],
      ['Sid Staff', '11'],
    ]);
    await expectConverged(file.server, r.id, everyone);

    await r.laptop.call('counts.settle', {
      countId: count.id,
      itemId: r.milk,
      storageAreaId: r.walkIn,
      quantity: '12',
    });
    await syncAll(everyone);
    const approved = await r.office.call('counts.approve', { countId: count.id });
    expect(approved.movements).toBe(3);
    await syncAll(everyone);
    for (const device of everyone) {
      expect((await device.call('counts.get', { countId: count.id })).count.status, device.name).toBe('approved');
      expect(await onHandByName(device), device.name).toEqual({ Milk: '12', Flour: '40', Rice: '8' });
    }
    await expectConverged(file.server, r.id, everyone);
  }, 240_000);
});

describe('approval once', () => {
  it('two computers approving while apart: the first the server receives is the approval, the other is told why', async () => {
    const r = await restaurant();
    const count = await r.office.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    await enter(r.office, count.id, r.milk, r.walkIn, '15');
    await enter(r.office, count.id, r.flour, r.dry, '45');
    await syncAll([r.office, r.laptop]);

    await r.office.setOnline(false);
    await r.laptop.setOnline(false);
    const byOffice = await r.office.call('counts.approve', {
      countId: count.id,
      decisions: [{ itemId: r.rice, decision: 'zero' }],
    });
    const byLaptop = await r.laptop.call('counts.approve', { countId: count.id });
    expect([byOffice.movements, byLaptop.movements]).toEqual([3, 2]);
    await r.laptop.setOnline(true);
    await syncAll([r.laptop]);
    await r.office.setOnline(true);
    const status = await r.office.syncNow();
    expect(status).toMatchObject({ state: 'online', waiting: 0, rejections: 1 });
    const [refusal] = await r.office.call('sync.rejections', {});
    expect(refusal).toMatchObject({ what: 'Approving a count' });
    expect(refusal!.reason).toMatch(
      /^This count was already approved by Mona Manager at \d{4}-\d\d-\d\d \d\d:\d\d UTC, so this approval and its stock counts were not posted\.$/,
    );
    await syncAll([r.office, r.laptop]);

    // The office's count movements are gone everywhere; the laptop's approval stands, once.
    for (const device of [r.office, r.laptop]) {
      expect((await device.call('counts.get', { countId: count.id })).count).toMatchObject({
        status: 'approved',
        closedBy: { name: 'Mona Manager' },
      });
      expect(await onHandByName(device), device.name).toEqual({ Milk: '15', Flour: '45', Rice: '10' });
    }
    const posted = await adminQuery(
      file.server,
      `SELECT count(*)::int AS n FROM kg.stock_movements m JOIN kg.count_results r ON r.movement_id = m.id
        WHERE r.count_id = $1`,
      [count.id],
    );
    expect(posted.rows).toEqual([{ n: 2 }]);
    // Never posted: what the refused approval recorded is not among what the server must hold.
    for (const result of byOfficeMovements(r.office)) r.office.recorded.delete(result);
    await r.office.call('sync.dismissRejections', {});
    await expectConverged(file.server, r.id, [r.office, r.laptop]);
  });

  it('a line entered offline after the count was approved is refused with the reason, and undone', async () => {
    const r = await restaurant();
    const count = await r.office.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    await syncAll([r.office, r.tablet]);
    await r.tablet.setOnline(false);
    await enter(r.tablet, count.id, r.rice, r.dry, '9');
    await enter(r.office, count.id, r.milk, r.walkIn, '18');
    await r.office.call('counts.approve', { countId: count.id });
    await syncAll([r.office]);
    await r.tablet.setOnline(true);
    expect(await r.tablet.syncNow()).toMatchObject({ state: 'online', rejections: 1 });
    const [refusal] = await r.tablet.call('sync.rejections', {});
    expect(refusal).toMatchObject({ what: 'A count line of Rice' });
    expect(refusal!.reason).toMatch(/^This count was already approved by .+, so this count line was not kept\.$/);
    await r.tablet.syncNow();
    expect(await linesOn(r.tablet, count.id)).toEqual(['Walk-in Milk 18']);
    expect((await r.tablet.call('counts.get', { countId: count.id })).count.status).toBe('approved');
  });
});

describe('a run of lines pushed together', () => {
  it('one line for an item deleted meanwhile is refused alone; the lines around it arrive', async () => {
    const r = await restaurant();
    const count = await r.office.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    await syncAll([r.office, r.tablet]);
    await r.tablet.setOnline(false);
    await enter(r.tablet, count.id, r.rice, r.dry, '9');
    await enter(r.tablet, count.id, r.flour, r.dry, '40');
    await enter(r.tablet, count.id, r.milk, r.walkIn, '18');
    await r.office.call('inventory.delete', { id: r.flour });
    await syncAll([r.office]);
    await r.tablet.setOnline(true);
    expect(await r.tablet.syncNow()).toMatchObject({ state: 'online', waiting: 0, rejections: 1 });
    expect(await r.tablet.call('sync.rejections', {})).toEqual([
      expect.objectContaining({ what: 'A count line of Flour' }),
    ]);
    await syncAll([r.office, r.tablet]);
    for (const device of [r.office, r.tablet])
      expect((await linesOn(device, count.id)).sort()).toEqual(['Dry store Rice 9', 'Walk-in Milk 18']);
  });
});

describe('joining a server', () => {
  it('brings up the counts made on a computer alone: their lines, undos and what their approval posted', async () => {
    const pc = await file.devices.open('pc');
    const registration = owner();
    const { restaurant } = await pc.call('auth.register', registration);
    const oil = await pc.call('inventory.create', itemInput({ name: 'Oil', unit: 'L', openingStock: '8' }));
    const done = await pc.call('counts.start', { scope: 'full' });
    const typo = await enter(pc, done.id, oil.id, null, '60');
    await pc.call('counts.undoEntry', { countId: done.id, entryId: typo.entry.id });
    await enter(pc, done.id, oil.id, null, '6');
    await pc.call('counts.approve', { countId: done.id });
    const open = await pc.call('counts.start', { scope: 'full' });
    await enter(pc, open.id, oil.id, null, '5');
    await pc.connect({ ownerPassword: PASSWORD });
    const laptop = await file.devices.signedIn('laptop', registration.username);
    await syncAll([pc, laptop]);
    const state = await expectConverged(file.server, restaurant.id, [pc, laptop]);
    expect(state.counts.counts.map((count) => count.status).sort()).toEqual(['approved', 'open']);
    expect(state.counts.entries.map((entry) => entry.kind).sort()).toEqual(['set', 'set', 'set', 'void']);
    expect(state.counts.results).toEqual([expect.objectContaining({ countId: done.id, quantityMilli: 6000 })]);
    expect(await linesOn(laptop, open.id)).toEqual(['Not on a shelf Oil 5']);
    expect((await laptop.call('inventory.get', { id: oil.id })).onHand).toBe('6');
  });
});

/** The count movements a device's approvals recorded (its outbox kept them in `recorded`). */
function byOfficeMovements(device: Device): string[] {
  const held = new Set(device.db.prepare('SELECT id FROM stock_movements').pluck().all() as string[]);
  return [...device.recorded].filter((id) => !held.has(id));
}
