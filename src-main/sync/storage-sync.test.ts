/**
 * Storage areas, shelf order and count units between computers, over the real TLS PostgreSQL: two
 * people ordering different shelves both keep their work, two ordering the same shelf end with the
 * same order everywhere, an item sits in two storage areas, and count units travel with items.
 */
import { describe, expect, it } from 'vitest';
import { itemInput, owner, PASSWORD } from '../testing/temp-core';
import { type Device, expectConverged, officeTestFile, syncAll, syncOffline } from './testing/devices';

const file = officeTestFile();

async function laptop(): Promise<Device> {
  return file.devices.signedIn('laptop', file.restaurant.owner.username);
}

async function names(device: Device, storageAreaId: string): Promise<string[]> {
  const area = (await device.call('storage.list', {})).areas.find((one) => one.id === storageAreaId);
  if (!area) throw new Error(`${device.name} has no storage area ${storageAreaId}`);
  return Promise.all(area.itemIds.map(async (id) => (await device.call('inventory.get', { id })).name));
}

/** A storage area with `items` on its shelf in that order, made on the office PC. */
async function shelfOf(area: 'kitchen' | 'bar', name: string, items: string[]) {
  const storageArea = await file.office.call('storage.createArea', { area, name });
  const ids: Record<string, string> = {};
  for (const item of items) {
    ids[item] = (await file.office.call('inventory.create', itemInput({ area, name: `${item} ${name}` }))).id;
    await file.office.call('storage.placeItem', { storageAreaId: storageArea.id, itemId: ids[item] });
  }
  return { id: storageArea.id, ids, label: (item: string) => `${item} ${name}` };
}

const move = (device: Device, storageAreaId: string, itemId: string, toIndex: number) =>
  device.call('storage.placeItem', { storageAreaId, itemId, toIndex });

describe('shelf order between computers', () => {
  it('keeps the work of two people who reorder different shelves at once, one of them offline', async () => {
    const cooler = await shelfOf('kitchen', 'cooler', ['Milk', 'Cream', 'Butter', 'Eggs']);
    const dry = await shelfOf('kitchen', 'dry', ['Flour', 'Rice', 'Sugar']);
    const pc2 = await laptop();
    await syncAll([file.office, pc2]);

    await pc2.setOnline(false);
    await move(pc2, dry.id, dry.ids.Sugar!, 0);
    await move(pc2, dry.id, dry.ids.Flour!, 2);
    await syncOffline(pc2);
    await move(file.office, cooler.id, cooler.ids.Eggs!, 0);
    await move(file.office, cooler.id, cooler.ids.Milk!, 3);
    await pc2.setOnline(true);
    await syncAll([file.office, pc2]);

    const coolerOrder = ['Eggs', 'Cream', 'Butter', 'Milk'].map(cooler.label);
    const dryOrder = ['Sugar', 'Rice', 'Flour'].map(dry.label);
    for (const device of [file.office, pc2]) {
      expect(await names(device, cooler.id), device.name).toEqual(coolerOrder);
      expect(await names(device, dry.id), device.name).toEqual(dryOrder);
    }
    await expectConverged(file.server, file.restaurant.id, [file.office, pc2]);
  });

  it('ends with one order everywhere when two people reorder the same shelf apart, equal keys included', async () => {
    const bar = await shelfOf('bar', 'back bar', ['Gin', 'Rum', 'Vodka', 'Whisky', 'Tequila']);
    const pc2 = await laptop();
    await syncAll([file.office, pc2]);

    await pc2.setOnline(false);
    // Both put an item between Gin and Rum: the same key on both computers, broken by item id.
    await move(file.office, bar.id, bar.ids.Tequila!, 1);
    await move(pc2, bar.id, bar.ids.Whisky!, 1);
    // Both move Vodka, to different places: the move the server receives last wins.
    await move(file.office, bar.id, bar.ids.Vodka!, 0);
    await move(pc2, bar.id, bar.ids.Vodka!, 4);
    await syncAll([file.office]);
    await pc2.setOnline(true);
    await syncAll([pc2, file.office]);

    const order = await names(file.office, bar.id);
    expect(await names(pc2, bar.id)).toEqual(order);
    expect(order[order.length - 1]).toBe(bar.label('Vodka'));
    expect(order.slice(0, 3)).toEqual(
      [
        'Gin',
        ...[bar.ids.Tequila!, bar.ids.Whisky!].sort().map((id) => (id === bar.ids.Tequila ? 'Tequila' : 'Whisky')),
      ].map(bar.label),
    );
    await expectConverged(file.server, file.restaurant.id, [file.office, pc2]);

    // A move beside the tie writes only its own row, and lands where it was put.
    await move(pc2, bar.id, bar.ids.Rum!, 0);
    await syncAll([pc2, file.office]);
    expect((await names(file.office, bar.id))[0]).toBe(bar.label('Rum'));
  });

  it('puts an item in two storage areas, each at its own place, and takes it off one', async () => {
    const backBar = await shelfOf('bar', 'front', ['Gin', 'Tonic']);
    const cellar = await file.office.call('storage.createArea', { area: 'bar', name: 'Cellar' });
    const pc2 = await laptop();
    await syncAll([file.office, pc2]);
    const gin = backBar.ids.Gin!;
    const tonic = backBar.ids.Tonic!;
    await pc2.call('storage.placeItem', { storageAreaId: cellar.id, itemId: tonic });
    await pc2.call('storage.placeItem', { storageAreaId: cellar.id, itemId: gin });
    await syncAll([pc2, file.office]);
    expect(await names(file.office, backBar.id)).toEqual(['Gin', 'Tonic'].map(backBar.label));
    expect(await names(file.office, cellar.id)).toEqual(['Tonic', 'Gin'].map(backBar.label));

    await file.office.call('storage.removeItem', { storageAreaId: backBar.id, itemId: gin });
    await syncAll([file.office, pc2]);
    expect(await names(pc2, backBar.id)).toEqual([backBar.label('Tonic')]);
    expect(await names(pc2, cellar.id)).toEqual(['Tonic', 'Gin'].map(backBar.label));
    await expectConverged(file.server, file.restaurant.id, [file.office, pc2]);
  });

  it('brings storage areas made on a new computer, renamed, moved and archived elsewhere, to every computer', async () => {
    const pc2 = await laptop();
    const freezer = await pc2.call('storage.createArea', { area: 'kitchen', name: 'Freezer' });
    await syncAll([pc2, file.office]);
    await file.office.call('storage.renameArea', { id: freezer.id, name: 'Chest freezer' });
    await file.office.call('storage.moveArea', { id: freezer.id, toIndex: 0 });
    await pc2.call('storage.archiveArea', { id: freezer.id, archived: true });
    await syncAll([file.office, pc2]);
    for (const device of [file.office, pc2]) {
      const areas = (await device.call('storage.list', {})).areas;
      expect(areas[0], device.name).toMatchObject({ id: freezer.id, name: 'Chest freezer', archived: true });
    }
    await expectConverged(file.server, file.restaurant.id, [file.office, pc2]);
  });
});

describe('count units between computers', () => {
  it('travel with the item; the last list the server receives wins everywhere', async () => {
    const wine = await file.office.call('inventory.create', itemInput({ area: 'bar', name: 'House red', unit: 'L' }));
    const pc2 = await laptop();
    await syncAll([file.office, pc2]);
    const bottles = [{ name: 'bottle', size: '0.7', step: '0.1' }];
    const kegs = [{ name: 'keg', size: '50', step: null }];
    await pc2.setOnline(false);
    await file.office.call('inventory.setCountUnits', { itemId: wine.id, units: bottles });
    await pc2.call('inventory.setCountUnits', { itemId: wine.id, units: kegs });
    await syncAll([file.office]);
    // While its own list waits to be pushed, the laptop keeps showing it.
    await pc2.setOnline(true);
    await syncAll([pc2, file.office]);
    for (const device of [file.office, pc2]) {
      expect(await device.call('inventory.countUnits', { itemId: wine.id }), device.name).toEqual({
        itemId: wine.id,
        units: kegs,
      });
    }
    await expectConverged(file.server, file.restaurant.id, [file.office, pc2]);
  });

  it('are refused for staff by the server too, and undone on the computer that tried', async () => {
    const rice = await file.office.call('inventory.create', itemInput({ name: 'Sushi rice' }));
    // A computer whose outbox holds a change its user may not make (written past the core's check).
    const staff = await file.office.call('team.create', {
      username: `staff-${rice.id.slice(-6)}`,
      email: `staff-${rice.id.slice(-6)}@example.com`,
      fullName: 'Sid Staff',
      position: '',
      role: 'staff',
      password: 'correct horse battery',
    });
    await syncAll([file.office]);
    const pc2 = await file.devices.signedIn(
      'staff pc',
      staff.username,
      'correct horse battery',
      file.restaurant.owner.username,
    );
    await syncAll([pc2]);
    pc2.db
      .prepare("INSERT INTO outbox (name, args, created_at, author_id) VALUES ('countUnits.set', ?, ?, ?)")
      .run(
        JSON.stringify({ itemId: rice.id, units: [{ name: 'sack', size: '25', step: null }] }),
        new Date().toISOString(),
        staff.id,
      );
    pc2.db
      .prepare('INSERT INTO count_units (item_id, units) VALUES (?, \'[{"name":"sack","size":"25","step":null}]\')')
      .run(rice.id);
    await pc2.syncNow();
    expect(await pc2.call('sync.rejections', {})).toMatchObject([
      { what: 'Count units of Sushi rice', reason: 'Only an owner or a manager can change the item list.' },
    ]);
    expect(await pc2.call('inventory.countUnits', { itemId: rice.id })).toEqual({ itemId: rice.id, units: [] });
  });
});

describe('joining a server', () => {
  it('brings up the storage areas, shelves and count units made on this computer alone', async () => {
    const pc = await file.devices.open('pc');
    const registration = owner();
    const { restaurant } = await pc.call('auth.register', registration);
    const gin = await pc.call('inventory.create', itemInput({ area: 'bar', name: 'Gin', unit: 'bottle' }));
    const cellar = await pc.call('storage.createArea', { area: 'bar', name: 'Cellar' });
    const old = await pc.call('storage.createArea', { area: 'bar', name: 'Old cellar' });
    await pc.call('storage.archiveArea', { id: old.id, archived: true });
    await pc.call('storage.placeItem', { storageAreaId: cellar.id, itemId: gin.id });
    await pc.call('inventory.setCountUnits', { itemId: gin.id, units: [{ name: 'case', size: '6', step: null }] });
    await pc.connect({ ownerPassword: PASSWORD });
    const pc2 = await file.devices.signedIn('laptop', registration.username);
    await syncAll([pc, pc2]);
    expect(await names(pc2, cellar.id)).toEqual(['Gin']);
    const state = await expectConverged(file.server, restaurant.id, [pc, pc2]);
    expect(state.storage).toMatchObject({
      areas: expect.arrayContaining([expect.objectContaining({ name: 'Old cellar', archived: true })]),
      places: [{ storageAreaId: cellar.id, itemId: gin.id, removed: false }],
      countUnits: [{ itemId: gin.id, units: [{ name: 'case', size: '6', step: null }] }],
    });
  });
});
