/** Changes the server refused, kept on this computer with its reason: all SQL about `sync_rejections`. */
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export interface RejectionRow {
  mutation_id: number;
  name: string;
  args: string;
  reason: string;
  rejected_at: string;
}

/** Keeps a refused mutation, as the outbox holds it, with the server's reason; once. */
export function keepRejected(db: Db, rejection: { mutationId: number; reason: string; at: string }): void {
  sql<void, { mutationId: number; reason: string; at: string }>(
    db,
    `INSERT OR IGNORE INTO sync_rejections (mutation_id, name, args, author_id, reason, rejected_at)
     SELECT mutation_id, name, args, author_id, @reason, @at FROM outbox WHERE mutation_id = @mutationId`,
  ).run(rejection);
}

/** A refusal this computer could not undo: its listed reason says so, for the person reading it. */
export function noteNotUndone(db: Db, mutationId: number): void {
  sql<void, [suffix: string, mutationId: number]>(
    db,
    'UPDATE sync_rejections SET reason = reason || ? WHERE mutation_id = ?',
  ).run(' It could not be undone on this computer, so the computer may still show it.', mutationId);
}

/** Newest first. */
export const listRejected = (db: Db): RejectionRow[] =>
  sql<RejectionRow>(
    db,
    'SELECT mutation_id, name, args, reason, rejected_at FROM sync_rejections ORDER BY mutation_id DESC',
  ).all();

export const findRejected = (db: Db, mutationId: number): Pick<RejectionRow, 'name' | 'args'> | undefined =>
  sql<Pick<RejectionRow, 'name' | 'args'>, [mutationId: number]>(
    db,
    'SELECT name, args FROM sync_rejections WHERE mutation_id = ?',
  ).get(mutationId);

export const countRejected = (db: Db): number =>
  sql<number>(db, 'SELECT count(*) FROM sync_rejections').pluck().get() ?? 0;

export function forgetRejected(db: Db): void {
  sql<void>(db, 'DELETE FROM sync_rejections').run();
}
