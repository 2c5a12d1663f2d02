/**
 * Throttling of password guesses, per login name: after FREE_ATTEMPTS failures within the window the
 * name is locked for a minute, doubling with each further failure up to a quarter of an hour.
 * A success clears it.
 */
import { fail } from '../../shared/errors';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export const FREE_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60 * 1000;
const FIRST_LOCK_MS = 60 * 1000;
const MAX_LOCK_MS = 15 * 60 * 1000;

interface ThrottleRow {
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

const read = (db: Db, key: string): ThrottleRow | undefined =>
  sql<ThrottleRow, [loginKey: string]>(
    db,
    'SELECT failures, first_failure_at, locked_until FROM login_throttle WHERE login_key = ?',
  ).get(key);

/** Throws `rate_limited` while the name is locked. */
export function assertNotThrottled(db: Db, key: string, now: Date): void {
  const lockedUntil = read(db, key)?.locked_until;
  if (!lockedUntil) return;
  const waitMs = Date.parse(lockedUntil) - now.getTime();
  if (waitMs <= 0) return;
  throw fail.rateLimited(Math.ceil(waitMs / 1000));
}

export function recordFailure(db: Db, key: string, now: Date): void {
  const row = read(db, key);
  const fresh = !row || now.getTime() - Date.parse(row.first_failure_at) > WINDOW_MS;
  const failures = fresh ? 1 : row.failures + 1;
  const firstFailureAt = fresh ? now.toISOString() : row.first_failure_at;
  const over = failures - FREE_ATTEMPTS;
  const lockedUntil =
    over >= 0 ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** over)).toISOString() : null;
  sql<void, { key: string; failures: number; firstFailureAt: string; lockedUntil: string | null }>(
    db,
    `INSERT INTO login_throttle (login_key, failures, first_failure_at, locked_until)
     VALUES (@key, @failures, @firstFailureAt, @lockedUntil)
     ON CONFLICT (login_key) DO UPDATE SET failures = excluded.failures,
       first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until`,
  ).run({ key, failures, firstFailureAt, lockedUntil });
}

export function clearFailures(db: Db, key: string): void {
  sql<void, [loginKey: string]>(db, 'DELETE FROM login_throttle WHERE login_key = ?').run(key);
}
