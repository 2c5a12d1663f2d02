import { describe, expect, it } from 'vitest';
import { itemInput, lastMutationId, registerOwner, signInAs, type TestCore, testCores } from '../testing/temp-core';

const open = testCores();

/** Two restaurants in one store, each with stock; B's owner is signed in. */
async function twoRestaurants() {
  const core = await open();
  const a = await registerOwner(core);
  const flour = await core.call('inventory.create', itemInput({ name: 'Flour', unitCost: '1.10', openingStock: '20' }));
  const gin = await core.call('inventory.create', itemInput({ area: 'bar', name: 'Gin', openingStock: '3' }));
  await core.call('inventory.adjustStock', { itemId: flour.id, reason: 'usage', quantity: '-2' });
  const b = await registerOwner(core);
  const ownFlour = await core.call('inventory.create', itemInput({ name: 'Flour', unitCost: '0.90' }));
  return { core, a, b, aFlour: flour, aItems: [flour, gin], ownFlour };
}

/** Everything about A's items as stored, to prove B changed none of it. */
const snapshot = (core: TestCore) => ({
  items: core.db.prepare('SELECT * FROM items ORDER BY id').all(),
  movements: core.db.prepare('SELECT * FROM stock_movements ORDER BY seq').all(),
  stock: core.db.prepare('SELECT * FROM item_stock ORDER BY item_id').all(),
  outbox: lastMutationId(core.db),
});

describe('restaurant isolation', () => {
  it("B's lists never show A's items", async () => {
    const { core, ownFlour } = await twoRestaurants();
    const kitchen = await core.stock('kitchen');
    expect(kitchen.items.map((item) => item.id)).toEqual([ownFlour.id]);
    expect(kitchen.totalValue).toBe('0.00');
    expect(await core.stock('bar')).toEqual({ items: [], totalValue: '0.00' });
  });

  it("every use of A's item ids from B's session is not_found, and nothing changes", async () => {
    const { core, aItems } = await twoRestaurants();
    const before = snapshot(core);
    for (const { id } of aItems) {
      const attempts = [
        core.fail('inventory.get', { id }),
        core.fail('inventory.history', { itemId: id }),
        core.fail('inventory.update', { id, name: 'Mine now', unitCost: '0.01' }),
        core.fail('inventory.delete', { id }),
        core.fail('inventory.adjustStock', { itemId: id, reason: 'count', quantity: '0' }),
        core.fail('inventory.adjustStock', { itemId: id, reason: 'waste', quantity: '-1' }),
      ];
      for (const error of await Promise.all(attempts)) expect(error).toMatchObject({ kind: 'not_found' });
    }
    expect(snapshot(core)).toEqual(before);
  });

  it('A still sees its own items exactly as they were', async () => {
    const { core, a, aFlour } = await twoRestaurants();
    await core.fail('inventory.delete', { id: aFlour.id });
    await signInAs(core, a.user.username);
    const kitchen = await core.stock('kitchen');
    expect(kitchen.items).toMatchObject([{ id: aFlour.id, name: 'Flour', onHand: '18', stockValue: '19.80' }]);
    expect(kitchen.totalValue).toBe('19.80');
  });

  it("the same name may exist in both restaurants' kitchens", async () => {
    const { ownFlour, aFlour } = await twoRestaurants();
    expect(ownFlour.name).toBe(aFlour.name);
    expect(ownFlour.id).not.toBe(aFlour.id);
  });
});
