import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountedItem, countUnitProblems, evaluateCountLine, pluralUnit } from './count-units';
import { quantityFromMilli } from './quantity';

const vodka: CountedItem = {
  unit: 'bottle',
  countUnits: [{ name: 'case', size: '12', step: null }],
};
const wine: CountedItem = {
  unit: 'L',
  countUnits: [
    { name: 'bottle', size: '0.7', step: '0.1' },
    { name: 'keg', size: '50', step: null },
  ],
};

const value = (text: string, item: CountedItem, bare?: string) => {
  const line = evaluateCountLine(text, item, bare);
  if (!line.ok) throw new Error(line.problem);
  return { quantity: quantityFromMilli(line.milli), words: line.words };
};
const problem = (text: string, item: CountedItem) => {
  const line = evaluateCountLine(text, item);
  return line.ok ? null : line.problem;
};

describe('a count line', () => {
  it('sums cases, bottles and a part of a bottle in the stock unit, and says so in words', () => {
    expect(value('2 cases + 5 bottles', vodka)).toEqual({ quantity: '29', words: '2 cases + 5 bottles = 29 bottles' });
    expect(value('2 cases + 5 bottles + 0.3', vodka)).toEqual({
      quantity: '29.3',
      words: '2 cases + 5 bottles + 0.3 bottles = 29.3 bottles',
    });
  });

  it('takes a single amount in the stock unit as it is, singular for exactly one', () => {
    expect(value('1', vodka)).toEqual({ quantity: '1', words: '1 bottle' });
    expect(value('.7', vodka)).toEqual({ quantity: '0.7', words: '0.7 bottles' });
    expect(value('0', vodka)).toEqual({ quantity: '0', words: '0 bottles' });
    expect(value('3+2+1', vodka)).toEqual({ quantity: '6', words: '3 bottles + 2 bottles + 1 bottle = 6 bottles' });
  });

  it('names units as typed: singular, plural, any case, with or without a space', () => {
    expect(value('1 Case + 2CASES', vodka).quantity).toBe('36');
    expect(value('1 keg + 2 bottles + 0.3 bottle + 1.5 L', wine)).toEqual({
      quantity: '53.11',
      words: '1 keg + 2 bottles + 0.3 bottles + 1.5 L = 53.11 L',
    });
  });

  it('reads bare numbers in the unit a count sheet column gives', () => {
    expect(value('3', wine, 'bottle')).toEqual({ quantity: '2.1', words: '3 bottles = 2.1 L' });
  });

  it('refuses what is no exact count, naming what is wrong', () => {
    expect(problem('', vodka)).toBe('Enter a number');
    expect(problem('2 +', vodka)).toBe('Put a number on each side of "+"');
    expect(problem('2 crates', vodka)).toBe('"crates" is not a unit of this item (bottle, case)');
    expect(problem('0.5 case', vodka)).toBe('case: count in steps of 1 (0.5 is not one)');
    expect(problem('0.35 bottle', wine)).toBe('bottle: count in steps of 0.1 (0.35 is not one)');
    expect(problem('1.0001', vodka)).toBe('"1.0001" is not a number of at most three decimals');
    expect(problem('-2', vodka)).toBe('"-2" needs a number');
    expect(problem('1e3', vodka)).toBe('"e3" is not a unit of this item (bottle, case)');
    expect(problem('999999999999 + 1', vodka)).toBe('Too large: at most 999,999,999.999');
  });

  it('is exact: any sum of parts equals the sum of its parts in thousandths, no float drift', () => {
    const part = fc.record({
      amount: fc.integer({ min: 0, max: 10_000 }),
      unit: fc.constantFrom('L', 'bottle', 'keg'),
    });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 12 }), (parts) => {
        // Amounts in tenths: always a whole number of steps of every unit but the keg, counted whole.
        const typed = parts.map(({ amount, unit }) =>
          unit === 'keg' ? { text: `${amount} keg`, milli: amount * 50_000 } : tenths(amount, unit),
        );
        const line = evaluateCountLine(typed.map((p) => p.text).join(' + '), wine);
        const expected = typed.reduce((sum, p) => sum + BigInt(p.milli), 0n);
        expect(line.ok && BigInt(line.milli)).toBe(expected);
      }),
    );
  });
});

/** `amount` tenths of a unit as typed ("12.3 bottle"), with its exact thousandths of a litre. */
function tenths(amount: number, unit: string): { text: string; milli: number } {
  const text = `${Math.trunc(amount / 10)}.${amount % 10} ${unit}`;
  return { text, milli: unit === 'bottle' ? amount * 70 : amount * 100 };
}

describe('count units of an item', () => {
  it('may be any exact size, counted whole or in parts that divide one', () => {
    expect(countUnitProblems(wine.countUnits, 'L')).toEqual([]);
  });

  it('are refused at their place in the list when they cannot count exactly', () => {
    expect(
      countUnitProblems(
        [
          { name: 'Bottles', size: '1', step: null },
          { name: 'case', size: '0', step: null },
          { name: 'keg', size: '50', step: '0.3' },
          { name: 'jug', size: '0.333', step: '0.1' },
          { name: 'Keg', size: '30', step: null },
        ],
        'bottle',
      ),
    ).toEqual([
      { path: '0.name', message: 'Count unit "Bottles" is already a unit of this item' },
      { path: '1.size', message: 'How many bottles one case holds: above zero' },
      { path: '2.step', message: 'A part counted must divide one: 0.5, 0.25, 0.1, 0.01 or 0.001' },
      { path: '3.step', message: '0.1 of a jug is no exact amount of bottle (three decimals at most)' },
      { path: '4.name', message: 'Count unit "Keg" is already a unit of this item' },
    ]);
  });
});

describe('plural units', () => {
  it.each([
    ['case', 'cases'],
    ['box', 'boxes'],
    ['bunch', 'bunches'],
    ['berry', 'berries'],
    ['tray', 'trays'],
    ['L', 'L'],
    ['kg', 'kg'],
    ['each', 'each'],
    ['bottle of 0.7 L', 'bottles of 0.7 L'],
  ])('%s → %s', (one, more) => {
    expect(pluralUnit(one)).toBe(more);
  });
});
