/**
 * The stock list as a read model kept in memory per restaurant and area, and the journal of item
 * changes the change feed hands to the screens. SQLite triggers note the id of every item whose row
 * or stock changes — by this app, a sync or anything else on this connection, and rolled back with
 * it — so after one adjustment, listing 20,000 items re-reads one row, not 20,000, and the feed
 * sends that one row.
 */
import type { InventoryList, ItemChanges, StockRow } from '../../shared/contract/inventory';
import type { Area } from '../../shared/domain';
import { moneyFromCents } from '../../shared/money';
import type { Db } from '../store/database';
import { sql } from '../store/statements';
import { findPlacedItem, itemRestaurant, type ListedItem, listItems } from './items-store';
import { listedItem, toStockRow } from './views';

const EVERYTHING = '*';

/** Notes an id once. (Not INSERT OR IGNORE: inside a trigger, an upsert's conflict rule overrides it.) */
const note = (id: string) =>
  `INSERT INTO changed_items SELECT ${id} WHERE NOT EXISTS (SELECT 1 FROM changed_items WHERE item_id = ${id});`;

const WATCH = ['INSERT', 'UPDATE', 'DELETE'].flatMap((event) => {
  const row = event === 'DELETE' ? 'OLD' : 'NEW';
  return [
    `CREATE TEMP TRIGGER IF NOT EXISTS item_${event.toLowerCase()} AFTER ${event} ON main.items
       BEGIN ${note(`${row}.id`)} END;`,
    `CREATE TEMP TRIGGER IF NOT EXISTS item_stock_${event.toLowerCase()} AFTER ${event} ON main.item_stock
       BEGIN ${note(`${row}.item_id`)} END;`,
  ];
});

const SCHEMA = `
CREATE TEMP TABLE IF NOT EXISTS changed_items (item_id TEXT PRIMARY KEY);
${WATCH.join('\n')}
-- A renamed person is the "updated by" of items they touched: start over.
CREATE TEMP TRIGGER IF NOT EXISTS person_renamed AFTER UPDATE OF full_name ON main.users
  BEGIN ${note(`'${EVERYTHING}'`)} END;`;

/** Names a list's rows point to, each once, in the order first met. */
class People {
  readonly names: string[] = [];
  private readonly places = new Map<string, number>();

  placeOf(name: string): number {
    let place = this.places.get(name);
    if (place === undefined) {
      place = this.names.push(name) - 1;
      this.places.set(name, place);
    }
    return place;
  }
}

interface Entry {
  row: StockRow;
  cents: bigint;
  /** Sort key, made when first needed: the name folded as SQLite's lower() folds it (ASCII only), then the id. */
  key?: string;
}

/** One area's items, kept in name order, with their total value. */
interface AreaList {
  sorted: Entry[];
  byId: Map<string, Entry>;
  people: People;
  totalCents: bigint;
  view: Omit<InventoryList, 'version'> | null;
}

function keyOf(entry: Entry): string {
  entry.key ??= `${entry.row[1].replace(/[A-Z]/g, (letter) => letter.toLowerCase())}\u0000${entry.row[0]}`;
  return entry.key;
}

/** Where an entry with `key` is, or would go, in `sorted`. */
function placeIn(sorted: Entry[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(sorted[middle] as Entry) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function removeEntry(list: AreaList, id: string): void {
  const entry = list.byId.get(id);
  if (!entry) return;
  list.byId.delete(id);
  const place = placeIn(list.sorted, keyOf(entry));
  // SQLite ordered the list by UTF-8 bytes, JavaScript compares UTF-16 units: for the rare names where
  // the two disagree, the entry is looked for rather than assumed.
  list.sorted.splice(list.sorted[place] === entry ? place : list.sorted.indexOf(entry), 1);
  list.totalCents -= entry.cents;
  list.view = null;
}

const entryOf = (list: AreaList, listed: ListedItem): Entry => toStockRow(listed, list.people.placeOf(listed[9]));

function addEntry(list: AreaList, listed: ListedItem): void {
  const entry = entryOf(list, listed);
  list.byId.set(entry.row[0], entry);
  list.sorted.splice(placeIn(list.sorted, keyOf(entry)), 0, entry);
  list.totalCents += entry.cents;
  list.view = null;
}

/** A list from its items, in the store's order. */
function loadList(items: readonly ListedItem[]): AreaList {
  const list: AreaList = { sorted: [], byId: new Map(), people: new People(), totalCents: 0n, view: null };
  for (const listed of items) {
    const entry = entryOf(list, listed);
    list.byId.set(entry.row[0], entry);
    list.sorted.push(entry);
    list.totalCents += entry.cents;
  }
  return list;
}

const viewOf = (area: Area, list: AreaList): Omit<InventoryList, 'version'> => ({
  area,
  people: [...list.people.names],
  rows: list.sorted.map((entry) => entry.row),
  totalValue: moneyFromCents(list.totalCents),
});

/** When an item last changed, and in which restaurant (null: its row is gone, so unknown). */
interface Noted {
  version: number;
  restaurantId: string | null;
}

/**
 * Journal positions start at the time the list was made, so a position from an earlier core (before
 * a restart or a restore) is always older than this one's start, and answered with "refetch".
 */
let lastStart = 0;
const startPosition = () => {
  lastStart = Math.max(Date.now(), lastStart + 1);
  return lastStart;
};

export type StockList = ReturnType<typeof createStockList>;

export function createStockList(db: Db) {
  db.exec(SCHEMA);
  const lists = new Map<string, AreaList>();
  const journal = new Map<string, Noted>();
  /** Changes after `since` can be told for any `since` at or after `base`. */
  let base = startPosition();
  let version = base;
  const keyOf = (restaurantId: string, area: Area) => `${restaurantId}/${area}`;

  function noteChange(id: string): void {
    for (const list of lists.values()) removeEntry(list, id);
    const row = findPlacedItem(db, id);
    const list = row && lists.get(keyOf(row.restaurant_id, row.area));
    if (row && list) addEntry(list, listedItem(row));
    journal.set(id, { version, restaurantId: row?.restaurant_id ?? itemRestaurant(db, id) ?? null });
  }

  /** Brings cached lists and the journal up to date with what changed since the last look. */
  function catchUp(): void {
    const changed = sql<string>(db, 'DELETE FROM temp.changed_items RETURNING item_id').pluck().all();
    if (changed.length === 0) return;
    version += 1;
    if (changed.includes(EVERYTHING)) {
      lists.clear();
      journal.clear();
      base = version;
      return;
    }
    for (const id of changed) noteChange(id);
  }

  return {
    list(restaurantId: string, area: Area): InventoryList {
      catchUp();
      const key = keyOf(restaurantId, area);
      let list = lists.get(key);
      if (!list) {
        list = loadList(listItems(db, restaurantId, area));
        lists.set(key, list);
      }
      list.view ??= viewOf(area, list);
      return { ...list.view, version };
    },

    /** The journal's position now: it moves whenever an item changed. */
    version(): number {
      catchUp();
      return version;
    },

    /** The restaurant's items changed after `since`, as they are now; null when that cannot be told. */
    changesSince(restaurantId: string, since: number): { version: number; changes: ItemChanges | null } {
      catchUp();
      if (since < base || since > version) return { version, changes: null };
      const people = new People();
      const changes: ItemChanges = { people: people.names, rows: { kitchen: [], bar: [] }, deleted: [] };
      for (const [id, noted] of journal) {
        if (noted.version <= since || (noted.restaurantId !== null && noted.restaurantId !== restaurantId)) continue;
        const row = findPlacedItem(db, id);
        if (row?.restaurant_id === restaurantId) {
          changes.rows[row.area].push(toStockRow(listedItem(row), people.placeOf(row.updated_by_name)).row);
        } else if (!row) changes.deleted.push(id);
      }
      return { version, changes };
    },
  };
}
