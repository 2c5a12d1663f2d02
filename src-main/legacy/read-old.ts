/**
 * Reads the old KitchenGuard's two databases, read-only, each in one snapshot (REPEATABLE READ READ
 * ONLY), over TLS with the certificate and host name verified. Rows that do not even have the old
 * shape are listed as unreadable; everything else goes on, as text, to be checked row by row.
 */
import pg from 'pg';
import { type ZodObject, z } from 'zod';
import { describeConnectionError, type ServerProblem } from '../central/server-errors';
import {
  hasOldShape,
  itemsSql,
  OLD_ITEM_TABLES,
  type OldItemTable,
  type OldSource,
  type RawItem,
  type RawResetToken,
  type RawUser,
  RESET_TOKENS_SQL,
  rawItem,
  rawResetToken,
  rawUser,
  USERS_SQL,
} from './old-tables';

export interface OldServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The CA bundle (PEM text) that signed the old server's certificate. */
  ca: string;
  authDatabase: string;
  inventoryDatabase: string;
}

export interface UnreadableRow {
  source: OldSource;
  id: string | null;
  reason: string;
}

export interface OldRows {
  users: RawUser[];
  resetTokens: RawResetToken[];
  items: { table: OldItemTable; row: RawItem }[];
  unreadable: UnreadableRow[];
}

const connection = (server: OldServer, database: string): pg.ClientConfig => ({
  host: server.host,
  port: server.port,
  user: server.user,
  password: server.password,
  database,
  ssl: { ca: server.ca, rejectUnauthorized: true },
  application_name: 'kitchenguard-import',
});

/** What went wrong reading the old server: which database, what kind of problem, and in words. */
export class OldServerError extends Error {
  constructor(
    readonly database: string,
    readonly problem: ServerProblem | 'table_missing',
    message: string,
  ) {
    super(message);
    this.name = 'OldServerError';
  }
}

/** What went wrong reading the old server, in words that say which server and what to check. */
function oldServerError(error: unknown, config: pg.ClientConfig): OldServerError {
  const database = String(config.database);
  if ((error as { code?: string }).code === '42P01') {
    return new OldServerError(
      database,
      'table_missing',
      `Old KitchenGuard: the database "${database}" lacks a table the old services made (${(error as Error).message}). Check --auth-database and --inventory-database.`,
    );
  }
  const where = { host: String(config.host), port: Number(config.port), database, user: String(config.user) };
  const described = describeConnectionError(error, where);
  return new OldServerError(database, described.problem, `Old KitchenGuard (${database}): ${described.message}`);
}

/** Runs `work` in one read-only snapshot of `database`. */
async function inSnapshot<T>(config: pg.ClientConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw oldServerError(error, config);
  }
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    throw oldServerError(error, config);
  } finally {
    await client.end();
  }
}

function checked<S extends ZodObject>(
  source: OldSource,
  rows: Record<string, unknown>[],
  schema: S,
  unreadable: UnreadableRow[],
): z.infer<S>[] {
  const readable: z.infer<S>[] = [];
  for (const row of rows) {
    if (hasOldShape(schema, row)) {
      readable.push(row as z.infer<S>);
      continue;
    }
    const result = schema.safeParse(row);
    if (result.success) readable.push(result.data);
    else {
      const id = row.id;
      unreadable.push({ source, id: typeof id === 'string' ? id : null, reason: z.prettifyError(result.error) });
    }
  }
  return readable;
}

export async function readOldKitchenGuard(server: OldServer): Promise<OldRows> {
  const unreadable: UnreadableRow[] = [];
  const [users, resetTokens] = await inSnapshot(connection(server, server.authDatabase), async (client) => [
    checked('users', (await client.query(USERS_SQL)).rows, rawUser, unreadable),
    checked('password_reset_tokens', (await client.query(RESET_TOKENS_SQL)).rows, rawResetToken, unreadable),
  ]);
  const items = await inSnapshot(connection(server, server.inventoryDatabase), async (client) => {
    const all: OldRows['items'] = [];
    for (const table of OLD_ITEM_TABLES) {
      const { rows } = await client.query(itemsSql(table));
      for (const row of checked(table, rows, rawItem, unreadable)) all.push({ table, row });
    }
    return all;
  });
  return { users: users as RawUser[], resetTokens: resetTokens as RawResetToken[], items, unreadable };
}
