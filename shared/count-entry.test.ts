import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ColumnEntry, countColumns, lineTotal, readColumnEntry } from './count-entry';
import type { CountedItem } from './count-units';
import { milliFromQuantity, quantityFromMilli } from './quantity';

const vodka: CountedItem = { unit: 'bottle', countUnits: [{ name: 'case', size: '12', step: null }] };
const wine: CountedItem = {
  unit: 'L',
  countUnits: [
    { name: 'bottle', size: '0.7', step: '0.1' },
    { name: 'keg', size: '50', step: null },
  ],
};

const column = (item: CountedItem, unit: string) => {
  const found = countColumns(item).find((candidate) => candidate.unit === unit);
  if (!found) throw new Error(`no column ${unit}`);
  return found;
};
const amount = (entry: ColumnEntry) => {
  if (entry.kind !== 'amount') throw new Error(entry.kind === 'problem' ? entry.problem : 'skipped');
  return quantityFromMilli(entry.milli);
};
const read = (text: string, item: CountedItem, unit: string, previous?: string) =>
  readColumnEntry(text, column(item, unit), previous === undefined ? null : BigInt(milliFromQuantity(previous)));
const problem = (text: string, item: CountedItem, unit: string) => {
  const entry = read(text, item, unit);
  return entry.kind === 'problem' ? entry.problem : null;
};

describe('a cell of the count sheet', () => {
  it('sums 3+2+1, with or without spaces', () => {
    expect(amount(read('3+2+1', vodka, 'bottle'))).toBe('6');
    expect(amount(read(' 3 + 2 + 1 ', vodka, 'case'))).toBe('6');
  });

  it('adds +2 to what the line already holds in that column, or to nothing', () => {
    expect(amount(read('+2', vodka, 'case', '3'))).toBe('5');
    expect(amount(read('+2+1', vodka, 'bottle', '0.5'))).toBe('3.5');
    expect(amount(read('+2', vodka, 'case'))).toBe('2');
  });

  it('takes .7 as a part, and a comma as the decimal point', () => {
    expect(amount(read('.7', vodka, 'bottle'))).toBe('0.7');
    expect(amount(read('0,25', wine, 'L'))).toBe('0.25');
    expect(amount(read('.7', wine, 'bottle'))).toBe('0.7');
  });

  it('takes 0 as counted (none there), and empty as not counted', () => {
    expect(read('0', vodka, 'bottle')).toEqual({ kind: 'amount', milli: 0n });
    expect(read('', vodka, 'bottle')).toEqual({ kind: 'skip' });
    expect(read('   ', vodka, 'case')).toEqual({ kind: 'skip' });
  });

  it('is exact where binary floats are not: 0.1+0.2 is 0.3', () => {
    expect(amount(read('0.1+0.2', vodka, 'bottle'))).toBe('0.3');
  });

  it('refuses what is wrong, naming the column and the problem', () => {
    expect(problem('3x', vodka, 'case')).toBe('Cases: "3x" is not a number (type digits, "+" to add)');
    expect(problem('-2', vodka, 'bottle')).toBe('Bottles: a count cannot be negative');
    expect(problem('3+', vodka, 'bottle')).toBe('Bottles: put a number on each side of "+"');
    expect(problem('+', vodka, 'bottle')).toBe('Bottles: put a number on each side of "+"');
    expect(problem('1.2345', vodka, 'bottle')).toBe('Bottles: "1.2345" has more than three decimals');
    expect(problem('.5', vodka, 'case')).toBe('Cases: count in steps of 1 (0.5 is not one)');
    expect(problem('.75', wine, 'bottle')).toBe('Bottles: count in steps of 0.1 (0.75 is not one)');
    expect(problem('1000000000', vodka, 'bottle')).toBe('Bottles: too large: at most 999,999,999.999');
    expect(problem('100000000', vodka, 'case')).toBe('Cases: too large: at most 999,999,999.999');
    expect(problem(Array(41).fill('1').join('+'), vodka, 'bottle')).toBe('Bottles: at most 40 parts in one cell');
  });

  it('refuses a part of a unit that is no exact amount of the stock unit', () => {
    const odd: CountedItem = { unit: 'kg', countUnits: [{ name: 'sack', size: '0.333', step: '0.5' }] };
    expect(readColumnEntry('.5', countColumns(odd)[1]!)).toEqual({
      kind: 'problem',
      problem: 'Sacks: 0.5 sacks is no exact amount (three decimals of kg at most)',
    });
  });
});

describe('a count line in words', () => {
  const line = (item: CountedItem, amounts: Record<string, string>) => {
    const total = lineTotal(
      item,
      new Map(Object.entries(amounts).map(([unit, value]) => [unit, BigInt(milliFromQuantity(value))])),
    );
    if (total && !total.ok) throw new Error(total.problem);
    return total && { quantity: quantityFromMilli(total.milli), words: total.words };
  };

  it('says cases and bottles and their sum in the stock unit', () => {
    expect(line(vodka, { case: '2', bottle: '5' })).toEqual({
      quantity: '29',
      words: '2 cases + 5 bottles = 29 bottles',
    });
    expect(line(wine, { L: '1.5', bottle: '0.7', keg: '1' })).toEqual({
      quantity: '51.99',
      words: '1 keg + 1.5 L + 0.7 bottles = 51.99 L',
    });
  });

  it('orders the columns largest unit first', () => {
    expect(countColumns(wine).map((c) => c.unit)).toEqual(['keg', 'L', 'bottle']);
  });

  it('says a line in the stock unit alone as the amount, an explicit zero too', () => {
    expect(line(vodka, { bottle: '1' })).toEqual({ quantity: '1', words: '1 bottle' });
    expect(line(vodka, { bottle: '0' })).toEqual({ quantity: '0', words: '0 bottles' });
    expect(line(vodka, { case: '0' })).toEqual({ quantity: '0', words: '0 cases = 0 bottles' });
  });

  it('is nothing for a line with no column counted', () => {
    expect(line(vodka, {})).toBeNull();
  });

  it('sums any cells exactly: the total is the sum of each cell times its size', () => {
    const cell = fc.bigInt({ min: 0n, max: 10_000_000n });
    fc.assert(
      fc.property(cell, cell, (bottles, cases) => {
        const cases_ = cases - (cases % 1000n);
        const total = lineTotal(
          vodka,
          new Map([
            ['bottle', bottles],
            ['case', cases_],
          ]),
        );
        expect(total).toMatchObject({ ok: true, milli: bottles + cases_ * 12n });
      }),
    );
  });
});
