/** A counter of "data changed underneath the screens", with waiters for the renderer's long poll. */
export interface ChangeFeed {
  current(): number;
  bump(): void;
  /** Resolves with the counter once it passes `since`, or after `timeoutMs` with it unchanged. */
  wait(since: number, timeoutMs: number): Promise<number>;
}

export function createChangeFeed(): ChangeFeed {
  let counter = 0;
  const waiters = new Set<() => void>();
  return {
    current: () => counter,
    bump() {
      counter += 1;
      for (const wake of waiters) wake();
      waiters.clear();
    },
    wait(since, timeoutMs) {
      if (counter > since) return Promise.resolve(counter);
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve(counter);
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(counter);
        }, timeoutMs);
        timer.unref?.();
        waiters.add(wake);
      });
    },
  };
}
