/**
 * Kitchen and bar stock: items scoped to the session's restaurant. Owners and managers shape the
 * item list; anyone on the team records stock movements. Every write lands in the outbox with it.
 */
import type { ParsedInput } from '../../shared/contract';
import type { InventoryList, Item, Movement } from '../../shared/contract/inventory';
import type { Area } from '../../shared/domain';
import { fail } from '../../shared/errors';
import { centsFromMoney } from '../../shared/money';
import { milliFromQuantity } from '../../shared/quantity';
import { type Actor, requireManager } from '../ipc/actor';
import { serverTime } from '../store/clock-offset';
import type { StoreContext } from '../store/context';
import { newId } from '../store/ids';
import { appendMutation } from '../store/outbox';
import * as items from './items-store';
import * as movements from './movements-store';
import type { StockList } from './stock-list';
import { toItem, toMovement } from './views';

type ItemInput = Partial<ParsedInput<'inventory.update'>>;
type StockChange = Pick<ParsedInput<'inventory.adjustStock'>, 'reason' | 'quantity' | 'note' | 'occurredAt'>;

/** A time given for a movement may be this far ahead of now: a minute typed as the current one. */
const FUTURE_GRACE_MS = 60_000;

/** Contract strings → stored integers, for the fields present. */
function toFields(input: ItemInput): Partial<items.ItemFields> {
  return {
    name: input.name,
    category: input.category,
    supplier: input.supplier,
    unit: input.unit,
    unitCostCents: input.unitCost === undefined ? undefined : centsFromMoney(input.unitCost),
    parMilli: input.par === undefined ? undefined : input.par === null ? null : milliFromQuantity(input.par),
  };
}

export type InventoryService = ReturnType<typeof createInventoryService>;

export function createInventoryService({ db, clock }: StoreContext, stockList: StockList) {
  const now = () => clock.now().toISOString();

  function itemOf(actor: Actor, id: string): items.ItemRow {
    const row = items.findItem(db, actor.restaurantId, id);
    if (!row) throw fail.notFound('That item no longer exists.');
    return row;
  }

  function assertNameFree(actor: Actor, area: Area, name: string, exceptId?: string): void {
    if (items.isNameTaken(db, actor.restaurantId, area, name, exceptId)) {
      throw fail.conflict(`There is already an item called "${name}" in the ${area}.`, 'name');
    }
  }

  /**
   * When a movement happened. Now: on the server's clock as this computer knows it, and after the
   * item's latest count (a movement recorded now comes after what is already known of the item, even
   * if another computer's clock ran a little ahead). Or a time a person gave (read off the wall, so
   * not corrected), never in the future.
   */
  function happened(
    itemId: string,
    occurredAt: string | undefined,
  ): Pick<movements.NewMovement, 'occurredAt' | 'clockOffsetMs'> {
    const now = serverTime(db, clock);
    if (occurredAt === undefined) {
      const after = movements.latestCountAt(db, itemId);
      const ms = after === null ? now.ms : Math.max(now.ms, Date.parse(after) + 1);
      return { occurredAt: new Date(ms).toISOString(), clockOffsetMs: now.offsetMs };
    }
    if (Date.parse(occurredAt) > now.ms + FUTURE_GRACE_MS) {
      throw fail.validation('occurredAt', 'When it happened cannot be in the future');
    }
    return { occurredAt, clockOffsetMs: null };
  }

  /** Records a movement with its outbox entry (inside the caller's transaction); the item's level after it. */
  function record(actor: Actor, itemId: string, change: StockChange): number {
    const movement = {
      id: newId(),
      restaurantId: actor.restaurantId,
      itemId,
      reason: change.reason,
      quantityMilli: milliFromQuantity(change.quantity),
      note: change.note,
      by: actor.userId,
      at: now(),
      ...happened(itemId, change.occurredAt),
    };
    movements.insertMovement(db, movement);
    const onHand = movements.moveOnHand(db, movement);
    appendMutation(db, { name: 'movement.record', args: movement, at: movement.at, authorId: actor.userId });
    return onHand;
  }

  return {
    list(actor: Actor, area: Area): InventoryList {
      return stockList.list(actor.restaurantId, area);
    },

    get(actor: Actor, id: string): Item {
      return toItem(itemOf(actor, id));
    },

    create(actor: Actor, input: ParsedInput<'inventory.create'>): Item {
      requireManager(actor);
      assertNameFree(actor, input.area, input.name);
      const id = newId();
      const item = { ...(toFields(input) as items.ItemFields), id, restaurantId: actor.restaurantId, area: input.area };
      db.transaction(() => {
        items.insertItem(db, { ...item, by: actor.userId, at: now() });
        appendMutation(db, { name: 'item.create', args: item, at: now(), authorId: actor.userId });
        if (milliFromQuantity(input.openingStock) > 0)
          record(actor, id, { reason: 'count', quantity: input.openingStock, note: 'Opening stock' });
      })();
      return toItem(itemOf(actor, id));
    },

    update(actor: Actor, input: ParsedInput<'inventory.update'>): Item {
      requireManager(actor);
      const current = itemOf(actor, input.id);
      if (input.name !== undefined) assertNameFree(actor, current.area, input.name, current.id);
      const fields = toFields(input);
      db.transaction(() => {
        items.updateItem(db, current.id, fields, actor.userId, now());
        appendMutation(db, {
          name: 'item.update',
          args: { id: current.id, ...fields },
          at: now(),
          authorId: actor.userId,
        });
      })();
      return toItem(itemOf(actor, current.id));
    },

    delete(actor: Actor, id: string): { ok: true } {
      requireManager(actor);
      const current = itemOf(actor, id);
      db.transaction(() => {
        items.tombstoneItem(db, current.id, actor.userId, now());
        appendMutation(db, { name: 'item.delete', args: { id: current.id }, at: now(), authorId: actor.userId });
      })();
      return { ok: true };
    },

    adjustStock(actor: Actor, input: ParsedInput<'inventory.adjustStock'>): Item {
      const current = itemOf(actor, input.itemId);
      const onHand = db.transaction(() => record(actor, current.id, input))();
      // A movement changes only the item's level: the rest is as just read.
      return toItem({ ...current, on_hand_milli: onHand });
    },

    history(actor: Actor, itemId: string): { item: Item; movements: Movement[] } {
      const item = itemOf(actor, itemId);
      const rows = movements.movementsOf(db, item.id);
      const levels = movements.runningOnHand(rows);
      const history = rows.map((row, index) => toMovement(row, levels[index] ?? 0)).reverse();
      return { item: toItem(item), movements: history };
    },
  };
}
