/**
 * The stock list kept in the query cache, patched with what a save returns instead of fetched
 * again: after one adjustment one item crosses the bridge, not 5,000. Items stay in the core's
 * order (the name folded as SQLite's NOCASE folds it, then the id) and the total stays exact.
 */
import { type Item, type ItemChanges, type ItemList, stockItem } from '../../../shared/contract/inventory';
import { parseScaled } from '../../../shared/decimal';
import { AREAS, type Area } from '../../../shared/domain';
import { MONEY_SCALE, moneyFromCents } from '../../../shared/money';

const cents = (text: string): bigint => parseScaled(text, MONEY_SCALE);

/** The core's list order (src-main/inventory/stock-list.ts). */
const orderKey = (item: Item): string =>
  `${item.name.replace(/[A-Z]/g, (letter) => letter.toLowerCase())}\u0000${item.id}`;

/** Where an item goes in a list already in order: the first place whose key is not smaller. */
function placeOf(items: readonly Item[], key: string): number {
  let [low, high] = [0, items.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (orderKey(items[middle] as Item) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether two readings of an item say the same in every field. */
const sameItem = (a: Item, b: Item): boolean => (Object.keys(b) as (keyof Item)[]).every((key) => a[key] === b[key]);

/**
 * The list with this item in it, new or changed (in its place by name), and the total with it; the
 * same list when it holds the item as it is already (the feed bringing back a save's own item).
 */
export function withItem<L extends ItemList>(list: L, item: Item): L {
  const at = list.items.findIndex((candidate) => candidate.id === item.id);
  const before = list.items[at];
  if (before && sameItem(before, item)) return list;
  const items = at === -1 ? [...list.items] : list.items.toSpliced(at, 1);
  items.splice(placeOf(items, orderKey(item)), 0, item);
  const total = cents(list.totalValue) - (before ? cents(before.stockValue) : 0n) + cents(item.stockValue);
  return { ...list, items, totalValue: moneyFromCents(total) };
}

/** The list without the item of this id (the same list when it was not in it). */
export function withoutItem<L extends ItemList>(list: L, id: string): L {
  const at = list.items.findIndex((item) => item.id === id);
  const gone = list.items[at];
  if (!gone) return list;
  const total = cents(list.totalValue) - cents(gone.stockValue);
  return { ...list, items: list.items.toSpliced(at, 1), totalValue: moneyFromCents(total) };
}

/**
 * The list of one area with the items the change feed says changed: each as it is now (so applying
 * changes the list already has is harmless), moved in from the other area, moved out, or deleted.
 */
export function withChanges<L extends ItemList>(list: L, area: Area, changes: ItemChanges): L {
  let patched = list;
  for (const id of changes.deleted) patched = withoutItem(patched, id);
  for (const rowsArea of AREAS) {
    for (const row of changes.rows[rowsArea]) {
      const item = stockItem(rowsArea, row, changes.people);
      patched = rowsArea === area ? withItem(patched, item) : withoutItem(patched, item.id);
    }
  }
  return patched;
}
