/** All SQL about count sessions: counts, their append-only entries, and what an approval posted. */
import type { Area } from '../../shared/domain';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export type CountStatus = 'open' | 'submitted' | 'approved' | 'abandoned';

export interface CountRow {
  id: string;
  restaurant_id: string;
  /** JSON lists. */
  areas: string;
  scope: 'full' | 'partial';
  storage_area_ids: string;
  categories: string;
  as_of: string | null;
  blind: number;
  status: CountStatus;
  recount: string;
  started_by: string;
  started_at: string;
  submitted_at: string | null;
  closed_by: string | null;
  closed_at: string | null;
}

export type EntryKind = 'set' | 'add' | 'settle' | 'void';

export interface EntryRow {
  id: string;
  count_id: string;
  item_id: string;
  storage_area_id: string | null;
  kind: EntryKind;
  quantity_milli: number;
  /** JSON [{unit, amount}]. */
  parts: string;
  voids: string | null;
  counted_by: string;
  device_id: string;
  recorded_at: string;
  occurred_at: string;
  clock_offset_ms: number | null;
  received_at: string | null;
}

export interface ResultRow {
  count_id: string;
  item_id: string;
  movement_id: string;
  quantity_milli: number;
  occurred_at: string;
  decision: 'counted' | 'zero';
}

export const countsOf = (db: Db, restaurantId: string): CountRow[] =>
  sql<CountRow, [restaurantId: string]>(
    db,
    'SELECT * FROM counts WHERE restaurant_id = ? ORDER BY started_at DESC, id DESC',
  ).all(restaurantId);

export const findCount = (db: Db, restaurantId: string, id: string): CountRow | undefined =>
  sql<CountRow, { restaurantId: string; id: string }>(
    db,
    'SELECT * FROM counts WHERE restaurant_id = @restaurantId AND id = @id',
  ).get({ restaurantId, id });

/** A count as it is now: created, or every changing field brought to what is given. */
export function saveCount(db: Db, row: CountRow): void {
  sql<void, CountRow>(
    db,
    `INSERT INTO counts (id, restaurant_id, areas, scope, storage_area_ids, categories, as_of, blind, status, recount,
       started_by, started_at, submitted_at, closed_by, closed_at)
     VALUES (@id, @restaurant_id, @areas, @scope, @storage_area_ids, @categories, @as_of, @blind, @status, @recount,
       @started_by, @started_at, @submitted_at, @closed_by, @closed_at)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, recount = excluded.recount,
       submitted_at = excluded.submitted_at, closed_by = excluded.closed_by, closed_at = excluded.closed_at`,
  ).run(row);
}

/** Every entry of a count in the order its lines fold: when each happened, then id. */
export const entriesOf = (db: Db, countId: string): EntryRow[] =>
  sql<EntryRow, [countId: string]>(
    db,
    `SELECT id, count_id, item_id, storage_area_id, kind, quantity_milli, parts, voids, counted_by, device_id,
            recorded_at, occurred_at, clock_offset_ms, received_at
       FROM count_entries WHERE count_id = ? ORDER BY occurred_at, id`,
  ).all(countId);

export const entryCount = (db: Db, countId: string): number =>
  sql<number, [countId: string]>(db, 'SELECT count(*) FROM count_entries WHERE count_id = ?').pluck().get(countId) ?? 0;

export const findEntry = (db: Db, countId: string, id: string): EntryRow | undefined =>
  sql<EntryRow, { countId: string; id: string }>(
    db,
    'SELECT * FROM count_entries WHERE count_id = @countId AND id = @id',
  ).get({ countId, id });

/** Whether an entry has been undone. */
export const isVoided = (db: Db, entryId: string): boolean =>
  sql<1, [entryId: string]>(db, "SELECT 1 FROM count_entries WHERE voids = ? AND kind = 'void'").get(entryId) !==
  undefined;

/** An entry, once: pulled again, it takes the server's word on when it happened and arrived. */
export function saveEntry(db: Db, row: EntryRow): void {
  sql<void, EntryRow>(
    db,
    `INSERT INTO count_entries (id, count_id, item_id, storage_area_id, kind, quantity_milli, parts, voids, counted_by,
       device_id, recorded_at, occurred_at, clock_offset_ms, received_at)
     VALUES (@id, @count_id, @item_id, @storage_area_id, @kind, @quantity_milli, @parts, @voids, @counted_by,
       @device_id, @recorded_at, @occurred_at, @clock_offset_ms, @received_at)
     ON CONFLICT (id) DO UPDATE SET occurred_at = excluded.occurred_at, received_at = excluded.received_at`,
  ).run(row);
}

export const resultsOf = (db: Db, countId: string): ResultRow[] =>
  sql<ResultRow, [countId: string]>(db, 'SELECT * FROM count_results WHERE count_id = ? ORDER BY item_id').all(countId);

export function saveResult(db: Db, row: ResultRow): void {
  sql<void, ResultRow>(
    db,
    `INSERT INTO count_results (count_id, item_id, movement_id, quantity_milli, occurred_at, decision)
     VALUES (@count_id, @item_id, @movement_id, @quantity_milli, @occurred_at, @decision)
     ON CONFLICT (count_id, item_id) DO UPDATE SET movement_id = excluded.movement_id,
       quantity_milli = excluded.quantity_milli, occurred_at = excluded.occurred_at, decision = excluded.decision`,
  ).run(row);
}

/** Items a count lists, with what the sheet and the review show of each. */
export interface CountedItemRow {
  id: string;
  area: Area;
  name: string;
  category: string;
  unit: string;
  unit_cost_cents: number;
  on_hand_milli: number;
  units: string | null;
}

const ITEM_COLUMNS = `i.id, i.area, i.name, i.category, i.unit, i.unit_cost_cents, coalesce(s.on_hand_milli, 0) AS on_hand_milli,
  c.units`;
const ITEM_JOINS = `LEFT JOIN item_stock s ON s.item_id = i.id LEFT JOIN count_units c ON c.item_id = i.id`;

/**
 * A count's items: the live items of its areas (a full count), or of them those on the chosen
 * storage areas' shelves or in the chosen categories (a partial one); and any item counted in it.
 */
export const countItems = (db: Db, count: CountRow): CountedItemRow[] =>
  sql<
    CountedItemRow,
    { restaurantId: string; areas: string; full: number; storageAreas: string; categories: string; countId: string }
  >(
    db,
    `SELECT ${ITEM_COLUMNS} FROM items i ${ITEM_JOINS}
      WHERE i.restaurant_id = @restaurantId AND i.deleted_at IS NULL
        AND ((i.area IN (SELECT value FROM json_each(@areas))
              AND (@full OR i.category IN (SELECT value FROM json_each(@categories))
                   OR i.id IN (SELECT p.item_id FROM shelf_places p
                                WHERE p.removed_at IS NULL
                                  AND p.storage_area_id IN (SELECT value FROM json_each(@storageAreas)))))
             OR i.id IN (SELECT item_id FROM count_entries WHERE count_id = @countId))
      ORDER BY lower(i.name), i.id`,
  ).all({
    restaurantId: count.restaurant_id,
    areas: count.areas,
    full: count.scope === 'full' ? 1 : 0,
    storageAreas: count.storage_area_ids,
    categories: count.categories,
    countId: count.id,
  });

/**
 * An item's level as of `at`: its latest count then (at one instant a count comes last), plus every
 * other movement after it up to `at`; movements of `exceptCount` (an approved count's own) left out.
 * Two index reads, as on-hand is derived (docs/decisions/0013).
 */
export function onHandAt(
  db: Db,
  itemId: string,
  at: string,
  exceptCount: string,
): { onHandMilli: number; lastCountMilli: number | null; lastCountAt: string | null } {
  const count = sql<{ at: string; quantity: number }, { itemId: string; at: string; exceptCount: string }>(
    db,
    `SELECT occurred_at AS at, quantity_milli AS quantity FROM stock_movements
      WHERE item_id = @itemId AND reason = 'count' AND occurred_at <= @at
        AND id NOT IN (SELECT movement_id FROM count_results WHERE count_id = @exceptCount AND item_id = @itemId)
      ORDER BY occurred_at DESC, id DESC LIMIT 1`,
  ).get({ itemId, at, exceptCount });
  const after = sql<number, { itemId: string; since: string; at: string }>(
    db,
    `SELECT coalesce(sum(quantity_milli), 0) FROM stock_movements
      WHERE item_id = @itemId AND occurred_at > @since AND occurred_at <= @at AND reason <> 'count'`,
  )
    .pluck()
    .get({ itemId, since: count?.at ?? '', at })!;
  return {
    onHandMilli: (count?.quantity ?? 0) + after,
    lastCountMilli: count?.quantity ?? null,
    lastCountAt: count?.at ?? null,
  };
}

/** Movements of an item that happened after `from` up to `to`, summed by reason (counts left out). */
export const changesBetween = (db: Db, itemId: string, from: string, to: string): { reason: string; milli: number }[] =>
  sql<{ reason: string; milli: number }, { itemId: string; from: string; to: string }>(
    db,
    `SELECT reason, sum(quantity_milli) AS milli FROM stock_movements
      WHERE item_id = @itemId AND occurred_at > @from AND occurred_at <= @to AND reason <> 'count'
      GROUP BY reason`,
  ).all({ itemId, from, to });

/** The approved count before `count` (by the time each is as of, or began), other than it. */
export const previousApproved = (db: Db, count: CountRow): CountRow | undefined =>
  sql<CountRow, { restaurantId: string; id: string; at: string }>(
    db,
    `SELECT * FROM counts WHERE restaurant_id = @restaurantId AND status = 'approved' AND id <> @id
        AND coalesce(as_of, started_at) < @at
      ORDER BY coalesce(as_of, started_at) DESC, id DESC LIMIT 1`,
  ).get({ restaurantId: count.restaurant_id, id: count.id, at: count.as_of ?? count.started_at });

/** What folding a line reads of an entry (count-lines.ts). */
export type FoldedEntry = Pick<
  EntryRow,
  'id' | 'item_id' | 'storage_area_id' | 'kind' | 'quantity_milli' | 'voids' | 'counted_by' | 'occurred_at'
>;

/** A line's entries (voids included), in the order they fold: only what folding reads. */
export const lineEntries = (db: Db, countId: string, itemId: string, storageAreaId: string | null): FoldedEntry[] =>
  sql<FoldedEntry, { countId: string; itemId: string; storageAreaId: string | null }>(
    db,
    `SELECT id, item_id, storage_area_id, kind, quantity_milli, voids, counted_by, occurred_at FROM count_entries
      WHERE count_id = @countId AND item_id = @itemId AND storage_area_id IS @storageAreaId
      ORDER BY occurred_at, id`,
  ).all({ countId, itemId, storageAreaId });

/** When a counter's latest entry in a count happened: their next one comes after it. */
export const latestEntryAt = (db: Db, countId: string, countedBy: string): string | null =>
  sql<string | null, { countId: string; countedBy: string }>(
    db,
    'SELECT max(occurred_at) FROM count_entries WHERE count_id = @countId AND counted_by = @countedBy',
  )
    .pluck()
    .get({ countId, countedBy }) ?? null;

/** How many items have a line still counted (not every entry undone). */
export const itemsCounted = (db: Db, countId: string): number =>
  sql<number, { countId: string }>(
    db,
    `SELECT count(DISTINCT item_id) FROM count_entries
      WHERE count_id = @countId AND kind <> 'void'
        AND id NOT IN (SELECT voids FROM count_entries WHERE count_id = @countId AND kind = 'void')`,
  )
    .pluck()
    .get({ countId }) ?? 0;

export const personName = (db: Db, userId: string): string =>
  sql<string, [userId: string]>(db, 'SELECT full_name FROM users WHERE id = ?').pluck().get(userId) ?? '';

export const hasCount = (db: Db, id: string): boolean =>
  sql<1, [id: string]>(db, 'SELECT 1 FROM counts WHERE id = ?').get(id) !== undefined;

/** Removes an entry the server has not taken: one it refused. */
export function removeUnsyncedEntry(db: Db, id: string): void {
  sql<void, [id: string]>(db, 'DELETE FROM count_entries WHERE id = ? AND received_at IS NULL').run(id);
}

/** Removes what an approval the server refused posted here, by its movements' ids. */
export function removeResultsOf(db: Db, movementId: string): void {
  sql<void, [movementId: string]>(db, 'DELETE FROM count_results WHERE movement_id = ?').run(movementId);
}

/** Removes a count the server never took, with everything in it. */
export function removeCount(db: Db, id: string): void {
  sql<void, [id: string]>(db, 'DELETE FROM count_results WHERE count_id = ?').run(id);
  sql<void, [id: string]>(db, 'DELETE FROM count_entries WHERE count_id = ?').run(id);
  sql<void, [id: string]>(db, 'DELETE FROM counts WHERE id = ?').run(id);
}

/** Everything this computer holds of the restaurant's counts: what an upload sends. */
export const restaurantCounts = (db: Db, restaurantId: string): CountRow[] =>
  sql<CountRow, [restaurantId: string]>(db, 'SELECT * FROM counts WHERE restaurant_id = ? ORDER BY started_at, id').all(
    restaurantId,
  );

/** The restaurant's entries after `afterSeq` in the order this computer took them, at most `limit`. */
export const entriesAfter = (
  db: Db,
  restaurantId: string,
  afterSeq: number,
  limit: number,
): (EntryRow & { seq: number })[] =>
  sql<EntryRow & { seq: number }, { restaurantId: string; afterSeq: number; limit: number }>(
    db,
    `SELECT e.* FROM count_entries e JOIN counts c ON c.id = e.count_id
      WHERE c.restaurant_id = @restaurantId AND e.seq > @afterSeq ORDER BY e.seq LIMIT @limit`,
  ).all({ restaurantId, afterSeq, limit });

export const restaurantResults = (db: Db, restaurantId: string): ResultRow[] =>
  sql<ResultRow, [restaurantId: string]>(
    db,
    'SELECT r.* FROM count_results r JOIN counts c ON c.id = r.count_id WHERE c.restaurant_id = ?',
  ).all(restaurantId);
