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

export function appendMutation(db: Db, mutation: NewMutation): void {
  sql<void, { name: string; args: string; at: string; authorId: string }>(
    db,
    'INSERT INTO outbox (name, args, created_at, author_id) VALUES (@name, @args, @at, @authorId)',
  ).run({ ...mutation, args: JSON.stringify(mutation.args) });
}

export function waitingMutations(db: Db): number {
  return sql<number>(db, 'SELECT count(*) FROM outbox').pluck().get() ?? 0;
}

/** The oldest mutation still waiting, or null when the outbox is empty. */
export const firstWaitingMutation = (db: Db): number | null =>
  sql<number | null>(db, 'SELECT min(mutation_id) FROM outbox').pluck().get() ?? null;

interface OutboxRow {
  mutation_id: number;
  name: string;
  args: string;
  created_at: string;
  author_id: string | null;
}

export function readOutbox(db: Db, limit = 1000): Mutation[] {
  const rows = sql<OutboxRow, [limit: number]>(
    db,
    'SELECT mutation_id, name, args, created_at, author_id FROM outbox ORDER BY mutation_id LIMIT ?',
  ).all(limit);
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    name: row.name,
    args: JSON.parse(row.args),
    createdAt: row.created_at,
    authorId: row.author_id,
  }));
}
