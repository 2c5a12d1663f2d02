/**
 * Issue 10's target: importing an old KitchenGuard of 200 restaurants × 5 users × 500 items (half
 * of each user's items shared with the others of the restaurant, so merged) into a central server,
 * over TLS to a throwaway local PostgreSQL, in at most 60 s; with the old rows read per second.
 */
import { removeTestCluster, startTestCluster } from '../../src-main/central/testing/pg-cluster';
import { adminConfig, createServerDatabase } from '../../src-main/central/testing/server-database';
import { importLegacy } from '../../src-main/legacy/legacy-import';
import { createOldKitchenGuard, type OldKitchenGuard } from '../../src-main/legacy/testing/old-kitchenguard';
import type { BenchRow } from './table';

const RESTAURANTS = Number(process.env.KG_BENCH_RESTAURANTS ?? 200);
const USERS_PER_RESTAURANT = 5;
const ITEMS_PER_USER = 500;
/** Items 1..SHARED of every user of a restaurant have one name and unit: they merge. */
const SHARED = 250;

/** The old databases filled in SQL: a million rows would take minutes one INSERT at a time. */
async function fillOld(old: OldKitchenGuard): Promise<void> {
  await old.admin(
    'auth',
    `INSERT INTO users (id, username, email, password_hash, full_name, restaurant_name, created_at)
     SELECT u, 'user' || u, 'user' || u || '@example.test', $1, 'User ' || u, 'Restaurant ' || ((u - 1) / $2),
            timestamp '2024-01-01' + u * interval '1 minute'
       FROM generate_series(1, $3::int) AS u`,
    [
      '$2b$12$HQFmJJ2jc.GYhrcnu/ofNuJVnShy3oWkMxMJnLk.pCUofWO5CVxE6',
      USERS_PER_RESTAURANT,
      RESTAURANTS * USERS_PER_RESTAURANT,
    ],
  );
  for (const [table, from, to] of [
    ['kitchen_produce', 1, 300],
    ['bar_supplies', 301, ITEMS_PER_USER],
  ] as const) {
    await old.admin(
      'inventory',
      `INSERT INTO ${table} (user_id, name, category, supplier, unit_cost, unit, current_stock, updated_at)
       SELECT u, CASE WHEN i <= $1 THEN 'Produce ' || i ELSE 'Produce ' || u || '-' || i END, 'Category ' || (i % 12),
              'Supplier ' || (i % 7), (i % 5000) / 100.0, 'kg', (i % 40) + 0.5, timestamp '2025-11-01' + i * interval '1 second'
         FROM generate_series(1, $2::int) AS u, generate_series($3::int, $4::int) AS i`,
      [SHARED, RESTAURANTS * USERS_PER_RESTAURANT, from, to],
    );
  }
}

export async function legacyBenchmarks(progress: (message: string) => void): Promise<BenchRow[]> {
  progress('starting a throwaway PostgreSQL with TLS…');
  const cluster = await startTestCluster();
  try {
    const server = await createServerDatabase(cluster);
    const old = await createOldKitchenGuard(cluster);
    const oldRows = RESTAURANTS * USERS_PER_RESTAURANT * (ITEMS_PER_USER + 1);
    progress(`filling the old KitchenGuard with ${oldRows.toLocaleString('en')} rows…`);
    await fillOld(old);
    progress(`importing ${RESTAURANTS} restaurants × ${USERS_PER_RESTAURANT} users × ${ITEMS_PER_USER} items…`);
    const started = performance.now();
    const result = await importLegacy({ old: old.server, central: adminConfig(cluster, server.database) });
    const ms = performance.now() - started;
    const { written } = result;
    const newRows = written.restaurants + written.users + written.items + written.stock_movements;
    return [
      {
        metric: `import ${RESTAURANTS} restaurants × ${USERS_PER_RESTAURANT} users × ${ITEMS_PER_USER} items from the old KitchenGuard`,
        n: 1,
        median: ms,
        target: { stat: 'median', maxMs: 60_000 },
        note: `${Math.round(oldRows / (ms / 1000)).toLocaleString('en')} old rows/s; ${newRows.toLocaleString('en')} rows written`,
      },
    ];
  } finally {
    removeTestCluster(cluster);
  }
}
