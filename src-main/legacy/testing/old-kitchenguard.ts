/**
 * The old KitchenGuard in the test cluster: its two databases with the schema its Flask services
 * made (SQLAlchemy models: naive UTC timestamps, produce lists as json.dumps text, bcrypt hashes
 * from Python), and a read-only login as an RDS administrator would give the import. Rows go in
 * the way the old services wrote them; `seed` takes the raw values, so bad data is bad on purpose.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { TestClusterInfo } from '../../central/testing/pg-cluster';
import { asAdmin } from '../../central/testing/server-database';
import type { OldServer } from '../read-old';

const AUTH_SCHEMA = `
CREATE TABLE users (
  id SERIAL PRIMARY KEY,
  username VARCHAR(80) NOT NULL,
  email VARCHAR(120) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  full_name VARCHAR(200),
  restaurant_name VARCHAR(200),
  restaurant_type VARCHAR(100),
  user_position VARCHAR(100),
  kitchen_produce_list TEXT,
  bar_produce_list TEXT,
  created_at TIMESTAMP DEFAULT (now() AT TIME ZONE 'utc'),
  updated_at TIMESTAMP DEFAULT (now() AT TIME ZONE 'utc'),
  is_active BOOLEAN DEFAULT TRUE,
  last_login TIMESTAMP
);
CREATE UNIQUE INDEX idx_users_username ON users (username);
CREATE UNIQUE INDEX idx_users_email ON users (email);
CREATE TABLE password_reset_tokens (
  id SERIAL PRIMARY KEY,
  user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
  token VARCHAR(255) NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  used BOOLEAN DEFAULT FALSE,
  created_at TIMESTAMP DEFAULT (now() AT TIME ZONE 'utc')
);`;

const itemTable = (table: string) => `
CREATE TABLE ${table} (
  id SERIAL PRIMARY KEY,
  user_id INTEGER NOT NULL,
  name VARCHAR(200) NOT NULL,
  category VARCHAR(100),
  supplier VARCHAR(200),
  unit_cost DECIMAL(10, 2),
  unit VARCHAR(50),
  current_stock FLOAT DEFAULT 0,
  created_at TIMESTAMP DEFAULT (now() AT TIME ZONE 'utc'),
  updated_at TIMESTAMP DEFAULT (now() AT TIME ZONE 'utc')
);
CREATE INDEX idx_${table}_user_id ON ${table} (user_id);`;

const INVENTORY_SCHEMA = itemTable('kitchen_produce') + itemTable('bar_supplies');

export interface OldUserRow {
  id?: number;
  username: string;
  email: string;
  password_hash: string;
  full_name?: string | null;
  restaurant_name?: string | null;
  restaurant_type?: string | null;
  user_position?: string | null;
  /** Already text, as json.dumps wrote it (or broken, on purpose). */
  kitchen_produce_list?: string | null;
  bar_produce_list?: string | null;
  created_at?: string;
  updated_at?: string;
  is_active?: boolean | null;
  last_login?: string | null;
}

export interface OldItemRow {
  id?: number;
  user_id: number;
  name: string;
  category?: string | null;
  supplier?: string | null;
  unit_cost?: string | null;
  unit?: string | null;
  current_stock?: number | string | null;
  created_at?: string;
  updated_at?: string;
}

export interface OldResetTokenRow {
  user_id: number;
  token: string;
  expires_at: string;
  used?: boolean;
}

export interface OldSeed {
  users: OldUserRow[];
  kitchen_produce?: OldItemRow[];
  bar_supplies?: OldItemRow[];
  password_reset_tokens?: OldResetTokenRow[];
}

export interface OldKitchenGuard {
  /** What the import connects with: a read-only login over TLS. */
  server: OldServer;
  /** Runs SQL as the administrator in the auth or inventory database (a change between runs). */
  admin(database: 'auth' | 'inventory', sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  seed(rows: OldSeed): Promise<void>;
  drop(): Promise<void>;
}

/** Inserts rows column by column as given: what is absent takes the old schema's default. */
async function insertRows(client: pg.Client, table: string, rows: object[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    const placeholders = columns.map((_, index) => `$${index + 1}`);
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})`,
      Object.values(row),
    );
  }
  // Rows given with their ids must not collide with the next SERIAL value.
  await client.query(
    `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
  );
}

export async function createOldKitchenGuard(cluster: TestClusterInfo): Promise<OldKitchenGuard> {
  const suffix = randomBytes(4).toString('hex');
  const databases = { auth: `kitchenguard_auth_${suffix}`, inventory: `kitchenguard_inventory_${suffix}` };
  const reader = `old_reader_${suffix}`;
  const password = `old-${randomBytes(12).toString('hex')}`;
  await asAdmin(cluster, 'postgres', async (client) => {
    await client.query(`CREATE ROLE ${reader} LOGIN PASSWORD '${password}'`);
    for (const database of Object.values(databases)) await client.query(`CREATE DATABASE ${database}`);
  });
  for (const [name, schema] of [
    ['auth', AUTH_SCHEMA],
    ['inventory', INVENTORY_SCHEMA],
  ] as const) {
    await asAdmin(cluster, databases[name], async (client) => {
      await client.query(schema);
      await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`);
    });
  }
  const admin = (database: 'auth' | 'inventory', sql: string, params: unknown[] = []) =>
    asAdmin(cluster, databases[database], (client) => client.query(sql, params));
  return {
    server: {
      host: cluster.host,
      port: cluster.port,
      user: reader,
      password,
      ca: cluster.ca,
      authDatabase: databases.auth,
      inventoryDatabase: databases.inventory,
    },
    admin,
    async seed(rows) {
      await asAdmin(cluster, databases.auth, async (client) => {
        await insertRows(client, 'users', rows.users);
        await insertRows(client, 'password_reset_tokens', rows.password_reset_tokens ?? []);
      });
      await asAdmin(cluster, databases.inventory, async (client) => {
        await insertRows(client, 'kitchen_produce', rows.kitchen_produce ?? []);
        await insertRows(client, 'bar_supplies', rows.bar_supplies ?? []);
      });
    },
    async drop() {
      await asAdmin(cluster, 'postgres', async (client) => {
        for (const database of Object.values(databases))
          await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${reader}`);
      });
    },
  };
}
