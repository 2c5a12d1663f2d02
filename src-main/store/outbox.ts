/**
 * The outbox: every local write of synced data appends its mutation here in the same transaction,
 * so what the device did is never lost between "saved" and "pushed". Mutation ids increase per device.
 */
import type { Db } from './database';
import { sql } from './statements';

export interface NewMutation {
  name: string;
  args: unknown;
  at: string;
  /** Who made the change: it is sent to the server under that user's session. */
  authorId: string;
}

export interface Mutation {
  mutationId: number;
  name: string;
  args: unknown;
  createdAt: string;
  authorId: string | null;
}

export const outboxSchema = `
CREATE TABLE outbox (
  mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  args        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);`;

/** v3: the author of each mutation, so it can be sent under their own session. */
export const outboxAuthorSchema = 'ALTER TABLE outbox ADD COLUMN author_id TEXT;';

export function appendMutation(db: Db, mutation: NewMutation): void {
  sql(db, 'INSERT INTO outbox (name, args, created_at, author_id) VALUES (?, ?, ?, ?)').run(
    mutation.name,
    JSON.stringify(mutation.args),
    mutation.at,
    mutation.authorId,
  );
}

export function waitingMutations(db: Db): number {
  return (sql(db, 'SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

/** The oldest mutation still waiting, or null when the outbox is empty. */
export const firstWaitingMutation = (db: Db): number | null =>
  (sql(db, 'SELECT min(mutation_id) AS id FROM outbox').get() as { id: number | null }).id;

export function readOutbox(db: Db, limit = 1000): Mutation[] {
  const rows = sql(
    db,
    'SELECT mutation_id, name, args, created_at, author_id FROM outbox ORDER BY mutation_id LIMIT ?',
  ).all(limit) as { mutation_id: number; name: string; args: string; created_at: string; author_id: string | null }[];
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    name: row.name,
    args: JSON.parse(row.args),
    createdAt: row.created_at,
    authorId: row.author_id,
  }));
}
