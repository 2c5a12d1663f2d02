import { describe, expect, it } from 'vitest';
import { createChangeFeed } from './change-feed';

describe('the change feed', () => {
  it('wakes a waiter on a data change with both counters moved, on a status change with only one', async () => {
    const feed = createChangeFeed();
    const onData = feed.wait({ data: 0, status: 0 }, 60_000);
    feed.bump();
    expect(await onData).toEqual({ data: 1, status: 1 });
    const onStatus = feed.wait(feed.current(), 60_000);
    feed.bumpStatus();
    expect(await onStatus).toEqual({ data: 1, status: 2 });
  });

  it('answers at once when the caller is behind, and after the timeout with nothing new', async () => {
    const feed = createChangeFeed();
    feed.bumpStatus();
    expect(await feed.wait({ data: 0, status: 0 }, 60_000)).toEqual({ data: 0, status: 1 });
    expect(await feed.wait(feed.current(), 10)).toEqual({ data: 0, status: 1 });
  });
});
