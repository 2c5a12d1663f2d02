import { describe, expect, it } from 'vitest';
import type { ItemList } from '../../../shared/contract/inventory';
import { withChanges, withItem, withoutItem } from './stock-cache';
import { item, rowOf } from './testing/item';

const apples = item({ name: 'apples', stockValue: '10.50' });
const butter = item({ name: 'Butter', stockValue: '4.25' });
const cream = item({ name: 'cream', stockValue: '0.25' });
const LIST: ItemList = { items: [apples, butter, cream], totalValue: '15.00' };
const names = (list: ItemList) => list.items.map(({ name }) => name);

describe('patching the cached stock list', () => {
  it('replaces a changed item in its place and moves the total by the difference', () => {
    const counted = { ...butter, onHand: '9', stockValue: '38.25' };
    const after = withItem(LIST, counted);
    expect(after.items).toEqual([apples, counted, cream]);
    expect(after.totalValue).toBe('49.00');
    expect(LIST.items[1]).toBe(butter); // the cached list itself is never changed
  });

  it('puts a new or renamed item where the core would list it: by name, case folded as SQLite folds it', () => {
    expect(names(withItem(LIST, item({ name: 'Basil', stockValue: '1.00' })))).toEqual([
      'apples',
      'Basil',
      'Butter',
      'cream',
    ]);
    const renamed = withItem(LIST, { ...apples, name: 'Zucchini' });
    expect(names(renamed)).toEqual(['Butter', 'cream', 'Zucchini']);
    expect(renamed.totalValue).toBe('15.00');
    expect(withItem({ items: [], totalValue: '0.00' }, cream)).toEqual({ items: [cream], totalValue: '0.25' });
  });

  it('takes a deleted item and its value out, and leaves a list without it as it is', () => {
    expect(withoutItem(LIST, apples.id)).toEqual({ items: [butter, cream], totalValue: '4.50' });
    expect(withoutItem(LIST, 'not-there')).toBe(LIST);
  });
});

describe('patching the cached stock list from the change feed', () => {
  it('puts changed items in, takes deleted ones and ones moved to the other area out', () => {
    const counted = { ...cream, onHand: '5', stockValue: '1.25' };
    const basil = item({ name: 'Basil', stockValue: '2.00' });
    const toBar = { ...apples, area: 'bar' as const };
    const after = withChanges(LIST, 'kitchen', {
      people: ['Olive Owner'],
      rows: { kitchen: [rowOf(counted), rowOf(basil)], bar: [rowOf(toBar)] },
      deleted: [butter.id],
    });
    expect(after.items).toEqual([basil, counted]);
    expect(after.totalValue).toBe('3.25');
  });

  it('changes nothing when the changes are already in the list', () => {
    const same = withChanges(LIST, 'kitchen', {
      people: ['Olive Owner'],
      rows: { kitchen: [rowOf(butter)], bar: [] },
      deleted: [],
    });
    expect(same).toEqual(LIST);
  });
});

describe('patching with what the list already holds', () => {
  it('gives back the same list, so nothing is drawn again', () => {
    expect(withItem(LIST, { ...butter })).toBe(LIST);
    expect(withItem(LIST, { ...butter, onHand: '2' })).not.toBe(LIST);
  });
});
