import { describe, expect, it } from 'vitest';
import { firstMessage } from './first-message';

describe("a list field's error", () => {
  it('on the list itself', () => {
    expect(firstMessage({ type: 'too_big', message: 'At most 50 entries' })).toBe('At most 50 entries');
  });

  it('on one of its entries: the first entry that has one', () => {
    expect(firstMessage([undefined, { message: 'Too long' }, { message: 'Blank' }])).toBe('Too long');
    expect(firstMessage([undefined, [undefined, { message: 'Nested' }]])).toBe('Nested');
  });

  it.each([undefined, null, '', 'text', 3, [], [undefined], {}, { message: 3 }])('none in %j', (error) => {
    expect(firstMessage(error)).toBeUndefined();
  });
});
