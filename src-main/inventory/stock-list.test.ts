import { describe, expect, it } from 'vitest';
import { stockItem, stockItems } from '../../shared/contract/inventory';
import { itemInput, registerOwner, signInAs, type TestCore, testCores, testKeychain } from '../testing/temp-core';

const open = testCores();

/** An owner's kitchen with two items, listed once so the in-memory list exists. */
async function listedKitchen() {
  const core = await open();
  await registerOwner(core, { fullName: 'Olive Owner' });
  const flour = await core.call('inventory.create', itemInput({ name: 'Flour', unitCost: '2.00', openingStock: '5' }));
  const sugar = await core.call('inventory.create', itemInput({ name: 'sugar', unitCost: '1.00', openingStock: '3' }));
  const kitchen = () => core.stock('kitchen');
  expect((await kitchen()).totalValue).toBe('13.00');
  return { core, flour, sugar, kitchen };
}

describe('the stock list kept in memory', () => {
  it('sees writes made behind the services, as a sync does, and not ones rolled back', async () => {
    const { core, flour, kitchen } = await listedKitchen();
    core.db.prepare("UPDATE items SET name = 'Bread flour' WHERE id = ?").run(flour.id);
    core.db.prepare('UPDATE item_stock SET on_hand_milli = 10000 WHERE item_id = ?').run(flour.id);
    const after = await kitchen();
    expect(after.items.map((item) => [item.name, item.onHand])).toEqual([
      ['Bread flour', '10'],
      ['sugar', '3'],
    ]);
    expect(after.totalValue).toBe('23.00');

    const rollback = core.db.transaction(() => {
      core.db.prepare("UPDATE items SET name = 'Never' WHERE id = ?").run(flour.id);
      throw new Error('rolled back');
    });
    expect(rollback).toThrow('rolled back');
    expect((await kitchen()).items.map((item) => item.name)).toEqual(['Bread flour', 'sugar']);
  });

  it('drops deleted items, adds new ones in name order (case aside), and moves items between areas', async () => {
    const { core, flour, sugar, kitchen } = await listedKitchen();
    await core.call('inventory.delete', { id: sugar.id });
    await core.call('inventory.create', itemInput({ name: 'apples', unitCost: '0.50', openingStock: '4' }));
    expect((await kitchen()).items.map((item) => item.name)).toEqual(['apples', 'Flour']);
    expect((await core.stock('bar')).items).toEqual([]);
    core.db.prepare("UPDATE items SET area = 'bar' WHERE id = ?").run(flour.id);
    expect((await kitchen()).items.map((item) => item.name)).toEqual(['apples']);
    expect((await core.stock('bar')).items.map((item) => item.name)).toEqual(['Flour']);
  });

  it('shows a renamed person as the one who last changed items', async () => {
    const { core, kitchen } = await listedKitchen();
    const { email, position, kitchenProduceList, barProduceList } = (await core.call('auth.session', {}))!.user;
    const profile = { email, position, kitchenProduceList, barProduceList };
    await core.call('auth.updateProfile', { ...profile, fullName: 'Olive Oyl' });
    expect(new Set((await kitchen()).items.map((item) => item.updatedByName))).toEqual(new Set(['Olive Oyl']));
  });
});

describe('the list on the wire and the item changes the change feed carries', () => {
  const follow = (core: TestCore, items?: number) =>
    core.call('sync.waitForChange', { since: { data: 0, status: 0, ...(items === undefined ? {} : { items }) } });

  it('sends compact rows that read back into the items, each person named once', async () => {
    const { core, flour, sugar } = await listedKitchen();
    const list = await core.call('inventory.list', { area: 'kitchen' });
    expect(list.people).toEqual(['Olive Owner']);
    expect(list.rows.map((row) => row.length)).toEqual([11, 11]);
    expect(stockItems(list)).toEqual([
      await core.call('inventory.get', { id: flour.id }),
      await core.call('inventory.get', { id: sugar.id }),
    ]);
  });

  it('carries the rows changed since a list was read, as the list has them now, and the ids deleted', async () => {
    const { core, flour, sugar } = await listedKitchen();
    const { version } = await core.call('inventory.list', { area: 'kitchen' });
    const adjusted = await core.call('inventory.adjustStock', { itemId: flour.id, reason: 'usage', quantity: '-1' });
    const answer = await follow(core, version);
    expect(answer.items).toBeGreaterThan(version);
    expect(answer.itemChanges?.deleted).toEqual([]);
    expect(answer.itemChanges?.rows.bar).toEqual([]);
    const [row] = answer.itemChanges?.rows.kitchen ?? [];
    expect(row && stockItem('kitchen', row, answer.itemChanges?.people ?? [])).toEqual(adjusted);

    await core.call('inventory.delete', { id: sugar.id });
    core.db.prepare("UPDATE items SET area = 'bar' WHERE id = ?").run(flour.id);
    const next = await follow(core, answer.items);
    expect(next.itemChanges?.rows.kitchen).toEqual([]);
    expect(next.itemChanges?.rows.bar.map((row) => row[0])).toEqual([flour.id]);
    expect(next.itemChanges?.deleted).toEqual([sugar.id]);
    // Nothing new since: an empty answer once the wait is over, not a refetch.
    expect((await core.call('inventory.list', { area: 'bar' })).version).toBe(next.items);
  });

  it('says "refetch" for a position of an earlier core, or when a person was renamed', async () => {
    const secrets = testKeychain();
    const before = await open({ secrets });
    await registerOwner(before, { fullName: 'Olive Owner' });
    const earlier = (await before.call('inventory.list', { area: 'kitchen' })).version;
    await before.close();
    const core = await open({ folder: before.folder, secrets });
    expect((await follow(core, earlier)).itemChanges).toBeNull();
    const { version } = await core.call('inventory.list', { area: 'kitchen' });
    expect((await follow(core, version)).itemChanges).toEqual({
      people: [],
      rows: { kitchen: [], bar: [] },
      deleted: [],
    });
    const { email, position, kitchenProduceList, barProduceList } = (await core.call('auth.session', {}))!.user;
    await core.call('auth.updateProfile', {
      email,
      position,
      kitchenProduceList,
      barProduceList,
      fullName: 'Olive Oyl',
    });
    expect((await follow(core, version)).itemChanges).toBeNull();
  });

  it('carries nothing of another restaurant on this computer, and nothing when not asked', async () => {
    const { core, flour } = await listedKitchen();
    const { version } = await core.call('inventory.list', { area: 'kitchen' });
    const ours = (await core.call('auth.session', {}))!.user.username;
    await registerOwner(core, { fullName: 'Other Owner' });
    await core.call('inventory.create', itemInput({ name: 'Their flour' }));
    await signInAs(core, ours);
    await core.call('inventory.adjustStock', { itemId: flour.id, reason: 'delivery', quantity: '1' });
    const answer = await follow(core, version);
    expect(answer.itemChanges?.rows.kitchen.map((row) => row[1])).toEqual(['Flour']);
    expect((await follow(core)).itemChanges).toBeNull();
  });
});
