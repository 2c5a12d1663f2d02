import { describe, expect, it } from 'vitest';
import { MOVEMENT_REASONS } from './domain';
import { movementQuantityProblem, setsLevel } from './quantity';

describe('the sign of a movement', () => {
  it.each([
    ['delivery', [null, 'Enter a change other than zero.', 'A delivery adds stock: enter a positive amount']],
    ['usage', ['Usage takes stock away: enter a negative amount', 'Enter a change other than zero.', null]],
    ['waste', ['Waste takes stock away: enter a negative amount', 'Enter a change other than zero.', null]],
    ['correction', [null, 'Enter a change other than zero.', null]],
    ['count', [null, null, 'A count cannot be negative']],
  ] as const)('%s: +1, 0 and -1', (reason, [plus, zero, minus]) => {
    expect([1000, 0, -1000].map((milli) => movementQuantityProblem(reason, milli))).toEqual([plus, zero, minus]);
  });

  it('only a count sets the level', () => {
    expect(MOVEMENT_REASONS.filter(setsLevel)).toEqual(['count']);
  });
});
