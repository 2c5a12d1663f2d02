/**
 * Throttling of password guesses on this computer, by the server's rules for an account
 * (docs/decisions/0011-throttling.md): after `free` failures a key is locked for a minute, doubling
 * with each further failure up to `longestLock`; the count starts over only when `per` has passed
 * since its first failure, so waiting out a lock never buys a fresh set of guesses. A success clears it.
 */
import { fail } from '../../shared/errors';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export interface ThrottleRule {
  free: number;
  perMs: number;
  longestLockMs: number;
}

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Guesses at an account's password (sign-in, password change): about fifteen a day at most. */
export const ACCOUNT: ThrottleRule = { free: 5, perMs: DAY_MS, longestLockMs: DAY_MS };
/** Guesses at a reset code: codes live an hour and are 40 bits, so a short lock is enough. */
export const RESET_CODE: ThrottleRule = { free: 5, perMs: 60 * MINUTE_MS, longestLockMs: 15 * MINUTE_MS };
export const FREE_ATTEMPTS = ACCOUNT.free;

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

/** How long a key is locked after its `failures`-th failure (0: not locked). */
function lockAfter(rule: ThrottleRule, failures: number): number {
  const over = failures - rule.free;
  // The exponent is capped first: 2^20 minutes is beyond any longest lock.
  return over < 0 ? 0 : Math.min(rule.longestLockMs, MINUTE_MS * 2 ** Math.min(over, 20));
}

export function recordFailure(db: Db, key: string, now: Date, rule: ThrottleRule = ACCOUNT): void {
  const row = read(db, key);
  const fresh = !row || now.getTime() - Date.parse(row.first_failure_at) > rule.perMs;
  const failures = fresh ? 1 : row.failures + 1;
  const firstFailureAt = fresh ? now.toISOString() : row.first_failure_at;
  const lockMs = lockAfter(rule, failures);
  const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null;
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
