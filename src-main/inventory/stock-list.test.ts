import { describe, expect, it } from 'vitest';
import { itemInput, registerOwner, testCores } from '../testing/temp-core';

const open = testCores();

/** An owner's kitchen with two items, listed once so the in-memory list exists. */
async function listedKitchen() {
  const core = await open();
  await registerOwner(core, { fullName: 'Olive Owner' });
  const flour = await core.call('inventory.create', itemInput({ name: 'Flour', unitCost: '2.00', openingStock: '5' }));
  const sugar = await core.call('inventory.create', itemInput({ name: 'sugar', unitCost: '1.00', openingStock: '3' }));
  const kitchen = () => core.call('inventory.list', { area: 'kitchen' });
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
    expect((await core.call('inventory.list', { area: 'bar' })).items).toEqual([]);
    core.db.prepare("UPDATE items SET area = 'bar' WHERE id = ?").run(flour.id);
    expect((await kitchen()).items.map((item) => item.name)).toEqual(['apples']);
    expect((await core.call('inventory.list', { area: 'bar' })).items.map((item) => item.name)).toEqual(['Flour']);
  });

  it('shows a renamed person as the one who last changed items', async () => {
    const { core, kitchen } = await listedKitchen();
    const { email, position, kitchenProduceList, barProduceList } = (await core.call('auth.session', {}))!.user;
    const profile = { email, position, kitchenProduceList, barProduceList };
    await core.call('auth.updateProfile', { ...profile, fullName: 'Olive Oyl' });
    expect(new Set((await kitchen()).items.map((item) => item.updatedByName))).toEqual(new Set(['Olive Oyl']));
  });
});
