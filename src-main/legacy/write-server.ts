/**
 * Writes one restaurant's changes into the central server, as its administrator, inside the
 * caller's transaction: a few multi-row statements per table (the bench imports a thousand users'
 * items), each row tagged with the restaurant's next sync version so every computer pulls it.
 */
import type pg from 'pg';
import { memoised } from '../../shared/memo';
import { moneyFromCents } from '../../shared/money';
import { type NewUser, type RestaurantChanges, type Written, writtenBy } from './changes';
import { legacyId } from './plan';

/** The device the imported opening counts say they came from. */
export const IMPORT_DEVICE = legacyId('device:import of the old KitchenGuard');

const json = (rows: unknown[]) => JSON.stringify(rows);

async function startVersion(
  client: pg.ClientBase,
  changes: RestaurantChanges,
  currency: string | null,
): Promise<number> {
  const { restaurantId, restaurant } = changes;
  if (changes.isNew && restaurant) {
    await client.query('INSERT INTO kg.restaurants (id, name, type, currency, version) VALUES ($1, $2, $3, $4, 1)', [
      restaurantId,
      restaurant.name,
      restaurant.type,
      currency,
    ]);
    await client.query('INSERT INTO kg.restaurant_sync (restaurant_id, version) VALUES ($1, 1)', [restaurantId]);
    return 1;
  }
  const { rows } = await client.query<{ v: string }>('SELECT kg.next_version($1) AS v', [restaurantId]);
  const version = Number(rows[0]!.v);
  if (restaurant) {
    await client.query(
      'UPDATE kg.restaurants SET name = $2, type = $3, updated_at = now(), version = $4 WHERE id = $1',
      [restaurantId, restaurant.name, restaurant.type, version],
    );
  }
  return version;
}

const userRow = ({ user, id, username, email }: NewUser) => ({
  id,
  username,
  email,
  full_name: user.fullName,
  position: user.position,
  role: user.role,
  kitchen: user.kitchenProduceList,
  bar: user.barProduceList,
  is_active: user.isActive,
  last_login_at: user.lastLogin,
  created_at: user.createdAt,
  updated_at: user.updatedAt,
  hash: user.passwordHash,
});

async function insertUsers(client: pg.ClientBase, changes: RestaurantChanges, version: number) {
  if (changes.newUsers.length === 0) return;
  const rows = json(changes.newUsers.map(userRow));
  await client.query(
    `INSERT INTO kg.users (id, restaurant_id, username, email, full_name, position, role, kitchen_produce_list,
                           bar_produce_list, is_active, last_login_at, created_at, updated_at, version, needs_password)
     SELECT id, $2, username, email, full_name, position, role, kitchen, bar, is_active, last_login_at,
            coalesce(created_at, now()), coalesce(updated_at, created_at, now()), $3, hash IS NULL
       FROM jsonb_to_recordset($1) AS x(id uuid, username text, email text, full_name text, position text, role text,
            kitchen jsonb, bar jsonb, is_active boolean, last_login_at timestamptz, created_at timestamptz,
            updated_at timestamptz, hash text)`,
    [rows, changes.restaurantId, version],
  );
  // Without a usable old hash: a password no one knows, until an owner or a manager gives a reset code.
  await client.query(
    `INSERT INTO kg.credentials (user_id, password_hash)
     SELECT id, coalesce(hash, crypt(encode(gen_random_bytes(32), 'hex'), gen_salt('bf', 4)))
       FROM jsonb_to_recordset($1) AS x(id uuid, hash text)`,
    [rows],
  );
}

/** One value of a PostgreSQL array literal: quoted, with its quotes and backslashes escaped. */
const element = (value: unknown) =>
  value === null || value === undefined ? 'NULL' : `"${String(value).replace(/["\\]/g, '\\$&')}"`;

/**
 * Rows as one array literal per column, for `unnest($n::type[], …)`: the server reads arrays of plain
 * values faster than it takes JSON rows apart, and one literal per column is cheaper to make here
 * than the driver's element by element (the bench writes 300,000 items and as many counts).
 */
function columnsOf<Row>(rows: Row[], columns: ((row: Row) => unknown)[]): string[] {
  return columns.map((column) => `{${rows.map((row) => element(column(row))).join(',')}}`);
}

async function insertItems(client: pg.ClientBase, changes: RestaurantChanges, version: number) {
  if (changes.newItems.length === 0) return;
  const columns = columnsOf(changes.newItems, [
    ({ id }) => id,
    ({ item }) => item.area,
    ({ item }) => item.name,
    ({ item }) => item.category,
    ({ item }) => item.supplier,
    ({ item }) => item.unit,
    ({ item }) => item.unitCostCents,
    ({ item }) => item.createdBy,
    ({ item }) => item.parts[0]!.createdAt,
    ({ item }) => item.countedAt,
  ]);
  await client.query(
    `INSERT INTO kg.items (id, restaurant_id, area, name, category, supplier, unit, unit_cost, created_by, updated_by,
                           created_at, updated_at, version)
     SELECT id, $1, area, name, category, supplier, unit, cents / 100.0, created_by, created_by,
            coalesce(created_at, now()), coalesce(updated_at, created_at, now()), $2
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::uuid[],
                   $11::timestamptz[], $12::timestamptz[])
            AS x(id, area, name, category, supplier, unit, cents, created_by, created_at, updated_at)`,
    [changes.restaurantId, version, ...columns],
  );
}

/** The old stock is a count that happened when the old row last changed (its updated_at). */
async function insertCounts(client: pg.ClientBase, changes: RestaurantChanges, version: number) {
  if (changes.counts.length === 0) return;
  const columns = columnsOf(changes.counts, [
    (count) => count.id,
    (count) => count.itemId,
    (count) => count.quantityMilli,
    (count) => count.note,
    (count) => count.recordedBy,
    (count) => count.at,
  ]);
  await client.query(
    `INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                     occurred_at, device_id, version, sent_by)
     SELECT id, $1, item_id, 'count', milli / 1000.0, note, recorded_by, coalesce(at, now()), coalesce(at, now()), $3,
            $2, recorded_by
       FROM unnest($4::uuid[], $5::uuid[], $6::bigint[], $7::text[], $8::uuid[], $9::timestamptz[])
            AS x(id, item_id, milli, note, recorded_by, at)
     ON CONFLICT (id) DO NOTHING`,
    [changes.restaurantId, version, IMPORT_DEVICE, ...columns],
  );
}

const USER_COLUMNS: Record<string, string> = {
  fullName: 'full_name',
  position: 'position',
  kitchenProduceList: 'kitchen_produce_list',
  barProduceList: 'bar_produce_list',
  isActive: 'is_active',
  lastLogin: 'last_login_at',
};
const ITEM_COLUMNS: Record<string, string> = {
  name: 'name',
  category: 'category',
  supplier: 'supplier',
  unit: 'unit',
  unitCostCents: 'unit_cost',
};

/** One UPDATE of the columns named in `fields` (money in cents becomes a decimal). */
async function updateRow(
  client: pg.ClientBase,
  table: string,
  columns: Record<string, string>,
  id: string,
  fields: object,
  version: number,
) {
  const set = Object.entries(fields).filter(([field]) => field in columns);
  if (set.length === 0) return;
  const values = set.map(([field, value]) =>
    field === 'unitCostCents' ? moneyFromCents(Number(value)) : Array.isArray(value) ? JSON.stringify(value) : value,
  );
  const assignments = set.map(([field], index) => `${columns[field]} = $${index + 3}`);
  await client.query(`UPDATE ${table} SET ${assignments.join(', ')}, updated_at = now(), version = $2 WHERE id = $1`, [
    id,
    version,
    ...values,
  ]);
}

async function applyUpdates(client: pg.ClientBase, changes: RestaurantChanges, version: number) {
  for (const { id, fields } of changes.userUpdates) {
    await updateRow(client, 'kg.users', USER_COLUMNS, id, fields, version);
    // A new old password replaces the imported one, unless the person already chose one here.
    if (fields.passwordHash) {
      await client.query(
        `UPDATE kg.credentials SET password_hash = $2, updated_at = now()
          WHERE user_id = $1 AND password_hash = (SELECT imported->>'passwordHash' FROM kg.legacy_rows
                                                    WHERE source = 'users' AND new_id = $1)`,
        [id, fields.passwordHash],
      );
    }
  }
  for (const { id, fields } of changes.itemUpdates)
    await updateRow(client, 'kg.items', ITEM_COLUMNS, id, fields, version);
}

async function remember(client: pg.ClientBase, changes: RestaurantChanges) {
  if (changes.remember.length === 0) return;
  // The old rows merged into one item share its snapshot: written out once.
  const text = memoised((imported: object) => JSON.stringify(imported));
  const columns = columnsOf(changes.remember, [
    (row) => row.source,
    (row) => row.oldId,
    (row) => row.newId,
    (row) => text(row.imported),
  ]);
  await client.query(
    `INSERT INTO kg.legacy_rows (source, old_id, new_id, restaurant_id, imported)
     SELECT source, old_id, new_id, $1, imported
       FROM unnest($2::text[], $3::text[], $4::uuid[], $5::jsonb[]) AS x(source, old_id, new_id, imported)
     ON CONFLICT (source, old_id) DO UPDATE SET new_id = excluded.new_id, imported = excluded.imported, imported_at = now()`,
    [changes.restaurantId, ...columns],
  );
}

/**
 * Writes the changes; the caller's transaction makes them one. `currency`: a restaurant made now
 * gets it (the old KitchenGuard had none); one imported before keeps the one chosen here.
 */
export async function writeRestaurant(
  client: pg.ClientBase,
  changes: RestaurantChanges,
  currency: string | null,
): Promise<Written> {
  const version = await startVersion(client, changes, currency);
  await insertUsers(client, changes, version);
  await insertItems(client, changes, version);
  await insertCounts(client, changes, version);
  await applyUpdates(client, changes, version);
  await remember(client, changes);
  return writtenBy(changes);
}
