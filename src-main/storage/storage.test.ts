/** Storage areas and shelf order over a real SQLite store: what a person does, and what it writes. */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import {
  itemInput,
  outboxAfter,
  restaurantWithTeam,
  type TestCore,
  tableCounts,
  testCores,
} from '../testing/temp-core';
import { keyAt } from './shelf-order';

const open = testCores();

async function kitchen() {
  const core = await open();
  const team = await restaurantWithTeam(core);
  const item = (name: string, area: 'kitchen' | 'bar' = 'kitchen') =>
    core.call('inventory.create', itemInput({ name, area }));
  return { core, team, item };
}

const areaNames = async (core: TestCore) =>
  (await core.call('storage.list', {})).areas.map(
    (area) => `${area.area}:${area.name}${area.archived ? ' (archived)' : ''}`,
  );

async function shelfNames(core: TestCore, storageAreaId: string): Promise<string[]> {
  const area = (await core.call('storage.list', {})).areas.find((one) => one.id === storageAreaId)!;
  return Promise.all(area.itemIds.map(async (id) => (await core.call('inventory.get', { id })).name));
}

const place = (core: TestCore, input: ChannelInput<'storage.placeItem'>) => core.call('storage.placeItem', input);

describe('storage areas', () => {
  it('are created under the kitchen or the bar, in order, renamed, moved and archived, never deleted', async () => {
    const { core } = await kitchen();
    const cooler = await core.call('storage.createArea', { area: 'kitchen', name: ' Walk-in cooler ' });
    const dry = await core.call('storage.createArea', { area: 'kitchen', name: 'Dry store' });
    await core.call('storage.createArea', { area: 'bar', name: 'Back bar' });
    const cellar = await core.call('storage.createArea', { area: 'bar', name: 'Cellar' });
    expect(cooler).toEqual({ id: cooler.id, area: 'kitchen', name: 'Walk-in cooler', archived: false });
    expect(await areaNames(core)).toEqual([
      'kitchen:Walk-in cooler',
      'kitchen:Dry store',
      'bar:Back bar',
      'bar:Cellar',
    ]);

    await core.call('storage.moveArea', { id: dry.id, toIndex: 0 });
    await core.call('storage.moveArea', { id: cellar.id, toIndex: 0 });
    await core.call('storage.renameArea', { id: cooler.id, name: 'Cold room' });
    await core.call('storage.archiveArea', { id: dry.id, archived: true });
    expect(await areaNames(core)).toEqual([
      'kitchen:Dry store (archived)',
      'kitchen:Cold room',
      'bar:Cellar',
      'bar:Back bar',
    ]);
    await core.call('storage.archiveArea', { id: dry.id, archived: false });
    expect(core.db.prepare('SELECT count(*) AS n FROM storage_areas').get()).toEqual({ n: 4 });
  });

  it('refuse a name the side already has, naming the field; an archived name is free again', async () => {
    const { core } = await kitchen();
    const cooler = await core.call('storage.createArea', { area: 'kitchen', name: 'Cooler' });
    const before = tableCounts(core.db);
    expect(await core.fail('storage.createArea', { area: 'kitchen', name: 'cooler' })).toEqual({
      kind: 'conflict',
      message: 'There is already a storage area called "cooler" in the kitchen.',
      field: 'name',
    });
    expect(tableCounts(core.db)).toEqual(before);
    await core.call('storage.createArea', { area: 'bar', name: 'Cooler' });
    await core.call('storage.archiveArea', { id: cooler.id, archived: true });
    await core.call('storage.createArea', { area: 'kitchen', name: 'Cooler' });
    expect(await core.fail('storage.archiveArea', { id: cooler.id, archived: false })).toMatchObject({
      kind: 'conflict',
      field: 'name',
    });
  });

  it('refuse input the contract does not allow, naming the field', async () => {
    const { core } = await kitchen();
    expect(await core.fail('storage.createArea', { area: 'cellar' as never, name: 'X' })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'area', message: 'Area must be kitchen or bar' }],
    });
    expect(await core.fail('storage.createArea', { area: 'bar', name: 'x'.repeat(61) })).toMatchObject({
      issues: [{ path: 'name', message: 'Storage area name must be at most 60 characters' }],
    });
    const cooler = await core.call('storage.createArea', { area: 'kitchen', name: 'Cooler' });
    expect(await core.fail('storage.moveArea', { id: cooler.id, toIndex: -1 })).toMatchObject({
      issues: [{ path: 'toIndex', message: 'Position cannot be negative' }],
    });
  });

  it('are shaped by owners and managers only; staff put items on shelves', async () => {
    const { core, team, item } = await kitchen();
    const rice = await item('Rice');
    const dry = await core.call('storage.createArea', { area: 'kitchen', name: 'Dry store' });
    await team.as(team.staff);
    expect((await core.fail('storage.createArea', { area: 'kitchen', name: 'Freezer' })).kind).toBe('forbidden');
    expect((await core.fail('storage.renameArea', { id: dry.id, name: 'Pantry' })).kind).toBe('forbidden');
    await place(core, { storageAreaId: dry.id, itemId: rice.id });
    expect(await shelfNames(core, dry.id)).toEqual(['Rice']);
  });
});

describe('shelves', () => {
  it('hold items in shelf order; a move writes one placement, and one mutation', async () => {
    const { core, item } = await kitchen();
    const dry = await core.call('storage.createArea', { area: 'kitchen', name: 'Dry store' });
    const items = await Promise.all(['Flour', 'Rice', 'Sugar', 'Salt'].map((name) => item(name)));
    for (const one of items) await place(core, { storageAreaId: dry.id, itemId: one.id });
    expect(await shelfNames(core, dry.id)).toEqual(['Flour', 'Rice', 'Sugar', 'Salt']);

    const before = outboxAfter(core.db).length;
    const rows = () => core.db.prepare('SELECT item_id, position FROM shelf_places ORDER BY item_id').all();
    const placed = rows();
    await place(core, { storageAreaId: dry.id, itemId: items[3]!.id, toIndex: 1 });
    expect(await shelfNames(core, dry.id)).toEqual(['Flour', 'Salt', 'Rice', 'Sugar']);
    const changed = (rows() as { position: string }[]).filter(
      (row, n) => row.position !== (placed[n] as typeof row).position,
    );
    expect(changed).toHaveLength(1);
    expect(
      outboxAfter(core.db)
        .slice(before)
        .map((m) => m.name),
    ).toEqual(['shelf.place']);

    await place(core, { storageAreaId: dry.id, itemId: items[0]!.id, toIndex: 99 });
    expect(await shelfNames(core, dry.id)).toEqual(['Salt', 'Rice', 'Sugar', 'Flour']);
    await core.call('storage.removeItem', { storageAreaId: dry.id, itemId: items[2]!.id });
    expect(await shelfNames(core, dry.id)).toEqual(['Salt', 'Rice', 'Flour']);
  });

  it('let an item sit in several storage areas of its side, each at its own place', async () => {
    const { core, item } = await kitchen();
    const vodka = await item('Vodka', 'bar');
    const gin = await item('Gin', 'bar');
    const backBar = await core.call('storage.createArea', { area: 'bar', name: 'Back bar' });
    const cellar = await core.call('storage.createArea', { area: 'bar', name: 'Cellar' });
    await place(core, { storageAreaId: backBar.id, itemId: vodka.id });
    await place(core, { storageAreaId: backBar.id, itemId: gin.id });
    await place(core, { storageAreaId: cellar.id, itemId: gin.id });
    await place(core, { storageAreaId: cellar.id, itemId: vodka.id });
    expect(await shelfNames(core, backBar.id)).toEqual(['Vodka', 'Gin']);
    expect(await shelfNames(core, cellar.id)).toEqual(['Gin', 'Vodka']);

    const cooler = await core.call('storage.createArea', { area: 'kitchen', name: 'Cooler' });
    expect(await core.fail('storage.placeItem', { storageAreaId: cooler.id, itemId: vodka.id })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'storageAreaId', message: 'Vodka is a bar item: put it in a bar storage area.' }],
    });
  });

  it('leave deleted items off every shelf', async () => {
    const { core, item } = await kitchen();
    const dry = await core.call('storage.createArea', { area: 'kitchen', name: 'Dry store' });
    const rice = await item('Rice');
    await place(core, { storageAreaId: dry.id, itemId: rice.id });
    await core.call('inventory.delete', { id: rice.id });
    expect(await shelfNames(core, dry.id)).toEqual([]);
  });
});

describe('shelf keys', () => {
  it('go between their neighbours, or beside a run of equal keys two computers made', () => {
    expect(keyAt([], 0)).toBe('a0');
    expect(keyAt(['a0', 'a1'], 1) > 'a0' && keyAt(['a0', 'a1'], 1) < 'a1').toBe(true);
    const tied = keyAt(['a0', 'a1', 'a1', 'a2'], 2);
    expect(tied > 'a1' && tied < 'a2').toBe(true);
    expect(keyAt(['a1', 'a1'], 1) > 'a1').toBe(true);
  });
});

describe('count units', () => {
  it('are set per item by managers, checked against its stock unit, each problem at its field', async () => {
    const { core, team, item } = await kitchen();
    const wine = await core.call('inventory.create', itemInput({ name: 'House red', area: 'bar', unit: 'L' }));
    const units = [
      { name: 'bottle', size: '0.7', step: '0.1' },
      { name: 'keg', size: '50', step: null },
    ];
    expect(await core.call('inventory.setCountUnits', { itemId: wine.id, units })).toEqual({ itemId: wine.id, units });
    expect(await core.call('inventory.countUnits', { itemId: wine.id })).toEqual({ itemId: wine.id, units });
    expect(outboxAfter(core.db).at(-1)).toMatchObject({ name: 'countUnits.set', args: { itemId: wine.id, units } });

    expect(
      await core.fail('inventory.setCountUnits', {
        itemId: wine.id,
        units: [
          { name: 'litres', size: '1', step: null },
          { name: 'jug', size: '0.333', step: '0.1' },
        ],
      }),
    ).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'units.1.step', message: '0.1 of a jug is no exact amount of L (three decimals at most)' }],
    });
    expect(
      await core.fail('inventory.setCountUnits', { itemId: wine.id, units: [{ name: 'case', size: '0', step: null }] }),
    ).toMatchObject({ issues: [{ path: 'units.0.size', message: 'Size must be above zero' }] });
    expect(await core.call('inventory.countUnits', { itemId: wine.id })).toEqual({ itemId: wine.id, units });

    const rice = await item('Rice');
    expect(await core.call('inventory.countUnits', { itemId: rice.id })).toEqual({ itemId: rice.id, units: [] });
    await team.as(team.staff);
    expect((await core.fail('inventory.setCountUnits', { itemId: rice.id, units: [] })).kind).toBe('forbidden');
  });
});
