/** All SQL about count units: an item's list, kept as JSON. */
import type { CountUnit } from '../../shared/count-units';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export const countUnitsOf = (db: Db, itemId: string): CountUnit[] => {
  const units = sql<string, [itemId: string]>(db, 'SELECT units FROM count_units WHERE item_id = ?')
    .pluck()
    .get(itemId);
  return units ? (JSON.parse(units) as CountUnit[]) : [];
};

export function saveCountUnits(db: Db, itemId: string, units: readonly CountUnit[]): void {
  sql<void, { itemId: string; units: string }>(
    db,
    `INSERT INTO count_units (item_id, units) VALUES (@itemId, @units)
     ON CONFLICT (item_id) DO UPDATE SET units = excluded.units`,
  ).run({ itemId, units: JSON.stringify(units) });
}

export const removeCountUnits = (db: Db, itemId: string): void => {
  sql<void, [itemId: string]>(db, 'DELETE FROM count_units WHERE item_id = ?').run(itemId);
};

/** Every item's count units in the restaurant: what an upload sends. */
export const restaurantCountUnits = (db: Db, restaurantId: string): { itemId: string; units: CountUnit[] }[] =>
  sql<{ itemId: string; units: string }, [restaurantId: string]>(
    db,
    `SELECT c.item_id AS itemId, c.units FROM count_units c JOIN items i ON i.id = c.item_id
      WHERE i.restaurant_id = ?`,
  )
    .all(restaurantId)
    .map((row) => ({ itemId: row.itemId, units: JSON.parse(row.units) as CountUnit[] }));
