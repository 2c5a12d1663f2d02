import { describe, expect, it } from 'vitest';
import type { CountEntry, SheetItem } from '../../../shared/contract/counts';
import { lineKey, readLine, savedByLine, savedTexts, sheetLine, typedLine } from './sheet-lines';

const AREA = '019b0000-0000-7000-8000-00000000a001';
const ME = { id: '019b0000-0000-7000-8000-00000000b001', name: 'Mia Manager' };
const OTHER = { id: '019b0000-0000-7000-8000-00000000b002', name: 'Sam Staff' };

const vodka: SheetItem = {
  itemId: '019b0000-0000-7000-8000-000000000001',
  storageAreaId: AREA,
  mine: null,
  counted: null,
  conflict: false,
  recount: false,
  name: 'Vodka',
  category: 'Spirits',
  unit: 'bottle',
  countUnits: [{ name: 'case', size: '12', step: null }],
  expected: '20',
  listed: true,
};

let nextEntry = 0;
const entry = (fields: Partial<CountEntry>): CountEntry => {
  nextEntry += 1;
  return {
    id: `019b0000-0000-7000-8000-${String(nextEntry).padStart(12, '0')}`,
    itemId: vodka.itemId,
    storageAreaId: AREA,
    kind: 'set',
    quantity: '29',
    parts: [
      { unit: 'case', amount: '2' },
      { unit: 'bottle', amount: '5' },
    ],
    countedBy: ME,
    deviceId: '019b0000-0000-7000-8000-00000000c001',
    recordedAt: `2026-12-02T07:00:0${nextEntry % 10}.000Z`,
    occurredAt: '2026-12-02T07:00:00.000Z',
    voided: false,
    ...fields,
  };
};

describe('a count sheet line', () => {
  it('shows what this person saved last, not an undone entry nor someone else’s', () => {
    const first = entry({ quantity: '12', parts: [{ unit: 'case', amount: '1' }] });
    const undone = entry({ voided: true });
    const theirs = entry({ countedBy: OTHER, quantity: '3', parts: [] });
    const saved = savedByLine([undone, theirs, first], ME.id).get(lineKey(vodka));
    const line = sheetLine(vodka, saved);
    expect(line.columns.map((column) => column.unit)).toEqual(['case', 'bottle']);
    expect(savedTexts(line)).toEqual(['1', '']);
    expect(line.words).toBe('1 case = 12 bottles');
  });

  it('reads an entry without parts as its quantity in the stock unit', () => {
    const line = sheetLine(vodka, entry({ quantity: '7.5', parts: [] }));
    expect(savedTexts(line)).toEqual(['', '7.5']);
    expect(line.words).toBe('7.5 bottles');
  });

  it('reads typed cells into an entry with its parts, its quantity and its words', () => {
    const line = sheetLine(vodka, undefined);
    expect(readLine(line, ['2', '3+2'])).toEqual({
      kind: 'entry',
      amounts: new Map([
        ['case', 2000n],
        ['bottle', 5000n],
      ]),
      words: '2 cases + 5 bottles = 29 bottles',
      quantity: '29',
      parts: [
        { unit: 'case', amount: '2' },
        { unit: 'bottle', amount: '5' },
      ],
    });
  });

  it('skips a line with nothing typed, and knows a line typed as saved', () => {
    expect(readLine(sheetLine(vodka, undefined), ['', ' '])).toEqual({ kind: 'skip' });
    const saved = sheetLine(vodka, entry({}));
    expect(readLine(saved, savedTexts(saved))).toEqual({ kind: 'same' });
  });

  it('adds +2 to what is saved in that column', () => {
    const reading = readLine(sheetLine(vodka, entry({})), ['2', '+2']);
    expect(reading).toMatchObject({ kind: 'entry', quantity: '31', words: '2 cases + 7 bottles = 31 bottles' });
  });

  it('names the column that is wrong', () => {
    expect(readLine(sheetLine(vodka, undefined), ['1.5', ''])).toEqual({
      kind: 'problem',
      problem: 'Cases: count in steps of 1 (1.5 is not one)',
    });
  });
});

describe('keys typed while lines save', () => {
  it('gives the next line its text and its Enter, and keeps the rest for the lines after it', () => {
    expect(typedLine(['1', '2', 'Enter', '3', 'Enter', '4'])).toEqual({
      text: '12',
      enter: true,
      rest: ['3', 'Enter', '4'],
    });
    expect(typedLine(['4'])).toEqual({ text: '4', enter: false, rest: [] });
    expect(typedLine(['Enter', '5'])).toEqual({ text: '', enter: true, rest: ['5'] });
    expect(typedLine([])).toEqual({ text: '', enter: false, rest: [] });
  });
});
