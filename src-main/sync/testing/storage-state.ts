/** What a device and the server hold of a restaurant's storage areas, shelves and count units, alike. */
import type { CountUnit } from '../../../shared/count-units';
import { adminQuery, type TestServer } from '../../central/testing/test-server';
import type { Db } from '../../store/database';

export interface StorageState {
  areas: { id: string; area: string; name: string; position: string; archived: boolean }[];
  places: { storageAreaId: string; itemId: string; position: string; removed: boolean }[];
  countUnits: { itemId: string; units: CountUnit[] }[];
}

const AREAS = 'SELECT id, area, name, position, archived_at IS NOT NULL AS archived FROM';
const PLACES = `SELECT storage_area_id AS "storageAreaId", item_id AS "itemId", position,
  removed_at IS NOT NULL AS removed FROM`;
const UNITS = 'SELECT item_id AS "itemId", units FROM';

const sorted = <T>(rows: T[]): T[] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

export function deviceStorage(db: Db, restaurantId: string): StorageState {
  const all = (sql: string) => db.prepare(sql).all(restaurantId) as Record<string, unknown>[];
  return {
    areas: sorted(
      all(`${AREAS} storage_areas WHERE restaurant_id = ?`).map((row) => ({ ...row, archived: row.archived === 1 })),
    ),
    places: sorted(
      all(`${PLACES} shelf_places WHERE restaurant_id = ?`).map((row) => ({ ...row, removed: row.removed === 1 })),
    ),
    countUnits: sorted(
      all(`${UNITS} count_units WHERE item_id IN (SELECT id FROM items WHERE restaurant_id = ?)`).map((row) => ({
        ...row,
        units: JSON.parse(String(row.units)),
      })),
    ),
  } as StorageState;
}

export async function serverStorage(server: TestServer, restaurantId: string): Promise<StorageState> {
  const all = async (sql: string) => (await adminQuery(server, sql, [restaurantId])).rows;
  return {
    areas: sorted(await all(`${AREAS} kg.storage_areas WHERE restaurant_id = $1`)),
    places: sorted(await all(`${PLACES} kg.shelf_places WHERE restaurant_id = $1`)),
    countUnits: sorted(await all(`${UNITS} kg.count_units WHERE restaurant_id = $1`)),
  } as StorageState;
}
