/**
 * The ids imported rows get are UUID v5 of their old ids: the same as the uuid package makes (the
 * first imports were made with it), so a later run finds the rows an earlier one wrote.
 */
import { v5 } from 'uuid';
import { expect, test } from 'vitest';
import { LEGACY_NAMESPACE, legacyId, numericOrder } from './plan';

test.each([
  'users:1',
  'kitchen_produce:123456789012',
  'restaurant:name:café ümläut ☕',
  'count:0b6f4a52-3c1e-4d8a-9f43-7e2a51c9d0b4:8250:2025-11-30T08:00:00.000Z',
  '',
  `restaurant:name:${'ü'.repeat(1020)}`,
  `restaurant:name:${'ü'.repeat(1014)}☕`,
])('legacyId(%j) is the uuid package’s v5', (name) => {
  expect(legacyId(name)).toBe(v5(name, LEGACY_NAMESPACE));
});

test('old ids sort in number order, as BigInt orders them', () => {
  const ids = ['10', '9', '-3', '0', '-12', '123456789012345678', '123456789012345677', '-0', '007', '2'];
  const byBigInt = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
  for (const a of ids) for (const b of ids) expect([a, b, numericOrder(a, b)]).toEqual([a, b, byBigInt(a, b)]);
});
