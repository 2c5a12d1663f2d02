/**
 * The outbox: every local write of synced data appends its mutation here in the same transaction,
 * so what the device did is never lost between "saved" and "pushed". Mutation ids increase per device.
 */
import type { Db } from './database';
import { sql } from './statements';

export interface Mutation {
  mutationId: number;
  name: string;
  args: unknown;
  createdAt: string;
}

export const outboxSchema = `
CREATE TABLE outbox (
  mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  args        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);`;

export function appendMutation(db: Db, name: string, args: unknown, createdAt: string): void {
  sql(db, 'INSERT INTO outbox (name, args, created_at) VALUES (?, ?, ?)').run(name, JSON.stringify(args), createdAt);
}

export function waitingMutations(db: Db): number {
  return (sql(db, 'SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

export function readOutbox(db: Db, limit = 1000): Mutation[] {
  const rows = db
    .prepare('SELECT mutation_id, name, args, created_at FROM outbox ORDER BY mutation_id LIMIT ?')
    .all(limit) as { mutation_id: number; name: string; args: string; created_at: string }[];
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    name: row.name,
    args: JSON.parse(row.args),
    createdAt: row.created_at,
  }));
}
