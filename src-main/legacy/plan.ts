/**
 * The plan of an import: the old rows, checked, grouped into restaurants (by the restaurant name
 * people typed, or by a plan file an administrator edited), with each restaurant's owner and
 * managers and its items, two users' items of one name, area and unit merged into one. Pure: the
 * same old rows and plan file always make the same plan, with the same ids.
 */
import { hash } from 'node:crypto';
import { TEXT_FIELDS } from '../../shared/contract/fields';
import type { Area } from '../../shared/domain';
import { MAX_QUANTITY_MILLI } from '../../shared/quantity';
import { cutTo, instant, type OldItem, type OldUser, oldItem, oldUser } from './old-rows';
import { OLD_ITEM_TABLES, OldItemTables } from './old-tables';
import type { OldRows, UnreadableRow } from './read-old';

/** The ids of imported rows are made from the old ids, so every run of one import makes the same. */
export const LEGACY_NAMESPACE = '0b6f4a52-3c1e-4d8a-9f43-7e2a51c9d0b4';
const NAMESPACE_BYTES = Buffer.from(LEGACY_NAMESPACE.replaceAll('-', ''), 'hex');
/** The namespace, then room for a name: a million ids in the bench, each hashed without a buffer of its own. */
const scratch = Buffer.alloc(2048);
NAMESPACE_BYTES.copy(scratch);

/** UUID v5 (RFC 9562): SHA-1 of the namespace and the name, version and variant bits set. */
export function legacyId(what: string): string {
  const written = scratch.write(what, NAMESPACE_BYTES.length);
  // Four bytes to spare: no character of `what` was left out.
  const input =
    written <= scratch.length - NAMESPACE_BYTES.length - 4
      ? scratch.subarray(0, NAMESPACE_BYTES.length + written)
      : Buffer.concat([NAMESPACE_BYTES, Buffer.from(what)]);
  const bytes = hash('sha1', input, 'buffer');
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Which old users make up which restaurant, as a plan file says (plan-file.ts). */
export interface Grouping {
  restaurants: { key: string; name: string; type: string; users: { id: string }[] }[];
}

export interface PlannedUser extends OldUser {
  newId: string;
  role: 'owner' | 'manager';
}

/** stockMilli: the stocks of every part, added. */
export interface PlannedItem
  extends Pick<OldItem, 'name' | 'category' | 'supplier' | 'unit' | 'unitCostCents' | 'stockMilli'> {
  newId: string;
  area: Area;
  /** When the old stock was last set: the latest part's updated_at. */
  countedAt: string | null;
  /** The old rows this item is made of, oldest first. */
  parts: OldItem[];
  /** Old user id → new user id of whoever created the first part. */
  createdBy: string;
  notes: string[];
}

export interface PlannedRestaurant {
  key: string;
  newId: string;
  name: string;
  type: string;
  users: PlannedUser[];
  items: PlannedItem[];
  notes: string[];
}

export interface DroppedToken {
  oldId: string;
  userId: string | null;
  expiresAt: string | null;
  used: boolean;
}

export interface Plan {
  restaurants: PlannedRestaurant[];
  droppedTokens: DroppedToken[];
  /** Old rows that are not imported, and why. */
  skipped: UnreadableRow[];
  /** About the plan file, when one was read. */
  notes: string[];
}

/** Names and units as people mean them: "Tomatoes ", "tomatoes" and "TOMATOES" are one. */
export const sameText = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whole numbers as PostgreSQL writes them: no leading zero, no "-0". */
const CANONICAL = /^(?:0|-?[1-9]\d*)$/;

/** Old ids in number order. Compared as text where that is the same (millions of sorts in the bench). */
export function numericOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (!CANONICAL.test(a) || !CANONICAL.test(b)) {
    const difference = BigInt(a) - BigInt(b);
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  }
  const negative = a[0] === '-';
  if (negative !== (b[0] === '-')) return negative ? -1 : 1;
  const magnitude = a.length !== b.length ? a.length - b.length : a < b ? -1 : 1;
  return (negative ? -magnitude : magnitude) < 0 ? -1 : 1;
}

/** Oldest first (a missing created_at last), then by old id. */
function byAge(a: OldUser, b: OldUser): number {
  if (a.createdAt !== b.createdAt) {
    if (a.createdAt === null) return 1;
    if (b.createdAt === null) return -1;
    return a.createdAt < b.createdAt ? -1 : 1;
  }
  return numericOrder(a.oldId, b.oldId);
}

export const restaurantKeyOf = (user: OldUser) =>
  user.restaurantName === '' ? `user:${user.oldId}` : `name:${sameText(user.restaurantName)}`;

interface Group {
  key: string;
  name?: string;
  type?: string;
  users: OldUser[];
}

function groupUsers(users: OldUser[], file: Grouping | null, notes: string[]): Group[] {
  const groups = new Map<string, Group>();
  const placed = new Map<string, string>();
  const byId = new Map(users.map((user) => [user.oldId, user]));
  for (const entry of file?.restaurants ?? []) {
    const group: Group = { key: entry.key, name: entry.name, type: entry.type, users: [] };
    groups.set(entry.key, group);
    for (const { id } of entry.users) {
      const user = byId.get(id);
      if (!user)
        notes.push(`Plan file: restaurant "${entry.key}" lists old user ${id}, who is not in the old database`);
      else if (placed.has(id))
        notes.push(`Plan file: old user ${id} is listed again under "${entry.key}": kept in "${placed.get(id)}"`);
      else {
        group.users.push(user);
        placed.set(id, entry.key);
      }
    }
  }
  for (const user of users) {
    if (placed.has(user.oldId)) continue;
    const key = restaurantKeyOf(user);
    if (file)
      notes.push(
        `Plan file: old user ${user.oldId} (${user.username}) is not in it: grouped by restaurant name into "${key}"`,
      );
    const group = groups.get(key) ?? { key, users: [] };
    groups.set(key, group);
    group.users.push(user);
  }
  return [...groups.values()].filter((group) => group.users.length > 0);
}

function plannedUsers(users: OldUser[], notes: string[]): PlannedUser[] {
  const sorted = [...users].sort(byAge);
  const owner = sorted.find((user) => user.isActive) ?? sorted[0]!;
  if (!owner.isActive) notes.push(`No active user: ${owner.username}, the oldest, is the owner and stays inactive`);
  return sorted.map((user) => ({
    ...user,
    newId: legacyId(`users:${user.oldId}`),
    role: user === owner ? 'owner' : 'manager',
  }));
}

const partOrder = (a: OldItem, b: OldItem) =>
  a.table === b.table
    ? numericOrder(a.oldId, b.oldId)
    : OLD_ITEM_TABLES.indexOf(a.table) - OLD_ITEM_TABLES.indexOf(b.table);

const latest = (times: (string | null)[]) =>
  times.reduce<string | null>((last, time) => (time !== null && (last === null || time > last) ? time : last), null);

function mergedItem(parts: OldItem[], userIds: Map<string, string>): PlannedItem {
  const [first] = parts as [OldItem, ...OldItem[]];
  const notes: string[] = [];
  const costs = new Set(parts.map((part) => part.unitCostCents));
  if (costs.size > 1)
    notes.push(`Unit costs differed between the merged rows: kept ${first.unitCostCents / 100} of the oldest`);
  let stockMilli = parts.reduce((sum, part) => sum + part.stockMilli, 0);
  if (stockMilli > MAX_QUANTITY_MILLI) {
    notes.push('The merged stocks add up to more than a billion: counted as 0');
    stockMilli = 0;
  }
  if (parts.length > 1) {
    const from = parts.map((part) => `${part.table} ${part.oldId}`).join(', ');
    notes.push(`Merged from ${parts.length} old rows of one name, area and unit (${from}); stocks added`);
  }
  return {
    newId: legacyId(`${first.table}:${first.oldId}`),
    area: OldItemTables[first.table].area,
    name: first.name,
    category: parts.find((part) => part.category !== '')?.category ?? '',
    supplier: parts.find((part) => part.supplier !== '')?.supplier ?? '',
    unit: first.unit,
    unitCostCents: first.unitCostCents,
    stockMilli,
    countedAt: latest(parts.map((part) => part.updatedAt ?? part.createdAt)),
    parts,
    createdBy: userIds.get(first.userId ?? '')!,
    notes,
  };
}

/** Same name, other unit: each named with its unit, so a person tells them apart. */
function nameApart(items: PlannedItem[]): void {
  const byName = new Map<string, PlannedItem[]>();
  for (const item of items) {
    const key = `${item.area}\u0000${sameText(item.name)}`;
    pushTo(byName, key, item);
  }
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    for (const item of same) {
      const suffix = ` (${item.unit})`;
      const named = `${cutTo(item.name, TEXT_FIELDS.itemName.max - [...suffix].length).trim()}${suffix}`;
      item.notes.push(`Another item of this name has another unit: named "${named}"`);
      item.name = named;
    }
  }
}

function plannedItems(items: OldItem[], userIds: Map<string, string>): PlannedItem[] {
  const groups = new Map<string, OldItem[]>();
  for (const item of [...items].sort(partOrder)) {
    const key = [OldItemTables[item.table].area, sameText(item.name), sameText(item.unit)].join('\u0000');
    pushTo(groups, key, item);
  }
  const planned = [...groups.values()].map((parts) => mergedItem(parts, userIds));
  nameApart(planned);
  return planned;
}

function plannedRestaurant(group: Group, itemsOf: Map<string, OldItem[]>): PlannedRestaurant {
  const notes: string[] = [];
  const users = plannedUsers(group.users, notes);
  const first = users[0]!;
  const userIds = new Map(users.map((user) => [user.oldId, user.newId]));
  const name = group.name ?? (first.restaurantName || `${first.fullName}'s restaurant`);
  if (!group.name && first.restaurantName === '') notes.push(`No restaurant name: named "${name}"`);
  return {
    key: group.key,
    newId: legacyId(`restaurant:${group.key}`),
    name: cutTo(name, TEXT_FIELDS.restaurantName.max),
    type: group.type ?? first.restaurantType,
    users,
    items: plannedItems(
      users.flatMap((user) => itemsOf.get(user.oldId) ?? []),
      userIds,
    ),
    notes,
  };
}

export function makePlan(old: OldRows, file: Grouping | null = null): Plan {
  const notes: string[] = [];
  const skipped = [...old.unreadable];
  const users = old.users.map(oldUser);
  const known = new Set(users.map((user) => user.oldId));
  const itemsOf = new Map<string, OldItem[]>();
  for (const { table, row } of old.items) {
    const item = oldItem(table, row);
    if (item.userId === null || !known.has(item.userId)) {
      skipped.push({
        source: table,
        id: item.oldId,
        reason: `Belongs to no user of the old database (user_id ${item.userId ?? 'empty'})`,
      });
      continue;
    }
    pushTo(itemsOf, item.userId, item);
  }
  const restaurants = groupUsers(users, file, notes).map((group) => plannedRestaurant(group, itemsOf));
  const droppedTokens = old.resetTokens.map((token) => ({
    oldId: token.id,
    userId: token.user_id,
    expiresAt: instant(token.expires_at),
    used: token.used === 'true',
  }));
  return { restaurants, droppedTokens, skipped, notes };
}
