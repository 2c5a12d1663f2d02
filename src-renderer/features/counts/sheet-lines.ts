/**
 * The count sheet's lines: one item in one storage area, its unit columns, what this person has
 * saved on it (the parts of their latest entry not undone), and what the cells typed make of it.
 */
import type { CountEntry, SheetItem } from '../../../shared/contract/counts';
import { type CountColumn, countColumns, lineTotal, readColumnEntry } from '../../../shared/count-entry';
import { milliFromQuantity, quantityFromMilli } from '../../../shared/quantity';

/** What a line holds, by unit: thousandths of that unit. */
export type Amounts = ReadonlyMap<string, bigint>;

export interface SheetLine {
  key: string;
  item: SheetItem;
  columns: CountColumn[];
  /** This person's saved count on the line; null: not counted by them. */
  saved: Amounts | null;
  /** The saved count in words. */
  words: string | null;
  /** Goes up with each change of `saved`: the cells show the saved count again. */
  rev: number;
}

export const lineKey = (line: { itemId: string; storageAreaId: string | null }): string =>
  `${line.storageAreaId ?? 'none'}:${line.itemId}`;

/** The parts of an entry as amounts; an entry without parts is its quantity in the stock unit. */
function amountsOf(entry: CountEntry, stockUnit: string): Amounts {
  if (entry.parts.length === 0) return new Map([[stockUnit, BigInt(milliFromQuantity(entry.quantity))]]);
  return new Map(entry.parts.map((part) => [part.unit, BigInt(milliFromQuantity(part.amount))]));
}

/** Each line's latest entry by this person that is not undone, oldest first so the last one wins. */
export function savedByLine(entries: readonly CountEntry[], personId: string): Map<string, CountEntry> {
  const mine = entries
    .filter((entry) => entry.countedBy.id === personId && !entry.voided && entry.kind !== 'settle')
    .sort((a, b) =>
      a.recordedAt === b.recordedAt ? a.id.localeCompare(b.id) : a.recordedAt.localeCompare(b.recordedAt),
    );
  return new Map(mine.map((entry) => [lineKey(entry), entry]));
}

export function sheetLine(item: SheetItem, entry: CountEntry | undefined): SheetLine {
  const saved = entry ? amountsOf(entry, item.unit) : null;
  return withSaved({ key: lineKey(item), item, columns: countColumns(item), saved: null, words: null, rev: 0 }, saved);
}

/** The line with a new saved count (null: none), and its words. */
export function withSaved(line: SheetLine, saved: Amounts | null): SheetLine {
  const total = saved && lineTotal(line.item, saved);
  return { ...line, saved, words: total?.ok ? total.words : null, rev: line.rev + 1 };
}

/** The text each cell shows for what is saved: its amount, or empty. */
export const savedTexts = (line: SheetLine): string[] =>
  line.columns.map((column) => {
    const milli = line.saved?.get(column.unit);
    return milli === undefined ? '' : quantityFromMilli(milli);
  });

export type LineReading =
  /** Nothing typed: the line stays as it is (uncounted, or as saved). */
  | { kind: 'skip' }
  /** What is typed is what is saved. */
  | { kind: 'same' }
  | { kind: 'problem'; problem: string }
  | {
      kind: 'entry';
      amounts: Amounts;
      words: string;
      quantity: string;
      parts: { unit: string; amount: string }[];
    };

const sameAmounts = (a: Amounts | null, b: Amounts): boolean =>
  a !== null && a.size === b.size && [...b].every(([unit, milli]) => a.get(unit) === milli);

/** What the cells typed (one text per column) make of the line. */
export function readLine(line: SheetLine, texts: readonly string[]): LineReading {
  const amounts = new Map<string, bigint>();
  for (const [index, column] of line.columns.entries()) {
    const entry = readColumnEntry(texts[index] ?? '', column, line.saved?.get(column.unit) ?? null);
    if (entry.kind === 'problem') return { kind: 'problem', problem: entry.problem };
    if (entry.kind === 'amount') amounts.set(column.unit, entry.milli);
  }
  if (amounts.size === 0) return { kind: 'skip' };
  if (sameAmounts(line.saved, amounts)) return { kind: 'same' };
  const total = lineTotal(line.item, amounts);
  if (!total) return { kind: 'skip' };
  if (!total.ok) return { kind: 'problem', problem: total.problem };
  return {
    kind: 'entry',
    amounts,
    words: total.words,
    quantity: quantityFromMilli(total.milli),
    parts: [...amounts].map(([unit, milli]) => ({ unit, amount: quantityFromMilli(milli) })),
  };
}

/**
 * Of the keys typed while lines were saving (characters, and Enter), the next line's: its text,
 * whether its Enter was typed, and what is left for the lines after it.
 */
export function typedLine(keys: readonly string[]): { text: string; enter: boolean; rest: string[] } {
  const enter = keys.indexOf('Enter');
  if (enter < 0) return { text: keys.join(''), enter: false, rest: [] };
  return { text: keys.slice(0, enter).join(''), enter: true, rest: keys.slice(enter + 1) };
}
