/** Each mistake in a typed amount or quantity gets a message that says what is wrong with it. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { connectionFields } from './central';
import { money, quantity, signedQuantity, username } from './fields';
import { adjustStockInput } from './inventory';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('unit cost', () => {
  it.each([
    ['-2.50', 'Cannot be negative'],
    ['123456789', 'Too large: at most 99,999,999.99'],
    ['$19.99', 'Leave out the currency sign: type 19.99'],
    ['19.99 €', 'Leave out the currency sign: type 19.99'],
    ['', 'Enter an amount like 12.50'],
    ['  ', 'Enter an amount like 12.50'],
    ['1.234', 'Too many decimals: two decimals at most'],
    ['twelve', 'Must be an amount like 12.50'],
  ])('%j: %s', (typed, message) => {
    expect(messageOf(money, typed)).toBe(message);
  });

  it('takes the largest amount and a plain one', () => {
    expect(money.safeParse('99999999.99').data).toBe('99999999.99');
    expect(money.safeParse(' 19.9 ').data).toBe('19.9');
  });
});

describe('quantities', () => {
  it.each([
    [quantity, '-1', 'Cannot be negative'],
    [quantity, '2.5555', 'Too many decimals: three decimals at most'],
    [quantity, '1000000000', 'Too large: at most 999,999,999.999'],
    [quantity, '', 'Enter a number like 2.5'],
    [signedQuantity, 'two', 'Must be a number like 2.5 or -1'],
    [signedQuantity, '-1000000000', 'Too large: at most 999,999,999.999'],
  ])('%#: %j', (schema, typed, message) => {
    expect(messageOf(schema, typed)).toBe(message);
  });

  it('a change may be negative', () => {
    expect(signedQuantity.safeParse('-3.25').success).toBe(true);
  });
});

describe('username and port', () => {
  it('an empty username is required, not too short', () => {
    expect(messageOf(username, '')).toBe('Username is required');
    expect(messageOf(username, 'ab')).toBe('Username must be at least 3 characters');
  });

  it('a port out of range is refused, not changed', () => {
    expect(messageOf(connectionFields.port, 70000)).toBe('Port must be between 1 and 65535');
  });
});

describe('an adjustment', () => {
  const adjust = (quantity: string) =>
    adjustStockInput.safeParse({ itemId: '0190a4b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b', reason: 'delivery', quantity });

  it('that is no number says so (the sign rule after it does not run)', () => {
    expect(adjust('two').error?.issues.map((issue) => issue.message)).toEqual(['Must be a number like 2.5 or -1']);
  });

  it('a negative delivery is refused by the sign rule', () => {
    expect(adjust('-3').error?.issues[0]?.message).toBe('A delivery adds stock: enter a positive amount');
  });
});
