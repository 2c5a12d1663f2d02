/**
 * A full disk is not a bug inside KitchenGuard: the person can fix it. SQLite rolls the failed
 * transaction back whole (nothing half-written), and reads keep working; the write is refused with
 * what to do instead of "something went wrong" and a log on that same full disk.
 *
 * Signing in records a session, so on a full disk it is refused too, with the same words: a session
 * that cannot be recorded could be neither resumed nor revoked. Whoever is signed in stays signed
 * in (also across a restart: resuming reads only) and keeps reading.
 */
import type { AppError } from '../../shared/errors';

const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC']);

export const isDiskFull = (error: unknown): boolean =>
  DISK_FULL_CODES.has(String((error as { code?: unknown } | null)?.code));

export const diskFullError = (dataFolder: string): AppError => ({
  kind: 'disk_full',
  message: `The disk is full: free some space on the disk that holds ${dataFolder}, then try again. Nothing was saved.`,
});
