import { describe, expect, it } from 'vitest';
import { createChangeFeed } from './change-feed';

describe('the change feed', () => {
  it('wakes a waiter on a data change with both counters moved, on a status change with only one', async () => {
    const feed = createChangeFeed();
    const onData = feed.wait({ data: 0, status: 0 }, 60_000);
    feed.bump();
    expect(await onData).toEqual({ data: 1, status: 1, items: 0 });
    const onStatus = feed.wait(feed.current(), 60_000);
    feed.bumpStatus();
    expect(await onStatus).toEqual({ data: 1, status: 2, items: 0 });
  });

  it('answers at once when the caller is behind, and after the timeout with nothing new', async () => {
    const feed = createChangeFeed();
    feed.bumpStatus();
    expect(await feed.wait({ data: 0, status: 0 }, 60_000)).toEqual({ data: 0, status: 1, items: 0 });
    expect(await feed.wait(feed.current(), 10)).toEqual({ data: 0, status: 1, items: 0 });
  });

  it('wakes on item changes only those who follow items', async () => {
    let journal = 7;
    const feed = createChangeFeed({ version: () => journal });
    const follower = feed.wait({ data: 0, status: 0, items: 7 }, 60_000);
    let otherWoken = false;
    void feed.wait({ data: 0, status: 0 }, 60_000).then(() => {
      otherWoken = true;
    });
    journal = 8;
    feed.checkItems();
    expect(await follower).toEqual({ data: 0, status: 0, items: 8 });
    expect(otherWoken).toBe(false);
    // A position the journal no longer has (an earlier core's) answers at once.
    expect(await feed.wait({ data: 0, status: 0, items: 3 }, 60_000)).toMatchObject({ items: 8 });
  });
});
