/** All SQL about legacy_rows: what each old KitchenGuard row became on this computer (local store v11). */
import type { Db } from '../store/database';
import { sql } from '../store/statements';
import type { Remembered } from './holdings';

interface RememberedRow {
  source: string;
  oldId: string;
  newId: string;
  restaurantId: string;
  imported: string;
}

const parsed = (row: RememberedRow): Remembered => ({ ...row, imported: JSON.parse(row.imported) });

/** The rows of the restaurant `restaurantKey` was imported into, and the rows of these old keys. */
export function rememberedRows(db: Db, restaurantKey: string, [sources, ids]: [string[], string[]]): Remembered[] {
  return sql<RememberedRow, { key: string; keys: string }>(
    db,
    `SELECT source, old_id AS oldId, new_id AS newId, restaurant_id AS restaurantId, imported FROM legacy_rows
      WHERE restaurant_id = (SELECT restaurant_id FROM legacy_rows WHERE source = 'restaurants' AND old_id = @key)
     UNION ALL
     SELECT l.source, l.old_id, l.new_id, l.restaurant_id, l.imported
       FROM json_each(@keys) k JOIN legacy_rows l ON l.source = k.value ->> 0 AND l.old_id = k.value ->> 1`,
  )
    .all({ key: restaurantKey, keys: JSON.stringify(sources.map((source, index) => [source, ids[index]])) })
    .map(parsed);
}

/** The values a row had when it was last imported, by what it became. */
export const importedAs = (db: Db, source: string, newId: string): Remembered | undefined => {
  const row = sql<RememberedRow, { source: string; newId: string }>(
    db,
    `SELECT source, old_id AS oldId, new_id AS newId, restaurant_id AS restaurantId, imported FROM legacy_rows
      WHERE source = @source AND new_id = @newId`,
  ).get({ source, newId });
  return row && parsed(row);
};

export function remember(db: Db, row: Remembered, at: string): void {
  sql<void, RememberedRow & { at: string }>(
    db,
    `INSERT INTO legacy_rows (source, old_id, new_id, restaurant_id, imported, imported_at)
     VALUES (@source, @oldId, @newId, @restaurantId, @imported, @at)
     ON CONFLICT (source, old_id) DO UPDATE
       SET new_id = excluded.new_id, imported = excluded.imported, imported_at = excluded.imported_at`,
  ).run({ ...row, imported: JSON.stringify(row.imported), at });
}
