/**
 * Write-ahead log checkpoints off the write path. By default SQLite copies the log back into the
 * store inside whichever commit takes the log past 1,000 pages: that save waits for the copy and a
 * second fsync, and those saves are the slowest 1% of stock writes. The core instead checkpoints a
 * moment after the last write, when nobody waits on it; SQLite's own checkpoint stays as a backstop
 * at a larger log (`BACKSTOP_PAGES`, set in openDatabase) for writes that come back to back (a long
 * pull, a quick-entry grid). Durability is the same either way: with synchronous=FULL a commit is on
 * disk in the log when it returns, copied back or not.
 */
import type { Db } from './database';

const QUIET_MS = 1000;

export interface QuietCheckpoints {
  /** A write was committed: checkpoint once writes have paused for a moment. */
  written(): void;
  stop(): void;
}

export function checkpointWhenQuiet(db: Db, quietMs = QUIET_MS): QuietCheckpoints {
  let timer: NodeJS.Timeout | null = null;
  const checkpoint = () => {
    timer = null;
    // PASSIVE never waits for readers or writers; whatever it cannot copy now, the next one does.
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  };
  return {
    written() {
      if (timer) timer.refresh();
      else {
        timer = setTimeout(checkpoint, quietMs);
        timer.unref();
      }
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
