/**
 * An item's count units (a case of 12 bottles, a bottle of 0.7 L counted in tenths). Owners and
 * managers shape the item list, so they set them; anyone reads them to count.
 */
import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import { countUnitProblems } from '../../shared/count-units';
import { AppFailure, fail } from '../../shared/errors';
import { type Actor, requireManager } from '../ipc/actor';
import type { StoreContext } from '../store/context';
import { appendMutation } from '../store/outbox';
import { countUnitsOf, saveCountUnits } from './count-units-store';
import { findItem } from './items-store';

type ItemUnits = ChannelOutput<'inventory.countUnits'>;

export type CountUnitsService = ReturnType<typeof createCountUnitsService>;

export function createCountUnitsService({ db, clock }: StoreContext) {
  function itemOf(actor: Actor, id: string) {
    const item = findItem(db, actor.restaurantId, id);
    if (!item) throw fail.notFound('That item no longer exists.');
    return item;
  }

  return {
    get(actor: Actor, itemId: string): ItemUnits {
      return { itemId: itemOf(actor, itemId).id, units: countUnitsOf(db, itemId) };
    },

    set(actor: Actor, { itemId, units }: ParsedInput<'inventory.setCountUnits'>): ItemUnits {
      requireManager(actor);
      const item = itemOf(actor, itemId);
      const problems = countUnitProblems(units, item.unit).map(({ path, message }) => ({
        path: `units.${path}`,
        message,
      }));
      if (problems.length > 0) {
        throw new AppFailure({ kind: 'validation', message: problems[0]!.message, issues: problems });
      }
      const at = clock.now().toISOString();
      db.transaction(() => {
        saveCountUnits(db, item.id, units);
        appendMutation(db, { name: 'countUnits.set', args: { itemId: item.id, units }, at, authorId: actor.userId });
      })();
      return { itemId: item.id, units };
    },
  };
}
