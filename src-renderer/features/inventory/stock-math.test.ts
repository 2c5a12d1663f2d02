import { describe, expect, it } from 'vitest';
import { MOVEMENT_REASONS } from '../../../shared/domain';
import {
  compareMoney,
  compareQuantity,
  goesNegative,
  levelAfter,
  signedChange,
  stockLevel,
  sumStockValue,
} from './stock-math';
import { item } from './testing/item';

describe('comparing decimal strings', () => {
  it.each([
    ['2', '10', -1],
    ['1.5', '1.500', 0],
    ['-0.001', '0', -1],
    ['0', '-0', 0],
    // Beyond what a double tells apart: both texts are the same binary float.
    ['9007199254740.993', '9007199254740.992', 1],
  ])('quantity %s against %s: %i', (a, b, order) => {
    expect(compareQuantity(a, b)).toBe(order);
    expect(compareQuantity(b, a)).toBe(-order || 0);
  });

  it.each([
    ['9.99', '10.00', -1],
    ['0.1', '0.10', 0],
    ['99999999999999.99', '99999999999999.98', 1],
  ])('money %s against %s: %i', (a, b, order) => {
    expect(compareMoney(a, b)).toBe(order);
  });
});

describe('stock level', () => {
  it.each([
    ['-0.001', null, 'negative'],
    ['-2', '5', 'negative'],
    ['4.999', '5', 'below-par'],
    ['0', '0.5', 'below-par'],
    ['5', '5', 'ok'],
    ['5.001', '5', 'ok'],
    ['0', null, 'ok'],
  ] as const)('%s on hand, par %s: %s', (onHand, par, level) => {
    expect(stockLevel({ onHand, par })).toBe(level);
  });
});

describe('the value of the items shown', () => {
  it('is summed exactly, in cents', () => {
    expect(sumStockValue([])).toBe('0.00');
    expect(sumStockValue([item({ stockValue: '0.10' }), item({ stockValue: '0.20' })])).toBe('0.30');
    expect(sumStockValue(Array.from({ length: 1_000 }, () => item({ stockValue: '0.01' })))).toBe('10.00');
    expect(sumStockValue([item({ stockValue: '99999999999999.99' }), item({ stockValue: '0.01' })])).toBe(
      '100000000000000.00',
    );
  });
});

describe('the change an adjustment sends', () => {
  it.each([
    ['delivery', '3', '3'],
    // Kept, so the contract refuses it with a message: never saved as +3 without a word.
    ['delivery', '-3', '-3'],
    ['delivery', '+3', '3'],
    ['usage', '3', '-3'],
    ['usage', '-3', '-3'],
    ['waste', '0.5', '-0.5'],
    ['correction', '-2', '-2'],
    ['correction', '2', '2'],
    ['count', '7', '7'],
    // Nothing typed yet: the form says the quantity is missing, not that "-" is no number.
    ['usage', '', ''],
  ] as const)('%s of %j sends %j', (reason, typed, sent) => {
    expect(signedChange(reason, typed)).toBe(sent);
  });
});

describe('the level after an adjustment', () => {
  it.each([
    ['10', 'delivery', '2.5', '12.5'],
    ['10', 'usage', '-12', '-2'],
    ['0.1', 'delivery', '0.2', '0.3'],
    ['1.5', 'correction', '0.5', '2'],
    ['10', 'count', '4', '4'],
    ['-3', 'count', '0', '0'],
  ] as const)('%s on hand, %s of %s: %s', (onHand, reason, change, after) => {
    expect(levelAfter(onHand, reason, change)).toBe(after);
  });

  it.each(['', '-', 'abc', '1.2345', '1,5'])('is unknown while the amount %j is no quantity', (change) => {
    for (const reason of MOVEMENT_REASONS) expect(levelAfter('10', reason, change)).toBeNull();
  });

  it('is unknown while the change does not suit the reason (a negative delivery)', () => {
    expect(levelAfter('10', 'delivery', '-3')).toBeNull();
    expect(levelAfter('10', 'usage', '0')).toBeNull();
  });

  it.each([
    ['2', '-1', true],
    ['2', '0', false],
    ['-3', '-2', false],
    ['-3', '-4', true],
    ['2', null, false],
  ] as const)('from %s to %s goes below zero: %s', (onHand, after, negative) => {
    expect(goesNegative(onHand, after)).toBe(negative);
  });
});
