import { describe, expect, it } from 'vitest';
import { distinctValues, filterStock, isFiltering, NO_FILTER, needsOrdering } from './stock-filter';
import { item } from './testing/item';

const cream = item({ name: 'Double cream', category: 'Dairy', supplier: 'Millbrook Farm', onHand: '2', par: '4' });
const butter = item({ name: 'Butter', category: 'Dairy', supplier: 'Coastal Foods', onHand: '6', par: '4' });
const flour = item({ name: 'Bread flour', category: 'Dry goods', supplier: 'Millbrook Farm', onHand: '-1' });
const salt = item({ name: 'Sea salt', category: '', supplier: '', onHand: '3' });
const ITEMS = [cream, butter, flour, salt];

const names = (items: readonly { name: string }[]) => items.map(({ name }) => name);
const shown = (filter: Partial<typeof NO_FILTER>) => names(filterStock(ITEMS, { ...NO_FILTER, ...filter }));

describe('filtering the stock list', () => {
  it('shows everything, in the order given, without a filter or with a blank search', () => {
    expect(shown({})).toEqual(names(ITEMS));
    expect(shown({ search: ' \t ' })).toEqual(names(ITEMS));
  });

  it('gives back the list itself when nothing filters it: a save to a 20,000-item list copies nothing', () => {
    expect(filterStock(ITEMS, NO_FILTER)).toBe(ITEMS);
  });

  it('searches name, category and supplier, in any case; every word must match somewhere', () => {
    expect(shown({ search: 'CREAM' })).toEqual(['Double cream']);
    expect(shown({ search: 'dairy' })).toEqual(['Double cream', 'Butter']);
    expect(shown({ search: 'millbrook' })).toEqual(['Double cream', 'Bread flour']);
    expect(shown({ search: '  dairy   mill ' })).toEqual(['Double cream']);
    expect(shown({ search: 'dairy salt' })).toEqual([]);
  });

  it('narrows to one category and one supplier, exactly', () => {
    expect(shown({ category: 'Dairy' })).toEqual(['Double cream', 'Butter']);
    expect(shown({ category: 'Dairy', supplier: 'Coastal Foods' })).toEqual(['Butter']);
    expect(shown({ category: 'dairy' })).toEqual([]);
  });

  it('"to order" shows what is below par and what is below zero', () => {
    expect(shown({ toOrderOnly: true })).toEqual(['Double cream', 'Bread flour']);
    expect(ITEMS.map(needsOrdering)).toEqual([true, false, true, false]);
    expect(shown({ toOrderOnly: true, search: 'farm' })).toEqual(['Double cream', 'Bread flour']);
  });

  it('knows when a filter is on', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, search: '   ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, search: 'a' })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, category: 'Dairy' })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, supplier: 'Millbrook Farm' })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, toOrderOnly: true })).toBe(true);
  });
});

describe('the options of a filter', () => {
  it('are the distinct values that are not blank, sorted whatever their case', () => {
    const items = [item({ category: 'dry goods' }), item({ category: 'Dairy' }), item({ category: ' ' }), cream];
    expect(distinctValues(items, 'category')).toEqual(['Dairy', 'dry goods']);
    expect(distinctValues(ITEMS, 'supplier')).toEqual(['Coastal Foods', 'Millbrook Farm']);
    expect(distinctValues([], 'unit')).toEqual([]);
  });
});
