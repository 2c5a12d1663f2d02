/**
 * All SQL about storage areas and the items on their shelves. Orders are by position, then id: two
 * computers may give two rows the same key, and every computer then breaks the tie alike.
 */
import type { Area } from '../../shared/domain';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export interface StorageAreaRow {
  id: string;
  restaurant_id: string;
  area: Area;
  name: string;
  position: string;
  archived_at: string | null;
  updated_by: string;
  updated_at: string;
}

/** The restaurant's storage areas, archived ones too: kitchen's, then the bar's, each in order. */
export const storageAreas = (db: Db, restaurantId: string): StorageAreaRow[] =>
  sql<StorageAreaRow, [restaurantId: string]>(
    db,
    "SELECT * FROM storage_areas WHERE restaurant_id = ? ORDER BY area = 'bar', position, id",
  ).all(restaurantId);

export const findStorageArea = (db: Db, restaurantId: string, id: string): StorageAreaRow | undefined =>
  sql<StorageAreaRow, { restaurantId: string; id: string }>(
    db,
    'SELECT * FROM storage_areas WHERE restaurant_id = @restaurantId AND id = @id',
  ).get({ restaurantId, id });

export const storageAreaName = (db: Db, id: string): string | undefined =>
  sql<string, [id: string]>(db, 'SELECT name FROM storage_areas WHERE id = ?').pluck().get(id);

/** A storage area as it is now: created, or every field brought to what is given. */
export function saveStorageArea(db: Db, row: StorageAreaRow): void {
  sql<void, StorageAreaRow>(
    db,
    `INSERT INTO storage_areas (id, restaurant_id, area, name, position, archived_at, updated_by, updated_at)
     VALUES (@id, @restaurant_id, @area, @name, @position, @archived_at, @updated_by, @updated_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position,
       archived_at = excluded.archived_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(row);
}

export const removeStorageArea = (db: Db, id: string): void => {
  sql<void, [id: string]>(db, 'DELETE FROM shelf_places WHERE storage_area_id = ?').run(id);
  sql<void, [id: string]>(db, 'DELETE FROM storage_areas WHERE id = ?').run(id);
};

export interface ShelfPlaceRow {
  storage_area_id: string;
  item_id: string;
  restaurant_id: string;
  position: string;
  removed_at: string | null;
  updated_at: string;
}

/** Item ids on a storage area's shelf, in shelf order, with their keys; items deleted are off every shelf. */
export const shelf = (db: Db, storageAreaId: string): { item_id: string; position: string }[] =>
  sql<{ item_id: string; position: string }, [storageAreaId: string]>(
    db,
    `SELECT p.item_id, p.position FROM shelf_places p JOIN items i ON i.id = p.item_id
      WHERE p.storage_area_id = ? AND p.removed_at IS NULL AND i.deleted_at IS NULL
      ORDER BY p.position, p.item_id`,
  ).all(storageAreaId);

/** Every live placement of the restaurant: storage area id, item id, in shelf order per area. */
export const shelves = (db: Db, restaurantId: string): [storageAreaId: string, itemId: string][] =>
  sql<[string, string], [restaurantId: string]>(
    db,
    `SELECT p.storage_area_id, p.item_id FROM shelf_places p JOIN items i ON i.id = p.item_id
      WHERE p.restaurant_id = ? AND p.removed_at IS NULL AND i.deleted_at IS NULL
      ORDER BY p.storage_area_id, p.position, p.item_id`,
  )
    .raw()
    .all(restaurantId);

export function saveShelfPlace(db: Db, row: ShelfPlaceRow): void {
  sql<void, ShelfPlaceRow>(
    db,
    `INSERT INTO shelf_places (storage_area_id, item_id, restaurant_id, position, removed_at, updated_at)
     VALUES (@storage_area_id, @item_id, @restaurant_id, @position, @removed_at, @updated_at)
     ON CONFLICT (storage_area_id, item_id) DO UPDATE SET position = excluded.position,
       removed_at = excluded.removed_at, updated_at = excluded.updated_at`,
  ).run(row);
}

export const removeShelfPlace = (db: Db, storageAreaId: string, itemId: string): void => {
  sql<void, { storageAreaId: string; itemId: string }>(
    db,
    'DELETE FROM shelf_places WHERE storage_area_id = @storageAreaId AND item_id = @itemId',
  ).run({ storageAreaId, itemId });
};

/** Takes an item off every shelf here, for one that never existed elsewhere. */
export const removeShelvesOf = (db: Db, itemId: string): void => {
  sql<void, [itemId: string]>(db, 'DELETE FROM shelf_places WHERE item_id = ?').run(itemId);
};

/** Everything this computer holds of the restaurant's storage: what an upload sends. */
export const shelfPlaces = (db: Db, restaurantId: string): ShelfPlaceRow[] =>
  sql<ShelfPlaceRow, [restaurantId: string]>(db, 'SELECT * FROM shelf_places WHERE restaurant_id = ?').all(
    restaurantId,
  );
