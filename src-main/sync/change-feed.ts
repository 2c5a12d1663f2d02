/**
 * Two counters the renderer's long poll watches: `data` grows when data changed underneath the
 * screens (pulled rows, undone refusals, a sign-out), `status` when the sync state did (online,
 * offline, syncing, progress, an error). Screens refetch on the first; the status bar on either.
 */
export interface Changes {
  data: number;
  status: number;
}

export interface ChangeFeed {
  current(): Changes;
  bump(): void;
  bumpStatus(): void;
  /** Resolves once either counter passes the one given, or after `timeoutMs` with both unchanged. */
  wait(since: Changes, timeoutMs: number): Promise<Changes>;
}

export function createChangeFeed(): ChangeFeed {
  const counters: Changes = { data: 0, status: 0 };
  const waiters = new Set<() => void>();
  const snapshot = (): Changes => ({ ...counters });
  const passed = (since: Changes) => counters.data > since.data || counters.status > since.status;
  const wake = () => {
    for (const waiter of waiters) waiter();
    waiters.clear();
  };
  return {
    current: snapshot,
    bump() {
      counters.data += 1;
      counters.status += 1;
      wake();
    },
    bumpStatus() {
      counters.status += 1;
      wake();
    },
    wait(since, timeoutMs) {
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
        waiters.add(done);
      });
    },
  };
}
