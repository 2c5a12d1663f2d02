/**
 * The count sheet: each storage area of the count in order, its items in shelf order, then the
 * items on no shelf. A full count lists every shelf of its areas; a partial one the chosen storage
 * areas whole, and elsewhere only the items of the chosen categories. An item counted in a storage
 * area whose shelf does not hold it (added there during the count) follows that area's list.
 */
import type { CountSheet, SheetItem } from '../../shared/contract/counts';
import type { CountUnit } from '../../shared/count-units';
import { canManage } from '../../shared/domain';
import { quantityFromMilli } from '../../shared/quantity';
import type { Actor } from '../ipc/actor';
import { shelves, storageAreas } from '../storage/storage-store';
import type { Db } from '../store/database';
import { foldLines, type Line, lineKey } from './count-lines';
import { type LineKey, listOf, toEntries, toLine, toSummary } from './count-views';
import { type CountedItemRow, type CountRow, countItems, entriesOf, onHandAt } from './counts-store';

const NO_SHELF = 'Not on a shelf';

interface Listing {
  storageAreaId: string | null;
  name: string;
  items: { item: CountedItemRow; listed: boolean }[];
}

/** Which storage areas the sheet shows, with the count's items on each shelf. */
function listings(db: Db, count: CountRow, items: Map<string, CountedItemRow>, lines: Map<string, Line>): Listing[] {
  const areas = listOf(count.areas);
  const chosen = new Set(listOf(count.storage_area_ids));
  const categories = new Set(listOf(count.categories));
  const onShelf = new Map<string, string[]>();
  for (const [areaId, itemId] of shelves(db, count.restaurant_id)) {
    const ids = onShelf.get(areaId);
    if (ids) ids.push(itemId);
    else onShelf.set(areaId, [itemId]);
  }
  const shown = new Set<string>();
  const result: Listing[] = [];
  for (const area of storageAreas(db, count.restaurant_id)) {
    if (!areas.includes(area.area) || (area.archived_at !== null && !chosen.has(area.id))) continue;
    const whole = count.scope === 'full' || chosen.has(area.id);
    const listed = (onShelf.get(area.id) ?? [])
      .map((id) => items.get(id))
      .filter((item): item is CountedItemRow => item !== undefined && (whole || categories.has(item.category)));
    const listing: Listing = {
      storageAreaId: area.id,
      name: area.name,
      items: listed.map((item) => ({ item, listed: true })),
    };
    addCountedElsewhere(listing, items, lines);
    if (listing.items.length > 0 || chosen.has(area.id)) result.push(listing);
    for (const { item } of listing.items) shown.add(item.id);
  }
  const loose: Listing = { storageAreaId: null, name: NO_SHELF, items: [] };
  for (const item of items.values()) if (!shown.has(item.id)) loose.items.push({ item, listed: true });
  if (loose.items.length > 0) result.push(loose);
  return result;
}

/** Items counted in a storage area though not on its shelf come after its listed ones. */
function addCountedElsewhere(listing: Listing, items: Map<string, CountedItemRow>, lines: Map<string, Line>): void {
  const listed = new Set(listing.items.map(({ item }) => item.id));
  for (const line of lines.values()) {
    const item = items.get(line.itemId);
    if (line.storageAreaId !== listing.storageAreaId || !item || listed.has(item.id)) continue;
    listing.items.push({ item, listed: false });
    listed.add(item.id);
  }
}

export function buildSheet(db: Db, actor: Actor, count: CountRow): CountSheet {
  const items = new Map(countItems(db, count).map((item) => [item.id, item]));
  const entries = entriesOf(db, count.id);
  const lines = foldLines(entries);
  const recount = new Set(listOf<LineKey>(count.recount).map((key) => lineKey(key.itemId, key.storageAreaId)));
  const showExpected = count.blind === 0 || canManage(actor.role);
  const expected = (item: CountedItemRow): string | null => {
    if (!showExpected) return null;
    const milli = count.as_of === null ? item.on_hand_milli : onHandAt(db, item.id, count.as_of, count.id).onHandMilli;
    return quantityFromMilli(milli);
  };
  const storageAreas = listings(db, count, items, lines).map((listing) => {
    const sheetItems: SheetItem[] = listing.items.map(({ item, listed }) => {
      const key = { itemId: item.id, storageAreaId: listing.storageAreaId };
      const line = lines.get(lineKey(item.id, listing.storageAreaId));
      return {
        ...toLine(key, line, actor.userId, recount.has(lineKey(item.id, listing.storageAreaId))),
        name: item.name,
        category: item.category,
        unit: item.unit,
        countUnits: item.units === null ? [] : listOf<CountUnit>(item.units),
        expected: expected(item),
        listed,
      };
    });
    const counted = sheetItems.filter((item) => item.counted !== null || item.conflict).length;
    return {
      storageAreaId: listing.storageAreaId,
      name: listing.name,
      items: sheetItems,
      progress: { counted, total: sheetItems.length },
    };
  });
  return { count: toSummary(db, count), storageAreas, entries: toEntries(db, entries) };
}
