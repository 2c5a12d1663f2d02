/**
 * The decisions of the change feed (use-change-feed.ts), apart from React and the bridge: what an
 * answer of `sync.waitForChange` asks for, and how long to wait before the next call.
 */
import type { SyncChanges } from '../../../shared/contract/sync';

/** Data changed (refresh what shows it), only the sync state did, or nothing. */
export type FeedChange = 'data' | 'status' | 'none';

export function changeBetween(since: SyncChanges, now: SyncChanges): FeedChange {
  // Lower than before too: the core restarted and counts from zero again.
  if (now.data !== since.data) return 'data';
  return now.status !== since.status ? 'status' : 'none';
}

const MIN_GAP_MS = 500;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** At most two calls a second; after failures, a wait that doubles up to 30 s. */
export function pauseBeforeNextCall(failures: number, elapsedMs: number): number {
  if (failures > 0) return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1));
  return Math.max(0, MIN_GAP_MS - elapsedMs);
}
