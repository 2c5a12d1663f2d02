/**
 * What a counter types in one unit column of a count sheet, and the line it makes. A column takes
 * `3+2+1` (summed), `+2` (added to what the line already holds in that column), `.7` (a part, in
 * the steps the unit is counted in), `0` (counted: none there); empty means "not counted here".
 * The line across its columns reads in words: "2 cases + 5 bottles = 29 bottles". Only scaled
 * integers (bigint) do arithmetic: no binary float ever touches an amount.
 */
import { amountInWords, type CountedItem, pluralUnit, thousandths } from './count-units';
import { formatScaled } from './decimal';
import { MAX_QUANTITY_MILLI, QUANTITY_SCALE } from './quantity';

const SCALE = 10n ** BigInt(QUANTITY_SCALE);
const MAX = BigInt(MAX_QUANTITY_MILLI);
/** More parts than anyone types in one cell is a stuck key. */
const PARTS_MAX = 40;

/** A unit column of the sheet: the stock unit first, then the item's count units. */
export interface CountColumn {
  unit: string;
  /** Thousandths of the stock unit in one. */
  size: bigint;
  /** Thousandths of one: the smallest part counted (1n: any three decimals). */
  step: bigint;
  /** The item's stock unit, which every column converts to. */
  stockUnit: string;
}

const shown = (milli: bigint): string => formatScaled(milli, QUANTITY_SCALE, 0);

/**
 * The item's columns, largest unit first as people say them ("2 cases + 5 bottles"): its stock unit
 * (any part) and each count unit (whole ones unless it has a step).
 */
export function countColumns(item: CountedItem): CountColumn[] {
  const stock: CountColumn = { unit: item.unit, size: SCALE, step: 1n, stockUnit: item.unit };
  const columns = [
    stock,
    ...item.countUnits.map((unit) => ({
      unit: unit.name,
      size: thousandths(unit.size) ?? 0n,
      step: unit.step === null ? SCALE : (thousandths(unit.step) ?? SCALE),
      stockUnit: item.unit,
    })),
  ];
  return columns.sort((a, b) => (a.size === b.size ? 0 : a.size > b.size ? -1 : 1));
}

/** What one cell holds once read: nothing (skip), an amount of its unit in thousandths, or why not. */
export type ColumnEntry = { kind: 'skip' } | { kind: 'amount'; milli: bigint } | { kind: 'problem'; problem: string };

const problemIn = (column: CountColumn, problem: string): ColumnEntry => {
  const name = pluralUnit(column.unit);
  return { kind: 'problem', problem: `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${problem}` };
};

/** Each `+`-joined part of a cell, summed; or the first part that is not a number. */
function sumOf(parts: readonly string[]): bigint | string {
  let total = 0n;
  for (const part of parts) {
    if (part === '') return 'put a number on each side of "+"';
    const amount = thousandths(part.replace(',', '.'));
    if (amount === null) {
      return /^\d*[.,]\d{4,}$/.test(part)
        ? `"${part}" has more than three decimals`
        : `"${part}" is not a number (type digits, "+" to add)`;
    }
    total += amount;
  }
  return total;
}

/**
 * A cell as typed → its amount in the column's unit. `previous` is what the line already holds in
 * this column (thousandths), which a leading "+" adds to.
 */
export function readColumnEntry(text: string, column: CountColumn, previous: bigint | null = null): ColumnEntry {
  const typed = text.replace(/\s+/g, '');
  if (typed === '') return { kind: 'skip' };
  if (typed.startsWith('-')) return problemIn(column, 'a count cannot be negative');
  const adds = typed.startsWith('+');
  const parts = (adds ? typed.slice(1) : typed).split('+');
  if (parts.length > PARTS_MAX) return problemIn(column, `at most ${PARTS_MAX} parts in one cell`);
  const sum = sumOf(parts);
  if (typeof sum === 'string') return problemIn(column, sum);
  const milli = adds ? (previous ?? 0n) + sum : sum;
  if (milli % column.step !== 0n) {
    return problemIn(column, `count in steps of ${shown(column.step)} (${shown(milli)} is not one)`);
  }
  if ((milli * column.size) % SCALE !== 0n) {
    const exact = `three decimals of ${pluralUnit(column.stockUnit)} at most`;
    return problemIn(column, `${shown(milli)} ${pluralUnit(column.unit)} is no exact amount (${exact})`);
  }
  if ((milli * column.size) / SCALE > MAX) return problemIn(column, 'too large: at most 999,999,999.999');
  return { kind: 'amount', milli };
}

/** A count line: what each column holds (thousandths of its unit; absent = not counted there). */
export type LineAmounts = ReadonlyMap<string, bigint>;

export type LineTotal = { ok: true; milli: bigint; words: string } | { ok: false; problem: string };

/**
 * The line across its columns in the stock unit, and in words ("2 cases + 5 bottles = 29
 * bottles"); a line counted in its stock unit alone reads as the amount ("29 bottles").
 */
export function lineTotal(item: CountedItem, amounts: LineAmounts): LineTotal | null {
  const columns = countColumns(item);
  let total = 0n;
  const words: string[] = [];
  for (const column of columns) {
    const milli = amounts.get(column.unit);
    if (milli === undefined) continue;
    total += (milli * column.size) / SCALE;
    words.push(amountInWords(milli, column.unit));
  }
  if (words.length === 0) return null;
  if (total > MAX) return { ok: false, problem: 'Too large: at most 999,999,999.999 in all' };
  const sum = amountInWords(total, item.unit);
  return {
    ok: true,
    milli: total,
    words: words.length === 1 && words[0] === sum ? sum : `${words.join(' + ')} = ${sum}`,
  };
}
