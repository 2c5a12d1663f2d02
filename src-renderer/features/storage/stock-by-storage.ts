/**
 * The stock screen by storage area: a filter to one storage area's shelf (or to what stands on no
 * shelf), and the list grouped by storage area, each group in shelf order unless a column orders it.
 */
import type { Item } from '../../../shared/contract/inventory';
import type { ShelvedArea } from '../../../shared/contract/storage';

/** The filter's choice for items on no shelf of this side. */
export const ON_NO_SHELF = 'none';

/** A heading shown before the item at `at` of a grouped list. */
export interface StockHeading {
  at: number;
  title: string;
  count: number;
}

/** Which items a storage-area filter keeps: those on its shelf, or on no shelf of `areas`. */
export function itemsInStorage(areas: readonly ShelvedArea[], choice: string): ReadonlySet<string> {
  if (choice !== ON_NO_SHELF) return new Set(areas.find((area) => area.id === choice)?.itemIds ?? []);
  return new Set(areas.flatMap((area) => area.itemIds));
}

/** `items` kept by the storage-area filter (null: all). */
export function filterByStorage(
  items: readonly Item[],
  areas: readonly ShelvedArea[],
  choice: string | null,
): readonly Item[] {
  if (choice === null) return items;
  const chosen = itemsInStorage(areas, choice);
  const keep = choice === ON_NO_SHELF ? (item: Item) => !chosen.has(item.id) : (item: Item) => chosen.has(item.id);
  return items.filter(keep);
}

/**
 * The shown items by storage area, in the side's order: an item on two shelves shows in both
 * groups. Each group keeps `items`' order when `ordered` (a column was clicked), shelf order
 * otherwise; what stands on no shelf comes last.
 */
export function groupByStorage(
  items: readonly Item[],
  areas: readonly ShelvedArea[],
  ordered: boolean,
): { items: Item[]; headings: StockHeading[] } {
  const shown = new Map(items.map((item, index) => [item.id, { item, index }]));
  const grouped: Item[] = [];
  const headings: StockHeading[] = [];
  const add = (title: string, group: Item[]) => {
    if (group.length === 0) return;
    headings.push({ at: grouped.length, title, count: group.length });
    grouped.push(...group);
  };
  const shelved = new Set<string>();
  for (const area of areas) {
    const onShelf = area.itemIds.flatMap((id) => {
      shelved.add(id);
      const entry = shown.get(id);
      return entry ? [entry] : [];
    });
    if (ordered) onShelf.sort((a, b) => a.index - b.index);
    add(
      area.name,
      onShelf.map((entry) => entry.item),
    );
  }
  add(
    'On no shelf',
    items.filter((item) => !shelved.has(item.id)),
  );
  return { items: grouped, headings };
}

/**
 * Grouped, an item on two shelves shows under both headings, each time with its whole on hand: for
 * each such item, the headings (by place) it shows under. Items under one heading are left out.
 */
export function groupsOfShared(
  items: readonly Item[],
  headings: readonly StockHeading[],
): ReadonlyMap<string, number[]> {
  const groups = new Map<string, number[]>();
  headings.forEach((heading, group) => {
    const end = headings[group + 1]?.at ?? items.length;
    for (const { id } of items.slice(heading.at, end)) groups.set(id, [...(groups.get(id) ?? []), group]);
  });
  for (const [id, under] of groups) if (under.length < 2) groups.delete(id);
  return groups;
}

/**
 * The list as shown: one storage area's shelf in shelf order (unless a column orders it), or
 * grouped by storage area, or as it is.
 */
export function arrangeByStorage(
  items: readonly Item[],
  areas: readonly ShelvedArea[],
  { choice, grouped, ordered }: { choice: string | null; grouped: boolean; ordered: boolean },
): { items: readonly Item[]; headings: StockHeading[] } {
  const one = areas.find((area) => area.id === choice);
  if (one) return { items: groupByStorage(items, [one], ordered).items, headings: [] };
  return grouped ? groupByStorage(items, areas, ordered) : { items, headings: [] };
}
