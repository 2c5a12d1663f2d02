/**
 * Old values made into values the new rules accept, each change said: exact cents and thousandths
 * (rounded half away from zero, with a note), times without a zone read as UTC, usernames and
 * e-mails the new rules refuse, and plan files with mistakes refused naming the field.
 */
import { describe, expect, test } from 'vitest';
import { instant, oldItem, oldUser, scaled } from './old-rows';
import { hasOldShape, type RawItem, type RawUser, rawItem } from './old-tables';
import { readPlanFile } from './plan-file';

const item = (overrides: Partial<RawItem>): RawItem => ({
  id: '7',
  user_id: '1',
  name: 'Butter',
  category: null,
  supplier: null,
  unit_cost: '1.00',
  unit: 'kg',
  current_stock: '1',
  created_at: null,
  updated_at: null,
  ...overrides,
});

const user = (overrides: Partial<RawUser>): RawUser => ({
  id: '3',
  username: 'sam',
  email: 'sam@example.test',
  password_hash: '$2b$12$HQFmJJ2jc.GYhrcnu/ofNuJVnShy3oWkMxMJnLk.pCUofWO5CVxE6',
  full_name: 'Sam',
  restaurant_name: 'Pier 9',
  restaurant_type: 'bar',
  user_position: null,
  kitchen_produce_list: null,
  bar_produce_list: null,
  created_at: '2024-01-01 10:00:00',
  updated_at: null,
  is_active: 'true',
  last_login: null,
  ...overrides,
});

describe('decimals', () => {
  test.each([
    ['12.5', 2, 1250, false],
    ['0.005', 2, 1, true],
    ['0.004', 2, 0, true],
    ['-1.235', 2, -124, true],
    ['3.10', 3, 3100, false],
    ['7', 3, 7000, false],
  ])('%s at %i places is %s', (text, places, value, rounded) => {
    expect(scaled(text, places)).toEqual({ value, rounded });
  });

  test.each(['NaN', 'Infinity', '1e+20', '', '1.2.3'])('"%s" is no decimal', (text) => {
    expect(scaled(text, 2)).toBeNull();
  });

  test('more digits than a double holds exactly is beyond every limit, with its sign; minus zero is zero', () => {
    expect(scaled('123456789012345678.5', 3)).toEqual({ value: Number.POSITIVE_INFINITY, rounded: false });
    expect(scaled('-123456789012345678', 3)?.value).toBe(Number.NEGATIVE_INFINITY);
    expect(scaled('9999999999.999', 3)).toEqual({ value: 9_999_999_999_999, rounded: false });
    expect(Object.is(scaled('-0.000', 3)?.value, 0)).toBe(true);
  });

  test('a cost with more than two decimals is rounded to the cent, and said', () => {
    const butter = oldItem('kitchen_produce', item({ unit_cost: '2.345' }));
    expect(butter.unitCostCents).toBe(235);
    expect(butter.notes).toEqual(['Unit cost 2.345 has more than two decimals: rounded to the cent']);
  });

  test('a stock in thousandths, exact; more decimals rounded and said', () => {
    expect(oldItem('bar_supplies', item({ current_stock: '0.1' })).stockMilli).toBe(100);
    const odd = oldItem('bar_supplies', item({ current_stock: '2.00049' }));
    expect([odd.stockMilli, odd.notes]).toEqual([2000, ['Stock 2.00049 has more than three decimals: rounded']]);
  });
});

describe('the old shape', () => {
  test.each([
    ['a row as read', item({}), true],
    ['an id that is no whole number', item({ id: '7a' }), false],
    ['a column that is not text', { ...item({}), current_stock: 3 }, false],
    ['a missing column', (({ unit: _, ...rest }) => rest)(item({})), false],
  ])('%s: the quick check agrees with zod', (_, row, shaped) => {
    expect(hasOldShape(rawItem, row)).toBe(shaped);
    expect(rawItem.safeParse(row).success).toBe(shaped);
  });
});

describe('times', () => {
  test('a time without a zone is UTC; one with a zone keeps it; a broken one is none', () => {
    expect(instant('2025-11-30 08:00:00')).toBe('2025-11-30T08:00:00.000Z');
    expect(instant('2025-11-30 08:00:00.123456+01')).toBe('2025-11-30T07:00:00.123Z');
    expect(instant('not a time')).toBeNull();
  });

  test.each([
    ['2025-11-30 08:00:00.1', '2025-11-30T08:00:00.100Z'],
    ['2025-11-30 08:00:00.123956', '2025-11-30T08:00:00.123Z'],
    ['2024-02-29 12:00:00+00', '2024-02-29T12:00:00.000Z'],
    ['2025-02-30 23:59:59', '2025-03-02T23:59:59.000Z'],
    ['2025-11-30 24:00:00', '2025-12-01T00:00:00.000Z'],
    ['0099-01-01 00:00:00', '0099-01-01T00:00:00.000Z'],
    ['2025-13-01 00:00:00', null],
  ])('%s is read as a JavaScript Date reads it: %s', (text, expected) => {
    expect(instant(text)).toBe(expected);
  });
});

describe('users', () => {
  test('a username the new rules refuse is made into one they accept; an e-mail that is no address is replaced', () => {
    const renamed = oldUser(user({ username: 'Zoë O’Brien', email: 'zoe at home' }));
    expect([renamed.username, renamed.email]).toEqual(['Zoe.O.Brien', 'Zoe.O.Brien@legacy.invalid']);
    expect(oldUser(user({ username: 'ab' })).username).toBe('user3');
  });

  test('the old hash is kept with the prefix PostgreSQL reads; one that is not bcrypt is none', () => {
    expect(oldUser(user({})).passwordHash).toBe('$2a$12$HQFmJJ2jc.GYhrcnu/ofNuJVnShy3oWkMxMJnLk.pCUofWO5CVxE6');
    expect(
      oldUser(user({ password_hash: '$2b$14$HQFmJJ2jc.GYhrcnu/ofNuJVnShy3oWkMxMJnLk.pCUofWO5CVxE6' })).passwordHash,
    ).toBeNull();
  });

  test('text with control characters is cleaned, and said', () => {
    const tabbed = oldUser(user({ full_name: 'Sam\tthe\u0007 Cook' }));
    expect([tabbed.fullName, tabbed.notes]).toEqual(['Sam the Cook', ['Full name held control characters: removed']]);
  });
});

describe('plan files', () => {
  test.each([
    ['{', /not valid JSON/],
    ['{"kitchenguardImportPlan": 2, "restaurants": []}', /kitchenguardImportPlan must be 1/],
    [
      '{"kitchenguardImportPlan": 1, "restaurants": [{"key": "a", "name": "A", "type": "bar", "users": [{"id": "x"}]}]}',
      /restaurants\[0\]\.users\[0\]\.id/,
    ],
    [
      '{"kitchenguardImportPlan": 1, "restaurants": [{"key": "a", "name": "A", "type": "bar", "users": []}, {"key": "a", "name": "B", "type": "bar", "users": []}]}',
      /names the restaurant key "a" twice/,
    ],
  ])('%s is refused', (text, message) => {
    expect(() => readPlanFile(text)).toThrow(message);
  });
});
