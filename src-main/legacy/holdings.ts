/**
 * What the place an import writes into (a central server, or this computer's store) already holds
 * for one planned restaurant: the old rows it remembers, and the usernames and e-mails taken by
 * anyone, so a new user never takes a name someone already signs in with. changes.ts decides from
 * it; server-state.ts and local-state.ts read it, each from its own store.
 */
import type { PlannedRestaurant, PlannedUser } from './plan';

export interface Remembered {
  source: string;
  oldId: string;
  newId: string;
  restaurantId: string;
  // biome-ignore lint/suspicious/noExplicitAny: a snapshot of the old values, compared field by field
  imported: any;
}

export interface Holdings {
  /** The restaurant this key was imported into before, if it was. */
  restaurantId: string | null;
  /** `source:oldId` → what that old row became. */
  remembered: Map<string, Remembered>;
  /** Every old row remembered for this restaurant (to tell which ones are gone from the old database). */
  rememberedHere: Remembered[];
  /** Lower-cased username or e-mail → the user holding it. */
  takenNames: Map<string, string>;
  /** Where the import writes, in words for the report: "on the server", "on this computer". */
  place: string;
}

/** A user already there, by the names they sign in with (lower-cased). */
export interface TakenUser {
  id: string;
  username: string;
  email: string;
}

/** What a user is given instead when their username or e-mail is taken where they are imported. */
export function standIns(user: Pick<PlannedUser, 'username' | 'oldId'>): [username: string, email: string] {
  const suffix = `-${user.oldId}`;
  return [`${user.username.slice(0, 40 - suffix.length)}${suffix}`, `legacy-user-${user.oldId}@legacy.invalid`];
}

export const rememberKey = (source: string, oldId: string) => `${source}:${oldId}`;

/** Every old row of the planned restaurant, as two parallel lists (source, old id). */
export function oldKeysOf(restaurant: PlannedRestaurant): [string[], string[]] {
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

/** The lower-cased names the planned users would take, stand-ins included: the ones to look up. */
export const namesWanted = (restaurant: PlannedRestaurant): string[] =>
  restaurant.users.flatMap((user) => [user.username, user.email, ...standIns(user)].map((name) => name.toLowerCase()));

/** Holdings from the remembered rows found (of this key's restaurant, and of the planned old rows) and the users found. */
export function holdingsFrom(
  restaurant: PlannedRestaurant,
  rows: Remembered[],
  taken: TakenUser[],
  place: string,
): Holdings {
  const remembered = new Map(rows.map((row) => [rememberKey(row.source, row.oldId), row]));
  const restaurantId = remembered.get(rememberKey('restaurants', restaurant.key))?.restaurantId ?? null;
  const takenNames = new Map<string, string>();
  for (const user of taken) {
    takenNames.set(user.username, user.id);
    takenNames.set(user.email, user.id);
  }
  return {
    restaurantId,
    remembered,
    rememberedHere: rows.filter((row) => row.restaurantId === restaurantId),
    takenNames,
    place,
  };
}
