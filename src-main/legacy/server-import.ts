/**
 * The import of a plan into a central server made by server:setup: one transaction per restaurant
 * (so an interrupted run keeps the restaurants it finished, and the next run goes on from there),
 * each holding a lock on its restaurant key so two runs never write one restaurant at once, a few
 * restaurants at a time on connections of their own (parallel-writers.ts). A dry run reads the
 * same, in one read-only snapshot, and writes nothing.
 */
import pg from 'pg';
import { LATEST_SERVER_SCHEMA } from '../central/migrations';
import { describeConnectionError } from '../central/server-errors';
import {
  hasWrites,
  type ImportOutcome,
  nothingWritten,
  notImported,
  type ReportLine,
  type RestaurantChanges,
  restaurantChanges,
  type Written,
} from './changes';
import { writeInParallel } from './parallel-writers';
import type { Plan, PlannedRestaurant } from './plan';
import { readServerState } from './server-state';
import { writeRestaurant } from './write-server';

export interface ServerImportOptions {
  dryRun?: boolean;
  /** The currency of the restaurants made (ISO 4217); without one, an owner chooses it in Settings. */
  currency?: string | null;
  /** Told of each restaurant once its changes are written, before they commit. */
  onRestaurant?: (restaurant: PlannedRestaurant, changes: RestaurantChanges) => void | Promise<void>;
}

export type ServerImportResult = ImportOutcome;

async function requireSchema(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ version: number | null }>(
    "SELECT CASE WHEN to_regclass('kg.schema_migrations') IS NOT NULL THEN (SELECT max(version) FROM kg.schema_migrations) END AS version",
  );
  const version = rows[0]?.version ?? 0;
  if (version < LATEST_SERVER_SCHEMA) {
    throw new Error(
      `The central server's schema is version ${version}; this import needs ${LATEST_SERVER_SCHEMA}: run npm run server:setup first.`,
    );
  }
}

async function importOne(client: pg.Client, restaurant: PlannedRestaurant, options: ServerImportOptions) {
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('kitchenguard-legacy-import'), hashtext($1))", [
      restaurant.key,
    ]);
    const changes = restaurantChanges(restaurant, await readServerState(client, restaurant));
    if (!hasWrites(changes)) {
      await client.query('ROLLBACK');
      return { changes, written: nothingWritten() };
    }
    const written = await writeRestaurant(client, changes, options.currency ?? null);
    await options.onRestaurant?.(restaurant, changes);
    await client.query('COMMIT');
    return { changes, written };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function add(total: Written, more: Written): void {
  for (const key of Object.keys(total) as (keyof Written)[]) total[key] += more[key];
}

/**
 * Restaurants written at once, each by a server process of its own: while one is planned here, the
 * server writes two (the server's inserts are most of an import's work; measured in `npm run bench -- legacy`).
 */
const WRITERS = 3;

async function connect(admin: pg.ClientConfig): Promise<pg.Client> {
  const client = new pg.Client(admin);
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const where = {
      host: String(admin.host),
      port: Number(admin.port),
      database: String(admin.database),
      user: String(admin.user),
    };
    throw new Error(`Central server: ${describeConnectionError(error, where).message}`);
  }
  return client;
}

async function dryRun(client: pg.Client, plan: Plan): Promise<ReportLine[]> {
  const lines: ReportLine[] = [];
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  for (const restaurant of plan.restaurants) {
    lines.push(...restaurantChanges(restaurant, await readServerState(client, restaurant)).lines);
  }
  await client.query('ROLLBACK');
  return lines;
}

export async function importIntoServer(
  admin: pg.ClientConfig,
  plan: Plan,
  options: ServerImportOptions = {},
): Promise<ServerImportResult> {
  const clients = [await connect(admin)];
  const lines: ReportLine[] = [];
  const written = nothingWritten();
  try {
    await requireSchema(clients[0]!);
    if (options.dryRun) lines.push(...(await dryRun(clients[0]!, plan)));
    else {
      const more = Math.min(WRITERS, plan.restaurants.length) - 1;
      for (let count = 0; count < more; count++) clients.push(await connect(admin));
      const outcomes = await writeInParallel(plan.restaurants, clients, (client, restaurant) =>
        importOne(client, restaurant, options),
      );
      for (const outcome of outcomes) {
        lines.push(...outcome.changes.lines);
        add(written, outcome.written);
      }
    }
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
  return { lines: [...lines, ...notImported(plan)], written, dryRun: options.dryRun ?? false };
}
