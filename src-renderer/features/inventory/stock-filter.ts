/** What the stock screen shows: search-as-you-type over name, category and supplier, plus filters. */
import type { Item } from '../../../shared/contract/inventory';
import { perItem, stockLevel } from './stock-math';

export interface StockFilter {
  search: string;
  category: string | null;
  supplier: string | null;
  toOrderOnly: boolean;
  /** A storage area's id, or what stands on no shelf (features/storage/stock-by-storage.ts). */
  storageArea: string | null;
}

export const NO_FILTER: StockFilter = {
  search: '',
  category: null,
  supplier: null,
  toOrderOnly: false,
  storageArea: null,
};

export const isFiltering = (filter: StockFilter): boolean =>
  filter.search.trim() !== '' ||
  filter.category !== null ||
  filter.supplier !== null ||
  filter.toOrderOnly ||
  filter.storageArea !== null;

/** Negative stock must be ordered too. */
export const needsOrdering = (item: Item): boolean => stockLevel(item) !== 'ok';

/** What a search looks in, lower-cased once per item rather than on every keystroke. */
const searchText = perItem((item: Item) => `${item.name}\n${item.category}\n${item.supplier}`.toLocaleLowerCase());

/** The items the filter keeps, in their order: the list itself when nothing filters it. */
export function filterStock(items: readonly Item[], filter: StockFilter): readonly Item[] {
  if (!isFiltering(filter)) return items;
  const words = filter.search.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.category !== null && item.category !== filter.category) return false;
    if (filter.supplier !== null && item.supplier !== filter.supplier) return false;
    if (filter.toOrderOnly && !needsOrdering(item)) return false;
    if (words.length === 0) return true;
    const text = searchText(item);
    return words.every((word) => text.includes(word));
  });
}

/** The distinct non-blank values of a field, sorted: the options of a filter or a suggestion list. */
export function distinctValues(items: readonly Item[], field: 'category' | 'supplier' | 'unit'): string[] {
  const values = new Set<string>();
  for (const item of items) if (item[field].trim() !== '') values.add(item[field]);
  return [...values].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
