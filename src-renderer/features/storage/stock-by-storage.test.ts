import { describe, expect, it } from 'vitest';
import type { ShelvedArea } from '../../../shared/contract/storage';
import { item as testItem } from '../inventory/testing/item';
import { arrangeByStorage, filterByStorage, groupByStorage, groupsOfShared, ON_NO_SHELF } from './stock-by-storage';

const [vodka, gin, rum, tonic] = ['Vodka', 'Gin', 'Rum', 'Tonic'].map((name, n) => testItem({ id: `i${n}`, name }));
const items = [gin!, rum!, tonic!, vodka!];
const shelf = (id: string, name: string, itemIds: string[]): ShelvedArea => ({
  id,
  area: 'bar',
  name,
  archived: false,
  itemIds,
});
const areas = [shelf('back', 'Back bar', ['i0', 'i1']), shelf('cellar', 'Cellar', ['i2', 'i0'])];
const names = (list: readonly { name: string }[]) => list.map((item) => item.name);

describe('the stock screen by storage area', () => {
  it('filters to one shelf, or to what stands on no shelf', () => {
    expect(names(filterByStorage(items, areas, 'back'))).toEqual(['Gin', 'Vodka']);
    expect(names(filterByStorage(items, areas, ON_NO_SHELF))).toEqual(['Tonic']);
    expect(filterByStorage(items, areas, null)).toBe(items);
  });

  it('groups in shelf order, an item on two shelves in both, what is on no shelf last', () => {
    const { items: grouped, headings } = groupByStorage(items, areas, false);
    expect(names(grouped)).toEqual(['Vodka', 'Gin', 'Rum', 'Vodka', 'Tonic']);
    expect(headings).toEqual([
      { at: 0, title: 'Back bar', count: 2 },
      { at: 2, title: 'Cellar', count: 2 },
      { at: 4, title: 'On no shelf', count: 1 },
    ]);
  });

  it('keeps the order a column asks for within each group, and leaves out groups with nothing shown', () => {
    const { items: grouped, headings } = groupByStorage([vodka!, gin!], areas, true);
    expect(names(grouped)).toEqual(['Vodka', 'Gin', 'Vodka']);
    expect(headings.map((heading) => heading.title)).toEqual(['Back bar', 'Cellar']);
  });

  it('shows one storage area in shelf order, and the list as it is when not grouped', () => {
    const onShelf = filterByStorage(items, areas, 'cellar');
    const arranged = arrangeByStorage(onShelf, areas, { choice: 'cellar', grouped: true, ordered: false });
    expect([names(arranged.items), arranged.headings]).toEqual([['Rum', 'Vodka'], []]);
    expect(arrangeByStorage(items, areas, { choice: null, grouped: false, ordered: false })).toEqual({
      items,
      headings: [],
    });
  });

  it('knows which items show under more than one heading, and under which', () => {
    const { items: grouped, headings } = groupByStorage(items, areas, false);
    expect(groupsOfShared(grouped, headings)).toEqual(new Map([['i0', [0, 1]]]));
    expect(groupsOfShared(items, []).size).toBe(0);
  });
});
