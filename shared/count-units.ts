/**
 * Count units: an item is counted in its stock unit and in any of its count units, each an exact
 * number of stock units (a case of 12 bottles, a keg of 50 L, a bottle of 0.7 L counted in tenths).
 * A count line such as "2 cases + 5 bottles + 0.3" comes out as an exact quantity in the stock unit,
 * and in words: "2 cases + 5 bottles + 0.3 bottle = 29.3 bottles". Only scaled integers (bigint)
 * do arithmetic: no binary float ever touches an amount.
 */
import { formatScaled } from './decimal';
import { MAX_QUANTITY_MILLI, QUANTITY_SCALE } from './quantity';

export interface CountUnit {
  /** "case", "keg", "bottle". */
  name: string;
  /** How many stock units one holds, as a decimal ("12", "0.7"). */
  size: string;
  /** The smallest part of one that is counted ("0.1": tenths); null: whole ones only. */
  step: string | null;
}

export const COUNT_UNITS_MAX = 6;
/** More parts than anyone types on one line is a stuck key. */
const PARTS_MAX = 40;

const SCALE = BigInt(10 ** QUANTITY_SCALE);
const AMOUNT = /^(\d*)(?:\.(\d*))?$/;

/** "0.7" → 700n thousandths; null when it is no plain decimal of at most three places. */
export function thousandths(text: string): bigint | null {
  const match = AMOUNT.exec(text);
  if (!match || (match[1] === '' && !match[2])) return null;
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > QUANTITY_SCALE) return null;
  return BigInt((whole || '0') + fraction.padEnd(QUANTITY_SCALE, '0'));
}

const shown = (milli: bigint): string => formatScaled(milli, QUANTITY_SCALE, 0);

/** "case" → "cases", "box" → "boxes", "L" and "kg" as they are: a unit as people say more than one. */
export function pluralUnit(name: string): string {
  const words = name.split(' ');
  const word = words[0] ?? '';
  if (word.length <= 2 || /[A-Z]/.test(word) || /[^a-z]$/.test(word) || word === 'each') return name;
  const plural = /(s|x|z|ch|sh)$/.test(word)
    ? `${word}es`
    : /[^aeiou]y$/.test(word)
      ? `${word.slice(0, -1)}ies`
      : `${word}s`;
  return [plural, ...words.slice(1)].join(' ');
}

/** An amount with its unit, singular only for exactly one. */
export const amountInWords = (milli: bigint, unit: string): string =>
  `${shown(milli)} ${milli === SCALE ? unit : pluralUnit(unit)}`;

const unitKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The unit a typed word names: its name, or its plural, any case. */
function unitNamed(units: readonly UnitOf[], word: string): UnitOf | undefined {
  const key = unitKey(word);
  return units.find((unit) => unitKey(unit.name) === key || unitKey(pluralUnit(unit.name)) === key);
}

interface UnitOf {
  name: string;
  /** Thousandths of a stock unit in one. */
  size: bigint;
  /** Thousandths of one: the smallest part counted; null: any part that comes out exact. */
  step: bigint | null;
}

export interface CountedItem {
  unit: string;
  countUnits: readonly CountUnit[];
}

export type CountLine = { ok: true; milli: number; words: string } | { ok: false; problem: string };

const refused = (problem: string): CountLine => ({ ok: false, problem });

function unitsOf(item: CountedItem): UnitOf[] {
  const stock: UnitOf = { name: item.unit, size: SCALE, step: 1n };
  const counted = item.countUnits.map((unit) => ({
    name: unit.name,
    size: thousandths(unit.size) ?? 0n,
    step: unit.step === null ? SCALE : thousandths(unit.step),
  }));
  return [stock, ...counted];
}

/** One part of a line ("2 cases", ".3") in thousandths of the stock unit, or why not. */
function evaluatePart(
  part: string,
  units: readonly UnitOf[],
  bare: UnitOf,
): { milli: bigint; words: string } | { problem: string } {
  const match = /^(\d*\.?\d*)\s*(.*)$/.exec(part);
  const [, number = '', word = ''] = match ?? [];
  const amount = thousandths(number);
  if (amount === null) {
    return { problem: number ? `"${number}" is not a number of at most three decimals` : `"${part}" needs a number` };
  }
  const unit = word ? unitNamed(units, word) : bare;
  if (!unit) return { problem: `"${word}" is not a unit of this item (${units.map((u) => u.name).join(', ')})` };
  if (unit.step !== null && amount % unit.step !== 0n) {
    const smallest = shown(unit.step);
    return { problem: `${unit.name}: count in steps of ${smallest} (${shown(amount)} is not one)` };
  }
  const scaled = amount * unit.size;
  if (scaled % SCALE !== 0n) {
    return {
      problem: `${shown(amount)} ${unit.name} is no exact amount of ${units[0]?.name} (three decimals at most)`,
    };
  }
  return { milli: scaled / SCALE, words: amountInWords(amount, unit.name) };
}

/**
 * A count line → the exact quantity in the stock unit (thousandths) and what it says in words.
 * Parts are joined by "+"; a part is a number with a unit's name (or plural), or a bare number in
 * `bareUnit` (the stock unit unless a count sheet's column says otherwise).
 */
export function evaluateCountLine(text: string, item: CountedItem, bareUnit: string = item.unit): CountLine {
  const units = unitsOf(item);
  const bare = unitNamed(units, bareUnit);
  if (!bare) return refused(`"${bareUnit}" is not a unit of this item`);
  const parts = text.split('+').map((part) => part.trim());
  if (parts.length === 1 && parts[0] === '') return refused('Enter a number');
  if (parts.length > PARTS_MAX) return refused(`At most ${PARTS_MAX} parts on one line`);
  let total = 0n;
  const words: string[] = [];
  for (const part of parts) {
    if (part === '') return refused('Put a number on each side of "+"');
    const value = evaluatePart(part, units, bare);
    if ('problem' in value) return refused(value.problem);
    total += value.milli;
    words.push(value.words);
  }
  if (total > BigInt(MAX_QUANTITY_MILLI)) return refused('Too large: at most 999,999,999.999');
  const sum = amountInWords(total, item.unit);
  const said = words.length === 1 && words[0] === sum ? sum : `${words.join(' + ')} = ${sum}`;
  return { ok: true, milli: Number(total), words: said };
}

/**
 * What is wrong with an item's count units, each at its place in the list ("1.size"): names that
 * repeat (as typed, plural or not) or repeat the stock unit, sizes that are not above zero, steps
 * that do not divide one, or that give parts no exact amount of the stock unit.
 */
export function countUnitProblems(units: readonly CountUnit[], stockUnit: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const taken = [stockUnit];
  units.forEach((unit, index) => {
    const problem = countUnitProblem(unit, taken, stockUnit);
    if (problem) problems.push({ path: `${index}.${problem.field}`, message: problem.message });
    taken.push(unit.name);
  });
  return problems;
}

function countUnitProblem(unit: CountUnit, taken: readonly string[], stockUnit: string) {
  const clash = taken.find((name) => unitNamed([{ name, size: 0n, step: null }], unit.name));
  if (clash !== undefined)
    return { field: 'name', message: `Count unit "${unit.name}" is already a unit of this item` };
  const size = thousandths(unit.size);
  if (!size) return { field: 'size', message: `How many ${pluralUnit(stockUnit)} one ${unit.name} holds: above zero` };
  if (unit.step === null) return null;
  const step = thousandths(unit.step);
  if (!step || step > SCALE || SCALE % step !== 0n) {
    return { field: 'step', message: 'A part counted must divide one: 0.5, 0.25, 0.1, 0.01 or 0.001' };
  }
  if ((step * size) % SCALE !== 0n) {
    return {
      field: 'step',
      message: `${shown(step)} of a ${unit.name} is no exact amount of ${stockUnit} (three decimals at most)`,
    };
  }
  return null;
}
