/** All SQL about items, behind typed functions. Every read is scoped to one restaurant. */
import type { Area } from '../../shared/domain';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export interface ItemRow {
  id: string;
  area: Area;
  name: string;
  category: string;
  supplier: string;
  unit: string;
  unit_cost_cents: number;
  par_milli: number | null;
  updated_at: string;
  on_hand_milli: number;
  /** Who last changed the item, by name (the column `updated_by` holds their user id). */
  updated_by_name: string;
}

export interface ItemFields {
  name: string;
  category: string;
  supplier: string;
  unit: string;
  unitCostCents: number;
  parMilli: number | null;
}

const FROM_ITEMS = `
SELECT i.id, i.area, i.name, i.category, i.supplier, i.unit, i.unit_cost_cents, i.par_milli, i.updated_at,
       coalesce(s.on_hand_milli, 0) AS on_hand_milli, coalesce(u.full_name, '') AS updated_by_name, i.restaurant_id
  FROM items i
  LEFT JOIN item_stock s ON s.item_id = i.id
  LEFT JOIN users u ON u.id = i.updated_by
 WHERE i.deleted_at IS NULL`;

/** An item row with the restaurant it belongs to, for caches that hold several restaurants. */
export type PlacedItemRow = ItemRow & { restaurant_id: string };

/**
 * An item's columns as the stock list needs them, in a row of values rather than an object (cheaper
 * to read 20,000 of): id, name, category, supplier, unit, unit cost in cents, par and on hand in
 * thousandths, updated at, and who updated it, by name.
 */
export type ListedItem = [
  id: string,
  name: string,
  category: string,
  supplier: string,
  unit: string,
  unitCostCents: number,
  parMilli: number | null,
  onHandMilli: number,
  updatedAt: string,
  updatedByName: string,
];

/** One area's live items in name order (case aside, as SQLite's lower() folds it), then id. */
export function listItems(db: Db, restaurantId: string, area: Area): ListedItem[] {
  const items = sql<ListedItem, { restaurantId: string; area: Area }>(
    db,
    `SELECT i.id, i.name, i.category, i.supplier, i.unit, i.unit_cost_cents, i.par_milli,
            coalesce(s.on_hand_milli, 0), i.updated_at, i.updated_by
       FROM items i
       LEFT JOIN item_stock s ON s.item_id = i.id
      WHERE i.deleted_at IS NULL AND i.restaurant_id = @restaurantId AND i.area = @area
      ORDER BY lower(i.name), i.id`,
  )
    .raw()
    .all({ restaurantId, area });
  // Who changed each item, named here rather than joined: looking a handful of people up for every
  // one of 20,000 items was a quarter of the query.
  const names = new Map(sql<[string, string]>(db, 'SELECT id, full_name FROM users').raw().all());
  for (const item of items) item[9] = names.get(item[9]) ?? '';
  return items;
}

export const findItem = (db: Db, restaurantId: string, id: string): ItemRow | undefined =>
  sql<ItemRow, { restaurantId: string; id: string }>(
    db,
    `${FROM_ITEMS} AND i.restaurant_id = @restaurantId AND i.id = @id`,
  ).get({ restaurantId, id });

/** A live (not deleted) item in whichever restaurant it is. */
export const findPlacedItem = (db: Db, id: string): PlacedItemRow | undefined =>
  sql<PlacedItemRow, [id: string]>(db, `${FROM_ITEMS} AND i.id = ?`).get(id);

export function isNameTaken(db: Db, restaurantId: string, area: Area, name: string, exceptId = ''): boolean {
  return (
    sql<1, { restaurantId: string; area: Area; name: string; exceptId: string }>(
      db,
      `SELECT 1 FROM items
        WHERE restaurant_id = @restaurantId AND area = @area AND lower(name) = lower(@name) AND id <> @exceptId
          AND deleted_at IS NULL`,
    ).get({ restaurantId, area, name, exceptId }) !== undefined
  );
}

export interface NewItem extends ItemFields {
  id: string;
  restaurantId: string;
  area: Area;
  by: string;
  at: string;
}

export function insertItem(db: Db, item: NewItem): void {
  sql<void, NewItem>(
    db,
    `INSERT INTO items (id, restaurant_id, area, name, category, supplier, unit, unit_cost_cents, par_milli,
       created_by, updated_by, created_at, updated_at)
     VALUES (@id, @restaurantId, @area, @name, @category, @supplier, @unit, @unitCostCents, @parMilli,
       @by, @by, @at, @at)`,
  ).run(item);
  sql<void, [itemId: string]>(db, 'INSERT INTO item_stock (item_id, on_hand_milli) VALUES (?, 0)').run(item.id);
}

/** Contract field → column, for writes that touch only the fields given. */
export const ITEM_FIELD_COLUMNS: Record<keyof ItemFields, string> = {
  name: 'name',
  category: 'category',
  supplier: 'supplier',
  unit: 'unit',
  unitCostCents: 'unit_cost_cents',
  parMilli: 'par_milli',
};

/** `column = @field` for each field given (other keys and undefined values are no field). */
const assignmentsOf = (fields: Partial<ItemFields>): string[] =>
  (Object.keys(fields) as (keyof ItemFields)[])
    .filter((name) => name in ITEM_FIELD_COLUMNS && fields[name] !== undefined)
    .map((name) => `${ITEM_FIELD_COLUMNS[name]} = @${name}`);

/** Writes only the fields given: edits are last-writer-wins per field. */
export function updateItem(db: Db, id: string, fields: Partial<ItemFields>, by: string, at: string): void {
  const assignments = assignmentsOf(fields);
  sql<void, Partial<ItemFields> & { id: string; by: string; at: string }>(
    db,
    `UPDATE items SET ${[...assignments, 'updated_by = @by', 'updated_at = @at'].join(', ')} WHERE id = @id`,
  ).run({ ...fields, id, by, at });
}

/** Deletes are tombstones: the row stays so a delete can sync, and wins over edits. */
export function tombstoneItem(db: Db, id: string, by: string, at: string): void {
  sql<void, { id: string; by: string; at: string }>(
    db,
    'UPDATE items SET deleted_at = @at, updated_by = @by, updated_at = @at WHERE id = @id',
  ).run({ id, by, at });
}

/** Every column of an item: what an upload sends and a pull brings. */
export interface ItemRecord extends ItemFields {
  id: string;
  area: Area;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Which server edit last set each field, as JSON ({"name": 17, …}): the server's order, not a clock. */
  editSeqs: string;
}

/** An item as the central server has it: added, or every field brought to the server's. */
export function saveItem(db: Db, item: ItemRecord & { restaurantId: string }): void {
  sql<void, ItemRecord & { restaurantId: string }>(
    db,
    `INSERT INTO items (id, restaurant_id, area, name, category, supplier, unit, unit_cost_cents, par_milli,
       created_by, updated_by, created_at, updated_at, deleted_at, edit_seqs)
     VALUES (@id, @restaurantId, @area, @name, @category, @supplier, @unit, @unitCostCents, @parMilli,
       @createdBy, @updatedBy, @createdAt, @updatedAt, @deletedAt, @editSeqs)
     ON CONFLICT (id) DO UPDATE SET area = excluded.area, name = excluded.name, category = excluded.category,
       supplier = excluded.supplier, unit = excluded.unit, unit_cost_cents = excluded.unit_cost_cents,
       par_milli = excluded.par_milli, created_by = excluded.created_by, updated_by = excluded.updated_by,
       created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at,
       edit_seqs = excluded.edit_seqs`,
  ).run(item);
}

/** The restaurant's items, deleted ones too: everything this computer holds of them. */
export const itemRecords = (db: Db, restaurantId: string): ItemRecord[] =>
  sql<ItemRecord, [restaurantId: string]>(
    db,
    `SELECT id, area, name, category, supplier, unit, unit_cost_cents AS unitCostCents, par_milli AS parMilli,
            created_by AS createdBy, updated_by AS updatedBy, created_at AS createdAt, updated_at AS updatedAt,
            deleted_at AS deletedAt, edit_seqs AS editSeqs
       FROM items WHERE restaurant_id = ?`,
  ).all(restaurantId);

/** Lays fields over a live item, leaving who changed it and when as they are. */
export function overlayItemFields(db: Db, id: string, fields: Partial<ItemFields>): void {
  const assignments = assignmentsOf(fields);
  if (assignments.length === 0) return;
  sql<void, Partial<ItemFields> & { id: string }>(
    db,
    `UPDATE items SET ${assignments.join(', ')} WHERE id = @id AND deleted_at IS NULL`,
  ).run({ ...fields, id });
}

/** Marks an item deleted as of `at`, unless it already is. */
export function markItemDeleted(db: Db, id: string, at: string): void {
  sql<void, { id: string; at: string }>(
    db,
    'UPDATE items SET deleted_at = coalesce(deleted_at, @at) WHERE id = @id',
  ).run({ id, at });
}

/** The restaurant of an item, deleted or not. */
export const itemRestaurant = (db: Db, id: string): string | undefined =>
  sql<string, [id: string]>(db, 'SELECT restaurant_id FROM items WHERE id = ?').pluck().get(id);

/** An item's name, deleted or not. */
export const itemName = (db: Db, id: string): string | undefined =>
  sql<string, [id: string]>(db, 'SELECT name FROM items WHERE id = ?').pluck().get(id);

/** Removes an item and its cached level, for one that never existed elsewhere (its movements go first). */
export function removeItem(db: Db, id: string): void {
  sql<void, [itemId: string]>(db, 'DELETE FROM item_stock WHERE item_id = ?').run(id);
  sql<void, [id: string]>(db, 'DELETE FROM items WHERE id = ?').run(id);
}
