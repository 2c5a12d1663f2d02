import { describe, expect, it } from 'vitest';
import { changeBetween, pauseBeforeNextCall } from './change-feed-rules';

describe('what an answer of the change feed asks for', () => {
  it.each([
    [{ data: 3, status: 7 }, { data: 4, status: 8 }, 'data'],
    [{ data: 3, status: 7 }, { data: 3, status: 8 }, 'status'],
    [{ data: 3, status: 7 }, { data: 3, status: 7 }, 'none'],
    // The core restarted and counts from zero again: everything shown may be stale.
    [{ data: 3, status: 7 }, { data: 0, status: 0 }, 'data'],
    [{ data: 3, status: 7 }, { data: 3, status: 0 }, 'status'],
  ])('from %o to %o: %s', (since, now, change) => {
    expect(changeBetween(since, now)).toBe(change);
  });
});

describe('the pause before the next call', () => {
  it('keeps calls at least half a second apart while the core answers', () => {
    expect(pauseBeforeNextCall(0, 0)).toBe(500);
    expect(pauseBeforeNextCall(0, 120)).toBe(380);
    expect(pauseBeforeNextCall(0, 500)).toBe(0);
    expect(pauseBeforeNextCall(0, 25_000)).toBe(0);
  });

  it('backs off from 1 s, doubling after each failure, up to 30 s', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 50].map((failures) => pauseBeforeNextCall(failures, 0));
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    // However long the failed call took.
    expect(pauseBeforeNextCall(2, 25_000)).toBe(2_000);
  });
});
