/**
 * What the central server already holds for one planned restaurant: the old rows it remembers
 * (kg.legacy_rows), and the usernames and e-mails taken by anyone, so a new user never takes a name
 * someone already signs in with.
 */
import type pg from 'pg';
import type { PlannedRestaurant, PlannedUser } from './plan';

export interface Remembered {
  source: string;
  oldId: string;
  newId: string;
  restaurantId: string;
  // biome-ignore lint/suspicious/noExplicitAny: a snapshot of the old values, compared field by field
  imported: any;
}

export interface ServerState {
  /** The restaurant this key was imported into before, if it was. */
  restaurantId: string | null;
  /** `source:oldId` → what that old row became. */
  remembered: Map<string, Remembered>;
  /** Every old row remembered for this restaurant (to tell which ones are gone from the old database). */
  rememberedHere: Remembered[];
  /** Lower-cased username or e-mail → the user holding it. */
  takenNames: Map<string, string>;
}

/** What a user is given instead when their username or e-mail is taken on the server. */
export function standIns(user: Pick<PlannedUser, 'username' | 'oldId'>): [username: string, email: string] {
  const suffix = `-${user.oldId}`;
  return [`${user.username.slice(0, 40 - suffix.length)}${suffix}`, `legacy-user-${user.oldId}@legacy.invalid`];
}

export const rememberKey = (source: string, oldId: string) => `${source}:${oldId}`;

/** Every old row of the planned restaurant, as two parallel lists (source, old id) for unnest. */
function oldKeysOf(restaurant: PlannedRestaurant): [string[], string[]] {
  const sources = ['restaurants', ...restaurant.users.map(() => 'users')];
  const ids = [restaurant.key, ...restaurant.users.map((user) => user.oldId)];
  for (const item of restaurant.items) {
    for (const part of item.parts) {
      sources.push(part.table);
      ids.push(part.oldId);
    }
  }
  return [sources, ids];
}

export async function readServerState(client: pg.ClientBase, restaurant: PlannedRestaurant): Promise<ServerState> {
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
  const remembered = new Map(rows.map((row) => [rememberKey(row.source, row.oldId), row]));
  const restaurantId = remembered.get(rememberKey('restaurants', restaurant.key))?.restaurantId ?? null;
  const names = restaurant.users.flatMap((user) =>
    [user.username, user.email, ...standIns(user)].map((name) => name.toLowerCase()),
  );
  const taken = await client.query<{ id: string; username: string; email: string }>(
    `SELECT id, lower(username) AS username, lower(email) AS email FROM kg.users
      WHERE lower(username) = ANY($1) OR lower(email) = ANY($1)`,
    [names],
  );
  const takenNames = new Map<string, string>();
  for (const user of taken.rows) {
    takenNames.set(user.username, user.id);
    takenNames.set(user.email, user.id);
  }
  return {
    restaurantId,
    remembered,
    rememberedHere: rows.filter((row) => row.restaurantId === restaurantId),
    takenNames,
  };
}
