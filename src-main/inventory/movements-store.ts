/** Stock movements: append-only facts about an item's stock, and the on-hand level they add up to. */
import type { MovementReason } from '../../shared/domain';
import { setsLevel } from '../../shared/quantity';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export interface MovementRow {
  id: string;
  reason: MovementReason;
  quantity_milli: number;
  note: string;
  /** Who recorded it, by name (the column `recorded_by` holds their user id). */
  recorded_by_name: string;
  recorded_at: string;
}

export interface NewMovement {
  id: string;
  restaurantId: string;
  itemId: string;
  reason: MovementReason;
  quantityMilli: number;
  note: string;
  by: string;
  at: string;
}

/** Server order for what has synced, then this device's order for what has not. */
const ORDER = 'ORDER BY m.server_seq IS NULL, m.server_seq, m.seq';

export function insertMovement(db: Db, movement: NewMovement): void {
  sql<void, NewMovement>(
    db,
    `INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, note, recorded_by, recorded_at)
     VALUES (@id, @restaurantId, @itemId, @reason, @quantityMilli, @note, @by, @at)`,
  ).run(movement);
}

/** Oldest first, with the name of who recorded each. */
export const movementsOf = (db: Db, itemId: string): MovementRow[] =>
  sql<MovementRow, [itemId: string]>(
    db,
    `SELECT m.id, m.reason, m.quantity_milli, m.note, coalesce(u.full_name, '') AS recorded_by_name, m.recorded_at
       FROM stock_movements m LEFT JOIN users u ON u.id = m.recorded_by
      WHERE m.item_id = ? ${ORDER}`,
  ).all(itemId);

/** The level after each movement: a count sets it, anything else moves it. */
/** What the running level needs of a movement. */
type StockChange = Pick<MovementRow, 'reason' | 'quantity_milli'>;

export function runningOnHand(movements: readonly StockChange[]): number[] {
  let onHand = 0;
  return movements.map((movement) => {
    onHand = setsLevel(movement.reason) ? movement.quantity_milli : onHand + movement.quantity_milli;
    return onHand;
  });
}

/** Re-derives an item's on-hand level from its movements and caches it. */
export function refreshOnHand(db: Db, itemId: string): number {
  const changes = sql<StockChange, [itemId: string]>(
    db,
    `SELECT m.reason, m.quantity_milli FROM stock_movements m WHERE m.item_id = ? ${ORDER}`,
  ).all(itemId);
  const onHand = runningOnHand(changes).at(-1) ?? 0;
  sql<void, { itemId: string; onHand: number }>(
    db,
    `INSERT INTO item_stock (item_id, on_hand_milli) VALUES (@itemId, @onHand)
     ON CONFLICT (item_id) DO UPDATE SET on_hand_milli = excluded.on_hand_milli`,
  ).run({ itemId, onHand });
  return onHand;
}
