/**
 * An old KitchenGuard of many restaurants, filled in SQL (a million rows would take minutes one
 * INSERT at a time): `usersPerRestaurant` people of one restaurant name each, every one with
 * `itemsPerUser` items, the first `shared` of them the same name and unit for every user (so they
 * merge), and stock last changed at a time of its own per item.
 */
import type { OldKitchenGuard } from './old-kitchenguard';

export interface OldSize {
  restaurants: number;
  usersPerRestaurant: number;
  itemsPerUser: number;
  shared: number;
}

/** A hash Python's bcrypt made (cost 12): every bulk user has it. */
const BULK_HASH = '$2b$12$HQFmJJ2jc.GYhrcnu/ofNuJVnShy3oWkMxMJnLk.pCUofWO5CVxE6';

export async function fillOldInBulk(old: OldKitchenGuard, size: OldSize): Promise<void> {
  const users = size.restaurants * size.usersPerRestaurant;
  await old.admin(
    'auth',
    `INSERT INTO users (id, username, email, password_hash, full_name, restaurant_name, created_at)
     SELECT u, 'user' || u, 'user' || u || '@example.test', $1, 'User ' || u, 'Restaurant ' || ((u - 1) / $2),
            timestamp '2024-01-01' + u * interval '1 minute'
       FROM generate_series(1, $3::int) AS u`,
    [BULK_HASH, size.usersPerRestaurant, users],
  );
  await old.admin('auth', `SELECT setval('users_id_seq', $1)`, [users]);
  // Three fifths kitchen, the rest bar.
  const kitchen = Math.ceil((size.itemsPerUser * 3) / 5);
  for (const [table, from, to] of [
    ['kitchen_produce', 1, kitchen],
    ['bar_supplies', kitchen + 1, size.itemsPerUser],
  ] as const) {
    await old.admin(
      'inventory',
      `INSERT INTO ${table} (user_id, name, category, supplier, unit_cost, unit, current_stock, updated_at)
       SELECT u, CASE WHEN i <= $1 THEN 'Produce ' || i ELSE 'Produce ' || u || '-' || i END, 'Category ' || (i % 12),
              'Supplier ' || (i % 7), (i % 5000) / 100.0, 'kg', (i % 40) + 0.5, timestamp '2025-11-01' + i * interval '1 second'
         FROM generate_series(1, $2::int) AS u, generate_series($3::int, $4::int) AS i`,
      [size.shared, users, from, to],
    );
  }
}
