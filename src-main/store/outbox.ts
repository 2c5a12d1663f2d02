/**
 * The outbox: every local write of synced data appends its mutation here in the same transaction,
 * so what the device did is never lost between "saved" and "pushed". Mutation ids increase per device.
 */
import { type Mutation, type MutationName, mutationSchema } from '../../shared/mutations';
import type { Db } from './database';
import { sql } from './statements';

export type NewMutation = Mutation & {
  at: string;
  /** Who made the change: it is sent to the server under that user's session. */
  authorId: string;
};

/** A mutation waiting in the outbox, in its place in line. */
export type QueuedMutation = Mutation & {
  mutationId: number;
  createdAt: string;
  authorId: string | null;
};

export function appendMutation(db: Db, mutation: NewMutation): void {
  sql<void, { name: string; args: string; at: string; authorId: string }>(
    db,
    'INSERT INTO outbox (name, args, created_at, author_id) VALUES (@name, @args, @at, @authorId)',
  ).run({ ...mutation, args: JSON.stringify(mutation.args) });
}

/** A stored mutation (its name and JSON arguments) read with the registry, or why it cannot be. */
export function readStoredMutation(
  name: string,
  args: string,
): { ok: true; mutation: Mutation } | { ok: false; problem: string } {
  let parsedArgs: unknown;
  try {
    parsedArgs = JSON.parse(args);
  } catch {
    return { ok: false, problem: 'its arguments are not JSON' };
  }
  const parsed = mutationSchema.safeParse({ name, args: parsedArgs });
  if (parsed.success) return { ok: true, mutation: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.')}: ${issue?.message}` };
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

/** A waiting change the registry cannot read (an old or damaged row): it can only be refused. */
export interface UnreadableMutation {
  mutationId: number;
  name: string;
  authorId: string | null;
  problem: string;
}

const selectWaiting = (db: Db) =>
  sql<OutboxRow, [limit: number]>(
    db,
    'SELECT mutation_id, name, args, created_at, author_id FROM outbox ORDER BY mutation_id LIMIT ?',
  );

function readRow(row: OutboxRow): QueuedMutation | UnreadableMutation {
  const read = readStoredMutation(row.name, row.args);
  if (!read.ok) return { mutationId: row.mutation_id, name: row.name, authorId: row.author_id, problem: read.problem };
  return { ...read.mutation, mutationId: row.mutation_id, createdAt: row.created_at, authorId: row.author_id };
}

const isUnreadable = (read: QueuedMutation | UnreadableMutation): read is UnreadableMutation => 'problem' in read;

/** A row the registry cannot read stops the reader with its id: nothing is skipped or lost. */
function queued(row: OutboxRow): QueuedMutation {
  const read = readRow(row);
  if (!isUnreadable(read)) return read;
  throw new Error(`Change ${read.mutationId} (${read.name}) waiting to sync cannot be read: ${read.problem}.`);
}

/** Oldest first, up to the first row the registry cannot read, which comes apart: nothing is skipped. */
export function readWaiting(
  db: Db,
  limit = 1000,
): { mutations: QueuedMutation[]; unreadable: UnreadableMutation | null } {
  const mutations: QueuedMutation[] = [];
  for (const row of selectWaiting(db).all(limit)) {
    const read = readRow(row);
    if (isUnreadable(read)) return { mutations, unreadable: read };
    mutations.push(read);
  }
  return { mutations, unreadable: null };
}

/** Oldest first. */
export function readOutbox(db: Db, limit = 1000): QueuedMutation[] {
  return selectWaiting(db).all(limit).map(queued);
}

export type ItemEdit = Extract<QueuedMutation, { name: 'item.update' | 'item.delete' }>;

/** Item edits and deletes still waiting, oldest first. */
export function waitingItemEdits(db: Db): ItemEdit[] {
  return sql<OutboxRow>(
    db,
    `SELECT mutation_id, name, args, created_at, author_id FROM outbox
      WHERE name IN ('item.update', 'item.delete') ORDER BY mutation_id`,
  )
    .all()
    .map(queued)
    .filter((edit): edit is ItemEdit => edit.name === 'item.update' || edit.name === 'item.delete');
}

/**
 * The ids of what changes still waiting made: items created or deleted, movements recorded (an
 * approval's count movements too), counts started and count lines entered.
 */
export function waitingIds(db: Db): {
  createdItems: Set<string>;
  deletedItems: Set<string>;
  movements: Set<string>;
  counts: Set<string>;
  countEntries: Set<string>;
} {
  const rows = sql<{ name: string; id: string }>(
    db,
    `SELECT name, json_extract(args, '$.id') AS id FROM outbox
      WHERE name IN ('item.create', 'item.delete', 'movement.record', 'count.start', 'count.enter')
     UNION ALL
     SELECT 'movement.record', json_extract(r.value, '$.movementId') FROM outbox, json_each(outbox.args, '$.results') r
      WHERE outbox.name = 'count.approve'`,
  ).all();
  const of = (name: string) => new Set(rows.filter((row) => row.name === name).map((row) => row.id));
  return {
    createdItems: of('item.create'),
    deletedItems: of('item.delete'),
    movements: of('movement.record'),
    counts: of('count.start'),
    countEntries: of('count.enter'),
  };
}

/** The waiting mutations of the names given, oldest first. */
export function waitingNamed<N extends MutationName>(
  db: Db,
  names: readonly N[],
): Extract<QueuedMutation, { name: N }>[] {
  return sql<OutboxRow, [names: string]>(
    db,
    `SELECT mutation_id, name, args, created_at, author_id FROM outbox
      WHERE name IN (SELECT value FROM json_each(?)) ORDER BY mutation_id`,
  )
    .all(JSON.stringify(names))
    .map(queued) as Extract<QueuedMutation, { name: N }>[];
}

/** Drops every mutation up to `last`: the server has them. How many went. */
export const dropMutationsUpTo = (db: Db, last: number): number =>
  sql<void, [last: number]>(db, 'DELETE FROM outbox WHERE mutation_id <= ?').run(last).changes;

/** Whether anything `authorId` did is still waiting to be pushed. */
export const hasWaitingBy = (db: Db, authorId: string): boolean =>
  sql<1, [authorId: string]>(db, 'SELECT 1 FROM outbox WHERE author_id = ? LIMIT 1').get(authorId) !== undefined;

/** The highest mutation id this device ever gave out: where its outbox continues on the server. */
export const lastIssuedMutation = (db: Db): number =>
  sql<number>(db, "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'outbox'").pluck().get() ?? 0;

/** The last mutation the server acknowledged to this device: just before the outbox, or all it issued. */
export function acknowledgedMutation(db: Db): number {
  const firstWaiting = firstWaitingMutation(db);
  return firstWaiting === null ? lastIssuedMutation(db) : firstWaiting - 1;
}
