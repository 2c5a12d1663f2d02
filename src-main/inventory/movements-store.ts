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

/**
 * Moves an item's cached on-hand level by a movement just recorded on this computer, in the same
 * transaction: a count sets it, anything else moves it. The cost does not grow with the item's
 * history. Exact for a movement that comes last in the item's order, as every movement recorded here
 * does today (not yet placed by the server, and the newest here); one placed earlier in the order (a
 * pulled one, or a back-dated one once movements carry when they happened) is re-derived with
 * `refreshOnHand` instead. Returns the item's level after it.
 */
export function moveOnHand(db: Db, movement: Pick<NewMovement, 'itemId' | 'reason' | 'quantityMilli'>): number {
  // Returns the new level, so the write answers without reading the item again.
  return sql<number, { itemId: string; quantityMilli: number; sets: number }>(
    db,
    `INSERT INTO item_stock (item_id, on_hand_milli) VALUES (@itemId, @quantityMilli)
     ON CONFLICT (item_id) DO UPDATE
       SET on_hand_milli = CASE WHEN @sets THEN excluded.on_hand_milli ELSE on_hand_milli + excluded.on_hand_milli END
     RETURNING on_hand_milli`,
  )
    .pluck()
    .get({
      itemId: movement.itemId,
      quantityMilli: movement.quantityMilli,
      sets: setsLevel(movement.reason) ? 1 : 0,
    }) as number;
}

/** Re-derives an item's on-hand level from all its movements and caches it. */
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

/**
 * A movement as the central server has it: its place in the server's order, and the server's word on
 * who recorded it (a change sent under another session than its author's is the sender's there) and
 * when (it bounds the time a computer's clock claims).
 */
export function saveMovement(db: Db, movement: NewMovement & { serverSeq: number }): void {
  sql<void, NewMovement & { serverSeq: number }>(
    db,
    `INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, note, recorded_by, recorded_at,
       server_seq)
     VALUES (@id, @restaurantId, @itemId, @reason, @quantityMilli, @note, @by, @at, @serverSeq)
     ON CONFLICT (id) DO UPDATE SET server_seq = excluded.server_seq, recorded_by = excluded.recorded_by,
       recorded_at = excluded.recorded_at`,
  ).run(movement);
}

/** A movement of the restaurant with its place in this computer's order, and in the server's once pulled. */
export type PlacedMovement = Omit<NewMovement, 'restaurantId'> & { seq: number; serverSeq: number | null };

/** The restaurant's movements after `afterSeq` in this computer's order, at most `limit`. */
export const movementsAfter = (db: Db, restaurantId: string, afterSeq: number, limit: number): PlacedMovement[] =>
  sql<PlacedMovement, { restaurantId: string; afterSeq: number; limit: number }>(
    db,
    `SELECT seq, id, item_id AS itemId, reason, quantity_milli AS quantityMilli, note, recorded_by AS "by",
            recorded_at AS "at", server_seq AS serverSeq
       FROM stock_movements WHERE restaurant_id = @restaurantId AND seq > @afterSeq ORDER BY seq LIMIT @limit`,
  ).all({ restaurantId, afterSeq, limit });

/** Removes a movement the server has not placed: one it refused. */
export function removeUnsyncedMovement(db: Db, id: string): void {
  sql<void, [id: string]>(db, 'DELETE FROM stock_movements WHERE id = ? AND server_seq IS NULL').run(id);
}

export function removeMovementsOf(db: Db, itemId: string): void {
  sql<void, [itemId: string]>(db, 'DELETE FROM stock_movements WHERE item_id = ?').run(itemId);
}
