import { describe, expect, it } from 'vitest';
import { memoised } from './memo';

describe('memoised', () => {
  it('computes each key once, objects by identity', () => {
    const computed: object[] = [];
    const text = memoised((value: object) => {
      computed.push(value);
      return JSON.stringify(value);
    });
    const a = { n: 1 };
    expect([text(a), text(a), text({ n: 1 })]).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
    expect(computed).toEqual([a, { n: 1 }]);
    expect(computed[0]).toBe(a);
  });
});
