/** Runs in en-US and UTC (vitest.config.ts), as e2e's Chromium does. */
import { describe, expect, it } from 'vitest';
import {
  capitalise,
  formatAgo,
  formatAmount,
  formatCount,
  formatDateTime,
  formatMoney,
  formatQuantity,
  formatTime,
  plural,
} from './format';

describe('numbers', () => {
  it('formats quantities from their exact text, up to three decimals', () => {
    expect(formatQuantity('1234.5')).toBe('1,234.5');
    expect(formatQuantity('0.001')).toBe('0.001');
    expect(formatQuantity('-2')).toBe('-2');
    // 2^53 + 1: a float would show …992.
    expect(formatQuantity('9007199254740993')).toBe('9,007,199,254,740,993');
  });

  it('formats money with two decimals from its exact text, before a currency is chosen', () => {
    expect(formatMoney('1234.5', null)).toBe('1,234.50');
    expect(formatMoney('0', null)).toBe('0.00');
    expect(formatMoney('-7.05', null)).toBe('-7.05');
    // A float would show …999.98.
    expect(formatMoney('99999999999999.99', null)).toBe('99,999,999,999,999.99');
  });

  it("formats money in the restaurant's currency, with its decimals but never hiding a cent", () => {
    expect(formatMoney('1234.5', 'EUR')).toBe('€1,234.50');
    expect(formatMoney('-7.05', 'USD')).toBe('-$7.05');
    expect(formatMoney('99999999999999.99', 'GBP')).toBe('£99,999,999,999,999.99');
    expect(formatMoney('1234', 'JPY')).toBe('¥1,234');
    expect(formatMoney('1234.5', 'JPY')).toBe('¥1,234.5');
    // Three decimals of its own: shown with the two money has.
    expect(formatMoney('2.5', 'KWD')).toBe('KWD\u00a02.50');
  });

  it('puts the unit after an amount, and nothing when there is none', () => {
    expect(formatAmount('12', 'kg')).toBe('12 kg');
    expect(formatAmount('3', '')).toBe('3');
  });

  it('puts a unit that is a word in the plural, unless the amount is exactly one', () => {
    expect(formatAmount('3', 'case')).toBe('3 cases');
    expect(formatAmount('1.5', 'bottle')).toBe('1.5 bottles');
    expect(formatAmount('0', 'box')).toBe('0 boxes');
    expect(formatAmount('-2', 'bag')).toBe('-2 bags');
    expect(formatAmount('1', 'case')).toBe('1 case');
    expect(formatAmount('1.000', 'bottle')).toBe('1 bottle');
    expect(formatAmount('-1', 'Loaf')).toBe('-1 Loaf');
    expect(formatAmount('2', 'Loaf')).toBe('2 Loaves');
    // Symbols, "each" and words it does not know stay as typed.
    expect(formatAmount('3', 'kg')).toBe('3 kg');
    expect(formatAmount('60', 'each')).toBe('60 each');
    expect(formatAmount('4', 'pcs')).toBe('4 pcs');
  });

  it('counts, and says one or many', () => {
    expect(formatCount(5000)).toBe('5,000');
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(5000, 'item')).toBe('5,000 items');
    expect(plural(2, 'match', 'matches')).toBe('2 matches');
  });
});

describe('times', () => {
  const at = '2026-11-26T21:05:00.000Z';

  it('shows a moment as a date and time, or says when there is none', () => {
    expect(formatDateTime(at)).toMatch(/^Nov 26, 2026, 9:05\sPM$/);
    expect(formatDateTime(null)).toBe('Never');
    expect(formatDateTime(null, 'Not yet')).toBe('Not yet');
    expect(formatTime(at)).toMatch(/^9:05\sPM$/);
  });

  it.each([
    [0, 'just now'],
    [59_999, 'just now'],
    // A moment ahead of this computer's clock (another computer's) is not "in 2 minutes".
    [-120_000, 'just now'],
    [60_000, '1 minute ago'],
    [59 * 60_000 + 59_999, '59 minutes ago'],
    [60 * 60_000, '1 hour ago'],
    [23 * 3_600_000 + 59 * 60_000, '23 hours ago'],
    [24 * 3_600_000, 'yesterday'],
    [3 * 86_400_000 + 3_600_000, '3 days ago'],
  ])('%i ms before now reads %j', (before, reads) => {
    const now = new Date(at).getTime();
    expect(formatAgo(new Date(now - before).toISOString(), now)).toBe(reads);
  });
});

describe('words', () => {
  it('capitalises the first letter only', () => {
    expect(capitalise('kitchen')).toBe('Kitchen');
    expect(capitalise('walk-in cooler')).toBe('Walk-in cooler');
    expect(capitalise('')).toBe('');
  });
});
