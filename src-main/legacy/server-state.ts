/** What the central server already holds for one planned restaurant (see holdings.ts), read as its administrator. */
import type pg from 'pg';
import { type Holdings, holdingsFrom, namesWanted, oldKeysOf, type Remembered, type TakenUser } from './holdings';
import type { PlannedRestaurant } from './plan';

export async function readServerState(client: pg.ClientBase, restaurant: PlannedRestaurant): Promise<Holdings> {
  // Two index lookups: the rows of the restaurant this key became, and the planned old rows by key.
  const { rows } = await client.query<Remembered>(
    `SELECT source, old_id AS "oldId", new_id AS "newId", restaurant_id AS "restaurantId", imported
       FROM kg.legacy_rows
      WHERE restaurant_id = (SELECT restaurant_id FROM kg.legacy_rows WHERE source = 'restaurants' AND old_id = $1)
     UNION ALL
     SELECT l.source, l.old_id, l.new_id, l.restaurant_id, l.imported
       FROM unnest($2::text[], $3::text[]) AS k(source, old_id) JOIN kg.legacy_rows l USING (source, old_id)`,
    [restaurant.key, ...oldKeysOf(restaurant)],
  );
  const taken = await client.query<TakenUser>(
    `SELECT id, lower(username) AS username, lower(email) AS email FROM kg.users
      WHERE lower(username) = ANY($1) OR lower(email) = ANY($1)`,
    [namesWanted(restaurant)],
  );
  return holdingsFrom(restaurant, rows, taken.rows, 'on the server');
}
