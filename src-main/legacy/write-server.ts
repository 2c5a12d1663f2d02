/**
 * Writes one restaurant's changes into the central server, as its administrator, inside the
 * caller's transaction: a few multi-row statements per table (the bench imports a thousand users'
 * items), each row tagged with the restaurant's next sync version so every computer pulls it.
 */
import type pg from 'pg';
import { moneyFromCents } from '../../shared/money';
import { type NewUser, type RestaurantChanges, type Written, writtenBy } from './changes';
import { legacyId } from './plan';

/** The device the imported opening counts say they came from. */
export const IMPORT_DEVICE = legacyId('device:import of the old KitchenGuard');

const json = (rows: unknown[]) => JSON.stringify(rows);

async function startVersion(client: pg.ClientBase, changes: RestaurantChanges): Promise<number> {
  const { restaurantId, restaurant } = changes;
  if (changes.isNew && restaurant) {
    await client.query('INSERT INTO kg.restaurants (id, name, type, version) VALUES ($1, $2, $3, 1)', [
      restaurantId,
      restaurant.name,
      restaurant.type,
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

async function insertItems(client: pg.ClientBase, changes: RestaurantChanges, version: number) {
  if (changes.newItems.length === 0) return;
  const rows = changes.newItems.map(({ item, id }) => ({
    id,
    area: item.area,
    name: item.name,
    category: item.category,
    supplier: item.supplier,
    unit: item.unit,
    cents: item.unitCostCents,
    created_by: item.createdBy,
    created_at: item.parts[0]!.createdAt,
    updated_at: item.countedAt,
  }));
  await client.query(
    `INSERT INTO kg.items (id, restaurant_id, area, name, category, supplier, unit, unit_cost, created_by, updated_by,
                           created_at, updated_at, version)
     SELECT id, $2, area, name, category, supplier, unit, cents / 100.0, created_by, created_by,
            coalesce(created_at, now()), coalesce(updated_at, created_at, now()), $3
       FROM json_to_recordset($1) AS x(id uuid, area text, name text, category text, supplier text, unit text,
            cents bigint, created_by uuid, created_at timestamptz, updated_at timestamptz)`,
    [json(rows), changes.restaurantId, version],
  );
}

/** The old stock is a count that happened when the old row last changed (its updated_at). */
async function insertCounts(client: pg.ClientBase, changes: RestaurantChanges, version: number) {
  if (changes.counts.length === 0) return;
  await client.query(
    `INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                     occurred_at, device_id, version, sent_by)
     SELECT id, $2, "itemId", 'count', "quantityMilli" / 1000.0, note, "recordedBy", coalesce(at, now()),
            coalesce(at, now()), $4, $3, "recordedBy"
       FROM json_to_recordset($1) AS x(id uuid, "itemId" uuid, "quantityMilli" bigint, note text,
            "recordedBy" uuid, at timestamptz)
     ON CONFLICT (id) DO NOTHING`,
    [json(changes.counts), changes.restaurantId, version, IMPORT_DEVICE],
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
  await client.query(
    `INSERT INTO kg.legacy_rows (source, old_id, new_id, restaurant_id, imported)
     SELECT source, "oldId", "newId", $2, imported
       FROM jsonb_to_recordset($1) AS x(source text, "oldId" text, "newId" uuid, imported jsonb)
     ON CONFLICT (source, old_id) DO UPDATE SET new_id = excluded.new_id, imported = excluded.imported, imported_at = now()`,
    [json(changes.remember), changes.restaurantId],
  );
}

/** Writes the changes; the caller's transaction makes them one. */
export async function writeRestaurant(client: pg.ClientBase, changes: RestaurantChanges): Promise<Written> {
  const version = await startVersion(client, changes);
  await insertUsers(client, changes, version);
  await insertItems(client, changes, version);
  await insertCounts(client, changes, version);
  await applyUpdates(client, changes, version);
  await remember(client, changes);
  return writtenBy(changes);
}
