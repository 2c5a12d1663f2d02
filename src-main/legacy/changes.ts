/**
 * What importing one planned restaurant changes where `state` is held (a central server, or this
 * computer): new rows, changed rows (the old database changed since the last run), and a report line
 * for every old row. Pure, so --dry-run and the desktop's preview show exactly what a run would write.
 */

import { type Holdings, type Remembered, rememberKey, standIns } from './holdings';
import { OldItemTables, type OldSource } from './old-tables';
import type { Plan, PlannedItem, PlannedRestaurant, PlannedUser } from './plan';
import { legacyId } from './plan';

export type Outcome = 'imported' | 'merged' | 'updated' | 'unchanged' | 'skipped' | 'dropped' | 'kept';

export interface ReportLine {
  source: OldSource | 'restaurants';
  oldId: string;
  outcome: Outcome;
  /** What it became, in words: "owner alice of Harbour Bistro". */
  became: string;
  newId: string | null;
  notes: string[];
}

/** The values of an old user as last imported: a later run compares them field by field. */
export const userSnapshot = (user: PlannedUser) => ({
  username: user.username,
  email: user.email,
  passwordHash: user.passwordHash,
  fullName: user.fullName,
  position: user.position,
  kitchenProduceList: user.kitchenProduceList,
  barProduceList: user.barProduceList,
  isActive: user.isActive,
  lastLogin: user.lastLogin,
});
type UserSnapshot = ReturnType<typeof userSnapshot>;

export const itemSnapshot = (item: PlannedItem) => ({
  name: item.name,
  category: item.category,
  supplier: item.supplier,
  unit: item.unit,
  unitCostCents: item.unitCostCents,
  stockMilli: item.stockMilli,
  countedAt: item.countedAt,
});
type ItemSnapshot = ReturnType<typeof itemSnapshot>;

export interface NewUser {
  user: PlannedUser;
  id: string;
  username: string;
  email: string;
}

export interface Count {
  id: string;
  itemId: string;
  quantityMilli: number;
  note: string;
  recordedBy: string;
  at: string | null;
}

export interface RestaurantChanges {
  restaurantId: string;
  isNew: boolean;
  /** name and type, when the restaurant is new or they changed. */
  restaurant: { name: string; type: string } | null;
  newUsers: NewUser[];
  userUpdates: { id: string; fields: Partial<UserSnapshot> }[];
  newItems: { item: PlannedItem; id: string }[];
  itemUpdates: { id: string; fields: Partial<ItemSnapshot> }[];
  counts: Count[];
  remember: Omit<Remembered, 'restaurantId'>[];
  lines: ReportLine[];
}

export const hasWrites = (changes: RestaurantChanges) =>
  changes.restaurant !== null ||
  changes.newUsers.length + changes.userUpdates.length + changes.newItems.length + changes.itemUpdates.length > 0 ||
  changes.counts.length > 0;

/** Fields whose value differs from the snapshot, with the new values. */
function changedFields<T extends object>(before: T, now: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(now) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(now[key])) changed[key] = now[key];
  }
  return changed;
}

const describeChanges = (fields: object) =>
  `Changed in the old database since the last import: ${Object.keys(fields).join(', ')}`;

function newUser(user: PlannedUser, state: Holdings, claimed: Set<string>, notes: string[]): NewUser {
  const free = (name: string) => !state.takenNames.has(name.toLowerCase()) && !claimed.has(name.toLowerCase());
  const [otherUsername, otherEmail] = standIns(user);
  let { username, email } = user;
  if (!free(username)) {
    notes.push(`Username "${username}" is taken ${state.place}: "${otherUsername}"`);
    username = otherUsername;
  }
  if (!free(email)) {
    notes.push(`Email "${email}" is taken ${state.place}: "${otherEmail}" (signs in with the username)`);
    email = otherEmail;
  }
  claimed.add(username.toLowerCase());
  claimed.add(email.toLowerCase());
  return { user, id: user.newId, username, email };
}

function planUsers(restaurant: PlannedRestaurant, state: Holdings, changes: RestaurantChanges): void {
  const claimed = new Set<string>();
  for (const user of restaurant.users) {
    const known = state.remembered.get(rememberKey('users', user.oldId));
    const where = `${user.role} of ${restaurant.name}`;
    const line: ReportLine = {
      source: 'users',
      oldId: user.oldId,
      outcome: 'imported',
      became: '',
      newId: null,
      notes: [...user.notes],
    };
    changes.lines.push(line);
    if (known && known.restaurantId !== changes.restaurantId) {
      Object.assign(line, {
        outcome: 'skipped',
        newId: known.newId,
        became: `user already imported into another restaurant`,
      });
      line.notes.push('The plan puts this user in another restaurant than the first import did: left where it is');
      continue;
    }
    if (known) {
      const fields = changedFields<UserSnapshot>(known.imported, userSnapshot(user));
      Object.assign(line, { newId: known.newId, became: `${where}: ${user.username}` });
      if (Object.keys(fields).length === 0) line.outcome = 'unchanged';
      else {
        line.outcome = 'updated';
        line.notes.push(describeChanges(fields));
        changes.userUpdates.push({ id: known.newId, fields });
        changes.remember.push({ source: 'users', oldId: user.oldId, newId: known.newId, imported: userSnapshot(user) });
      }
      continue;
    }
    const made = newUser(user, state, claimed, line.notes);
    Object.assign(line, { newId: made.id, became: `${where}: ${made.username}${user.isActive ? '' : ' (inactive)'}` });
    changes.newUsers.push(made);
    changes.remember.push({ source: 'users', oldId: user.oldId, newId: made.id, imported: userSnapshot(user) });
  }
}

function countNote(item: PlannedItem, usernames: Map<string, string>): string {
  const parts = item.parts.map(
    (part) =>
      `${part.stockMilli / 1000} ${item.unit} from ${part.table} ${part.oldId} (${usernames.get(part.userId ?? '')})`,
  );
  return `Imported from the old KitchenGuard: ${parts.join(' + ')}`.slice(0, 500);
}

function count(item: PlannedItem, itemId: string, usernames: Map<string, string>, userIds: Map<string, string>): Count {
  const latestPart = item.parts.reduce((last, part) => ((part.updatedAt ?? '') > (last.updatedAt ?? '') ? part : last));
  return {
    id: legacyId(`count:${itemId}:${item.stockMilli}:${item.countedAt}`),
    itemId,
    quantityMilli: item.stockMilli,
    note: countNote(item, usernames),
    recordedBy: userIds.get(latestPart.userId ?? '') ?? item.createdBy,
    at: item.countedAt,
  };
}

function itemLines(
  item: PlannedItem,
  itemId: string,
  outcome: Outcome,
  changes: RestaurantChanges,
  more: string[] = [],
) {
  const became = `${OldItemTables[item.parts[0]!.table].area} item "${item.name}" (${item.unit})`;
  item.parts.forEach((part, index) => {
    const partOutcome = index > 0 && outcome === 'imported' ? 'merged' : outcome;
    // Lines of items are not added to later: a part's own notes are shared, not copied (a million lines).
    const notes =
      index === 0 && item.notes.length + more.length > 0 ? [...part.notes, ...item.notes, ...more] : part.notes;
    changes.lines.push({ source: part.table, oldId: part.oldId, outcome: partOutcome, became, newId: itemId, notes });
  });
}

/** What an earlier run made of one of the item's old rows in this restaurant (nothing, in a first run). */
function firstKnown(item: PlannedItem, state: Holdings, restaurantId: string): Remembered | undefined {
  if (state.remembered.size === 0) return undefined;
  for (const part of item.parts) {
    const row = state.remembered.get(rememberKey(part.table, part.oldId));
    if (row !== undefined && row.restaurantId === restaurantId) return row;
  }
  return undefined;
}

function planItems(restaurant: PlannedRestaurant, state: Holdings, changes: RestaurantChanges): void {
  const usernames = new Map(restaurant.users.map((user) => [user.oldId, user.username]));
  const userIds = new Map(restaurant.users.map((user) => [user.oldId, user.newId]));
  for (const item of restaurant.items) {
    const known = firstKnown(item, state, changes.restaurantId);
    const itemId = known?.newId ?? item.newId;
    const snapshot = itemSnapshot(item);
    const remember = () => {
      for (const part of item.parts)
        changes.remember.push({ source: part.table, oldId: part.oldId, newId: itemId, imported: snapshot });
    };
    if (!known) {
      changes.newItems.push({ item, id: itemId });
      changes.counts.push(count(item, itemId, usernames, userIds));
      remember();
      itemLines(item, itemId, 'imported', changes);
      continue;
    }
    const { stockMilli, countedAt, ...fields } = changedFields<ItemSnapshot>(known.imported, snapshot);
    const joined = item.parts.some((part) => !state.remembered.has(rememberKey(part.table, part.oldId)));
    const restocked = stockMilli !== undefined || countedAt !== undefined;
    if (Object.keys(fields).length === 0 && !restocked && !joined) {
      itemLines(item, itemId, 'unchanged', changes);
      continue;
    }
    if (Object.keys(fields).length > 0) changes.itemUpdates.push({ id: itemId, fields });
    if (restocked) changes.counts.push(count(item, itemId, usernames, userIds));
    remember();
    const what = { ...fields, ...(restocked ? { stock: 0 } : {}), ...(joined ? { 'new rows': 0 } : {}) };
    itemLines(item, itemId, 'updated', changes, [describeChanges(what)]);
  }
}

/** Old rows this restaurant imported before that the old database no longer has: kept, and said. */
function gone(restaurant: PlannedRestaurant, state: Holdings, changes: RestaurantChanges): void {
  if (state.rememberedHere.length === 0) return;
  const present = new Set(changes.lines.map((line) => rememberKey(line.source, line.oldId)));
  present.add(rememberKey('restaurants', restaurant.key));
  for (const row of state.rememberedHere) {
    if (present.has(rememberKey(row.source, row.oldId))) continue;
    changes.lines.push({
      source: row.source as OldSource,
      oldId: row.oldId,
      outcome: 'kept',
      became: `imported before into ${restaurant.name}`,
      newId: row.newId,
      notes: ['No longer in the old database (or no longer in this restaurant): kept here as it was'],
    });
  }
}

export function restaurantChanges(restaurant: PlannedRestaurant, state: Holdings): RestaurantChanges {
  const isNew = state.restaurantId === null;
  const restaurantId = state.restaurantId ?? restaurant.newId;
  const known = state.remembered.get(rememberKey('restaurants', restaurant.key));
  const now = { name: restaurant.name, type: restaurant.type };
  const fields = known ? changedFields(known.imported, now) : now;
  const changed = Object.keys(fields).length > 0;
  const changes: RestaurantChanges = {
    restaurantId,
    isNew,
    restaurant: changed ? now : null,
    newUsers: [],
    userUpdates: [],
    newItems: [],
    itemUpdates: [],
    counts: [],
    remember: changed ? [{ source: 'restaurants', oldId: restaurant.key, newId: restaurantId, imported: now }] : [],
    lines: [
      {
        source: 'restaurants',
        oldId: restaurant.key,
        outcome: isNew ? 'imported' : changed ? 'updated' : 'unchanged',
        became: `restaurant ${restaurant.name}`,
        newId: restaurantId,
        notes: isNew ? restaurant.notes : changed ? [...restaurant.notes, describeChanges(fields)] : restaurant.notes,
      },
    ],
  };
  planUsers(restaurant, state, changes);
  planItems(restaurant, state, changes);
  gone(restaurant, state, changes);
  return changes;
}

/** A run of an import: a line for every old row, and what it wrote. */
export interface ImportOutcome {
  lines: ReportLine[];
  written: Written;
  dryRun: boolean;
}

/** What an import wrote, per kind of row. */
export interface Written {
  restaurants: number;
  users: number;
  items: number;
  stock_movements: number;
  updated: number;
}

export const nothingWritten = (): Written => ({ restaurants: 0, users: 0, items: 0, stock_movements: 0, updated: 0 });

/** What writing `changes` writes, counted the same wherever it is written. */
export const writtenBy = (changes: RestaurantChanges): Written => ({
  restaurants: changes.isNew ? 1 : 0,
  users: changes.newUsers.length,
  items: changes.newItems.length,
  stock_movements: changes.counts.length,
  updated: changes.userUpdates.length + changes.itemUpdates.length + (changes.restaurant && !changes.isNew ? 1 : 0),
});

/** Old rows no run imports: unreadable or orphaned rows, and every reset token. */
export function notImported(plan: Plan): ReportLine[] {
  return [
    ...plan.skipped.map((row) => ({
      source: row.source,
      oldId: row.id ?? '?',
      outcome: 'skipped' as const,
      became: 'not imported',
      newId: null,
      notes: [row.reason],
    })),
    ...plan.droppedTokens.map((token) => ({
      source: 'password_reset_tokens' as const,
      oldId: token.oldId,
      outcome: 'dropped' as const,
      became: 'not imported',
      newId: null,
      notes: [
        `Reset link of old user ${token.userId ?? '?'}${token.used ? ', used' : ''}, expiring ${token.expiresAt ?? '?'}: e-mailed links do not carry over; an owner or a manager gives a reset code instead`,
      ],
    })),
  ];
}
