/**
 * The cached on-hand level (item_stock) is moved by each write in its own transaction, not re-derived
 * from the item's history; it must always equal what the movements add up to. Sync's pulls and undone
 * refusals are checked by every sync test (deviceState), local writes by the property test of
 * inventory.test.ts; here, a long history and a restore.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../store/ids';
import { itemInput, registerOwner, testCores, testKeychain } from '../testing/temp-core';
import { insertMovement } from './movements-store';
import { onHandMismatches } from './testing/on-hand';

const open = testCores();

describe('the cached on-hand level', () => {
  it('moves from a long history as from a short one: a count sets it, later changes add up', async () => {
    const core = await open();
    const { user, restaurant } = await registerOwner(core);
    const flour = await core.call('inventory.create', itemInput({ name: 'Flour', openingStock: '5' }));
    // 3,000 deliveries of 0.001 after the opening count, written behind the services with their level.
    const at = core.clock.iso();
    const occurredAt = new Date(core.clock.now().getTime() + 1).toISOString();
    core.db.transaction(() => {
      for (let i = 0; i < 3_000; i++) {
        insertMovement(core.db, {
          id: newId(),
          restaurantId: restaurant.id,
          itemId: flour.id,
          reason: 'delivery',
          quantityMilli: 1,
          note: '',
          by: user.id,
          at,
          occurredAt,
          clockOffsetMs: null,
        });
      }
      core.db.prepare('UPDATE item_stock SET on_hand_milli = 8000 WHERE item_id = ?').run(flour.id);
    })();
    const adjust = (reason: 'usage' | 'count' | 'delivery', quantity: string) =>
      core.call('inventory.adjustStock', { itemId: flour.id, reason, quantity });
    expect((await adjust('usage', '-0.5')).onHand).toBe('7.5');
    expect((await adjust('count', '2')).onHand).toBe('2');
    expect((await adjust('delivery', '1.25')).onHand).toBe('3.25');
    expect(onHandMismatches(core.db)).toEqual([]);
  });

  it('is the restored store’s after a restore, and moves on from there', async () => {
    const secrets = testKeychain();
    const core = await open({ secrets });
    await registerOwner(core);
    const milk = await core.call('inventory.create', itemInput({ name: 'Milk', openingStock: '10' }));
    await core.call('inventory.adjustStock', { itemId: milk.id, reason: 'usage', quantity: '-2' });
    const backup = await core.call('backups.create', {});
    await core.call('inventory.adjustStock', { itemId: milk.id, reason: 'usage', quantity: '-3' });

    await core.call('backups.restore', { name: backup.name });
    expect((await core.call('inventory.get', { id: milk.id })).onHand).toBe('8');
    await core.close();
    // Reopened: the test's handle on the store went with the one the restore replaced.
    const reopened = await open({ folder: core.folder, secrets });
    const delivered = await reopened.call('inventory.adjustStock', {
      itemId: milk.id,
      reason: 'delivery',
      quantity: '4',
    });
    expect(delivered.onHand).toBe('12');
    expect(onHandMismatches(reopened.db)).toEqual([]);
  });
});
