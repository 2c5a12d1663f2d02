/**
 * Three counters the renderer's long poll watches: `data` grows when data changed underneath the
 * screens (pulled rows, undone refusals, a sign-out), `status` when the sync state did (online,
 * offline, syncing, progress, an error), and `items` — the stock list's journal position — whenever
 * an item changed, by any write. Screens refetch on the first, the status bar on either; the stock
 * screens patch their lists with the items changed (`ItemJournal.changesSince`).
 */
import type { ItemChanges } from '../../shared/contract/inventory';
import type { SyncChanges } from '../../shared/contract/sync';

export interface Changes {
  data: number;
  status: number;
  items: number;
}

/** What the change feed needs of the stock list's journal (inventory/stock-list.ts). */
export interface ItemJournal {
  version(): number;
  changesSince(restaurantId: string, since: number): { version: number; changes: ItemChanges | null };
}

export interface ChangeFeed {
  current(): Changes;
  bump(): void;
  bumpStatus(): void;
  /** Items may have changed (a write went through): wakes those following items if they did. */
  checkItems(): void;
  /**
   * Resolves once a counter passes the one given (items only when given), or after `timeoutMs`
   * with all unchanged.
   */
  wait(since: SyncChanges, timeoutMs: number): Promise<Changes>;
}

const noItems: Pick<ItemJournal, 'version'> = { version: () => 0 };

export function createChangeFeed(journal: Pick<ItemJournal, 'version'> = noItems): ChangeFeed {
  const counters = { data: 0, status: 0 };
  let items = journal.version();
  /** Each waiter with the counters it waits to see passed. */
  const waiters = new Map<() => void, SyncChanges>();
  const snapshot = (): Changes => ({ ...counters, items });
  const passed = (since: SyncChanges) =>
    counters.data > since.data ||
    counters.status > since.status ||
    (since.items !== undefined && items !== since.items);
  const wake = () => {
    for (const [waiter, since] of waiters) {
      if (!passed(since)) continue;
      waiters.delete(waiter);
      waiter();
    }
  };
  const readItems = () => {
    items = journal.version();
  };
  return {
    current: () => {
      readItems();
      return snapshot();
    },
    bump() {
      readItems();
      counters.data += 1;
      counters.status += 1;
      wake();
    },
    bumpStatus() {
      counters.status += 1;
      wake();
    },
    checkItems() {
      const before = items;
      readItems();
      if (items !== before) wake();
    },
    wait(since, timeoutMs) {
      readItems();
      if (passed(since)) return Promise.resolve(snapshot());
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          resolve(snapshot());
        };
        const timer = setTimeout(() => {
          waiters.delete(done);
          resolve(snapshot());
        }, timeoutMs);
        timer.unref?.();
        waiters.set(done, since);
      });
    },
  };
}
