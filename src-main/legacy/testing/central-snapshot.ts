/**
 * What an import left on a central server, in a form two servers can be compared in: every row of
 * every restaurant the import made, without what only says when it was written (created_at of
 * new rows, received_at, imported_at, edit stamps) or a password no one knows (needs_password).
 */
import { adminQuery, type TestServer } from '../../central/testing/test-server';

const IMPORTED = "SELECT restaurant_id FROM kg.legacy_rows WHERE source = 'restaurants'";

const QUERIES = {
  restaurants: `SELECT id, name, type, version FROM kg.restaurants WHERE id IN (${IMPORTED}) ORDER BY id`,
  restaurant_sync: `SELECT * FROM kg.restaurant_sync WHERE restaurant_id IN (${IMPORTED}) ORDER BY restaurant_id`,
  users: `SELECT id, restaurant_id, username, email, full_name, position, role, kitchen_produce_list, bar_produce_list,
                 is_active, last_login_at, created_at, updated_at, version, needs_password
            FROM kg.users WHERE restaurant_id IN (${IMPORTED}) ORDER BY id`,
  credentials: `SELECT c.user_id, c.password_hash FROM kg.credentials c JOIN kg.users u ON u.id = c.user_id
                 WHERE u.restaurant_id IN (${IMPORTED}) AND NOT u.needs_password ORDER BY c.user_id`,
  items: `SELECT id, restaurant_id, area, name, category, supplier, unit, unit_cost::text, par, created_by, updated_by,
                 created_at, updated_at, deleted_at, version
            FROM kg.items WHERE restaurant_id IN (${IMPORTED}) ORDER BY id`,
  stock_movements: `SELECT id, restaurant_id, item_id, reason, quantity::text, note, recorded_by, recorded_at, occurred_at, device_id,
                           version, sent_by, claimed_at
                      FROM kg.stock_movements WHERE restaurant_id IN (${IMPORTED}) ORDER BY id`,
  legacy_rows: 'SELECT source, old_id, new_id, restaurant_id, imported FROM kg.legacy_rows ORDER BY source, old_id',
};

export async function centralSnapshot(server: TestServer): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(QUERIES)) snapshot[table] = (await adminQuery(server, sql, [])).rows;
  return snapshot;
}

/** How many rows every table of the server schema holds, and each sequence's position: any write shows. */
export async function everyTableCount(server: TestServer): Promise<Record<string, string>> {
  const { rows } = await adminQuery<{ name: string; n: string }>(
    server,
    `SELECT c.relname AS name,
            CASE c.relkind WHEN 'S' THEN (xpath('/row/v/text()', query_to_xml(format('SELECT last_value AS v FROM kg.%I', c.relname), false, false, '')))[1]::text
                           ELSE (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM kg.%I', c.relname), false, false, '')))[1]::text END AS n
       FROM pg_class c WHERE c.relnamespace = 'kg'::regnamespace AND c.relkind IN ('r', 'S') ORDER BY c.relname`,
    [],
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}
