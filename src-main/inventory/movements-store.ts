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
  occurred_at: string;
  /** When the central server received it; null until pulled from there. */
  received_at: string | null;
}

export interface NewMovement {
  id: string;
  restaurantId: string;
  itemId: string;
  reason: MovementReason;
  quantityMilli: number;
  note: string;
  by: string;
  /** When this computer recorded it, by its own clock. */
  at: string;
  /** When it happened: on the server's clock as this computer knows it, or a time the user gave. */
  occurredAt: string;
  /** The offset to the server's clock `occurredAt` was corrected by; null when none was known. */
  clockOffsetMs: number | null;
}

/**
 * The order stock is derived in, the same on every computer and the server: when each movement
 * happened; at one instant a count comes last (it is the level as of then, after what happened
 * then); then by id.
 */
const ORDER = "ORDER BY m.occurred_at, m.reason = 'count', m.id";

export function insertMovement(db: Db, movement: NewMovement): void {
  sql<void, NewMovement>(
    db,
    `INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, note, recorded_by, recorded_at,
       occurred_at, clock_offset_ms)
     VALUES (@id, @restaurantId, @itemId, @reason, @quantityMilli, @note, @by, @at, @occurredAt, @clockOffsetMs)`,
  ).run(movement);
}

/** In the order stock is derived in, with the name of who recorded each. */
export const movementsOf = (db: Db, itemId: string): MovementRow[] =>
  sql<MovementRow, [itemId: string]>(
    db,
    `SELECT m.id, m.reason, m.quantity_milli, m.note, coalesce(u.full_name, '') AS recorded_by_name, m.recorded_at,
            m.occurred_at, m.received_at
       FROM stock_movements m LEFT JOIN users u ON u.id = m.recorded_by
      WHERE m.item_id = ? ${ORDER}`,
  ).all(itemId);

/** What the running level needs of a movement. */
type StockChange = Pick<MovementRow, 'reason' | 'quantity_milli'>;

/** The level after each movement, in order: a count sets it, anything else moves it. */
export function runningOnHand(movements: readonly StockChange[]): number[] {
  let onHand = 0;
  return movements.map((movement) => {
    onHand = setsLevel(movement.reason) ? movement.quantity_milli : onHand + movement.quantity_milli;
    return onHand;
  });
}

/** What placing a movement in the cached level needs of it. */
export type PlacedChange = Pick<NewMovement, 'id' | 'itemId' | 'reason' | 'quantityMilli' | 'occurredAt'>;

/**
 * Places a movement just recorded in its item's cached level, in the same transaction, without
 * reading the item's history. The cache remembers the latest count (when it happened, its id): a
 * movement after it moves the level, one before it changes nothing; a count after it becomes the
 * level plus whatever occurred after it (an index range, empty for a count taken now); an earlier
 * count changes nothing. Exact for any movement added to the item; removing one, or a movement whose
 * time changed (a pull), re-derives with `refreshOnHand`. Returns the item's level after it, so the
 * write answers without reading the item again.
 */
export function moveOnHand(db: Db, movement: PlacedChange): number {
  return sql<number, PlacedChange & { sets: number }>(
    db,
    `INSERT INTO item_stock (item_id, on_hand_milli, count_at, count_id)
     VALUES (@itemId, @quantityMilli, CASE WHEN @sets THEN @occurredAt END, CASE WHEN @sets THEN @id END)
     ON CONFLICT (item_id) DO UPDATE SET
       on_hand_milli = CASE
         WHEN NOT @sets THEN on_hand_milli + CASE WHEN @occurredAt > coalesce(count_at, '') THEN @quantityMilli ELSE 0 END
         WHEN (@occurredAt, @id) > (coalesce(count_at, ''), coalesce(count_id, '')) THEN @quantityMilli + (
           SELECT coalesce(sum(m.quantity_milli), 0) FROM stock_movements m
            WHERE m.item_id = @itemId AND m.occurred_at > @occurredAt AND m.reason <> 'count')
         ELSE on_hand_milli END,
       count_id = CASE WHEN @sets AND (@occurredAt, @id) > (coalesce(count_at, ''), coalesce(count_id, ''))
                       THEN @id ELSE count_id END,
       count_at = CASE WHEN @sets AND (@occurredAt, @id) > (coalesce(count_at, ''), coalesce(count_id, ''))
                       THEN @occurredAt ELSE count_at END
     RETURNING on_hand_milli`,
  )
    .pluck()
    .get({ ...movement, sets: setsLevel(movement.reason) ? 1 : 0 }) as number;
}

/** When the item's latest count happened, as its cached level remembers; null before any count. */
export const latestCountAt = (db: Db, itemId: string): string | null =>
  sql<string | null, [itemId: string]>(db, 'SELECT count_at FROM item_stock WHERE item_id = ?').pluck().get(itemId) ??
  null;

/**
 * Re-derives an item's on-hand level and caches it: its latest count by when it happened, plus every
 * other movement that occurred after it. Two index reads, however long the item's history.
 */
export function refreshOnHand(db: Db, itemId: string): number {
  const count = sql<{ id: string; at: string; quantity: number }, [itemId: string]>(
    db,
    `SELECT id, occurred_at AS at, quantity_milli AS quantity FROM stock_movements
      WHERE item_id = ? AND reason = 'count' ORDER BY occurred_at DESC, id DESC LIMIT 1`,
  ).get(itemId);
  const after = sql<number, [itemId: string, since: string]>(
    db,
    `SELECT coalesce(sum(quantity_milli), 0) FROM stock_movements
      WHERE item_id = ? AND occurred_at > ? AND reason <> 'count'`,
  )
    .pluck()
    .get(itemId, count?.at ?? '')!;
  const onHand = (count?.quantity ?? 0) + after;
  sql<void, { itemId: string; onHand: number; at: string | null; id: string | null }>(
    db,
    `INSERT INTO item_stock (item_id, on_hand_milli, count_at, count_id) VALUES (@itemId, @onHand, @at, @id)
     ON CONFLICT (item_id) DO UPDATE
       SET on_hand_milli = excluded.on_hand_milli, count_at = excluded.count_at, count_id = excluded.count_id`,
  ).run({ itemId, onHand, at: count?.at ?? null, id: count?.id ?? null });
  return onHand;
}

/**
 * A movement as the central server has it: its place in the server's order, when the server received
 * it, and the server's word on who recorded it (a change sent under another session than its
 * author's is the sender's there) and when (it bounds the times a computer's clock claims).
 */
export function saveMovement(db: Db, movement: NewMovement & { serverSeq: number; receivedAt: string | null }): void {
  sql<void, NewMovement & { serverSeq: number; receivedAt: string | null }>(
    db,
    `INSERT INTO stock_movements (id, restaurant_id, item_id, reason, quantity_milli, note, recorded_by, recorded_at,
       occurred_at, clock_offset_ms, received_at, server_seq)
     VALUES (@id, @restaurantId, @itemId, @reason, @quantityMilli, @note, @by, @at, @occurredAt, @clockOffsetMs,
       @receivedAt, @serverSeq)
     ON CONFLICT (id) DO UPDATE SET server_seq = excluded.server_seq, recorded_by = excluded.recorded_by,
       recorded_at = excluded.recorded_at, occurred_at = excluded.occurred_at, received_at = excluded.received_at`,
  ).run(movement);
}

/** A movement of the restaurant with its place in this computer's order, and in the server's once pulled. */
export type PlacedMovement = Omit<NewMovement, 'restaurantId'> & { seq: number; serverSeq: number | null };

/** The restaurant's movements after `afterSeq` in this computer's order, at most `limit`. */
export const movementsAfter = (db: Db, restaurantId: string, afterSeq: number, limit: number): PlacedMovement[] =>
  sql<PlacedMovement, { restaurantId: string; afterSeq: number; limit: number }>(
    db,
    `SELECT seq, id, item_id AS itemId, reason, quantity_milli AS quantityMilli, note, recorded_by AS "by",
            recorded_at AS "at", occurred_at AS occurredAt, clock_offset_ms AS clockOffsetMs, server_seq AS serverSeq
       FROM stock_movements WHERE restaurant_id = @restaurantId AND seq > @afterSeq ORDER BY seq LIMIT @limit`,
  ).all({ restaurantId, afterSeq, limit });
/** Removes a movement the server has not placed: one it refused. */
export function removeUnsyncedMovement(db: Db, id: string): void {
  sql<void, [id: string]>(db, 'DELETE FROM stock_movements WHERE id = ? AND server_seq IS NULL').run(id);
}

export function removeMovementsOf(db: Db, itemId: string): void {
  sql<void, [itemId: string]>(db, 'DELETE FROM stock_movements WHERE item_id = ?').run(itemId);
}
