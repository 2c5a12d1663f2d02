import { describe, expect, it } from 'vitest';
import { normaliseDecimal, optionalDecimal } from './decimal-text';

describe('decimal text as people type it', () => {
  it.each([
    ['12.5', '12.5'],
    ['12,5', '12.5'],
    [' 12.5 ', '12.5'],
    [' -0,25\t', '-0.25'],
    // Left for the contract to refuse, naming the field: not guessed into a number.
    ['abc', 'abc'],
  ])('%j is sent as %j', (typed, sent) => {
    expect(normaliseDecimal(typed)).toBe(sent);
  });

  it('is "not set" when optional and left blank', () => {
    expect(optionalDecimal(null)).toBeNull();
    expect(optionalDecimal(undefined)).toBeNull();
    expect(optionalDecimal('')).toBeNull();
    expect(optionalDecimal('   ')).toBeNull();
    expect(optionalDecimal('0')).toBe('0');
    expect(optionalDecimal(' 4,5 ')).toBe('4.5');
  });
});
