/**
 * Prepared statements, compiled once per database and reused: the hot paths run at SQLite speed.
 * Each is typed by the row it returns and the parameters it binds, so call sites need no casts.
 * A statement with more than one parameter names them (`@name`, bound from an object): arguments
 * cannot be swapped by position. See docs/decisions/0007-sql-named-parameters-or-query-builder.md.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * `Row` is what `get`/`all` return (`void` for a statement that returns none; the value itself
 * after `pluck()`); `P` is an object for named parameters, a tuple for a lone `?`. The text is not
 * checked against them: a missing named parameter throws on first use, which each store's tests reach.
 */
export function sql<Row = unknown, P extends object = unknown[]>(db: Db, text: string): Statement<P, Row> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    statements.set(text, statement);
  }
  // The one cast: better-sqlite3 cannot know what a text returns, so its caller says it here.
  return statement as unknown as Statement<P, Row>;
}
