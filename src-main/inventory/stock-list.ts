/**
 * The stock list as a read model kept in memory per restaurant and area. SQLite triggers note the
 * id of every item whose row or stock changes — by this app, a sync or anything else on this
 * connection, and rolled back with it — so after one adjustment, listing 5,000 items re-reads one
 * row, not 5,000.
 */
import type { InventoryList, Item } from '../../shared/contract/inventory';
import type { Area } from '../../shared/domain';
import { moneyFromCents } from '../../shared/money';
import type { Db } from '../store/database';
import { sql } from '../store/statements';
import { findPlacedItem, type ItemRow, listItems } from './items-store';
import { toItem, valueCents } from './views';

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

interface Entry {
  item: Item;
  cents: bigint;
  /** Sort key: the name folded the way SQLite's NOCASE folds it (ASCII only), then the id. */
  key: string;
}

interface AreaList {
  entries: Map<string, Entry>;
  view: InventoryList | null;
}

const entryOf = (row: ItemRow): Entry => ({
  item: toItem(row),
  cents: valueCents(row),
  key: `${row.name.replace(/[A-Z]/g, (letter) => letter.toLowerCase())}\u0000${row.id}`,
});

function viewOf(list: AreaList): InventoryList {
  const sorted = [...list.entries.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let total = 0n;
  for (const entry of sorted) total += entry.cents;
  return { items: sorted.map((entry) => entry.item), totalValue: moneyFromCents(total) };
}

export function createStockList(db: Db) {
  db.exec(SCHEMA);
  const lists = new Map<string, AreaList>();
  const keyOf = (restaurantId: string, area: Area) => `${restaurantId}/${area}`;

  /** Brings cached lists up to date with what changed since the last look. */
  function catchUp(): void {
    const changed = sql<string>(db, 'DELETE FROM temp.changed_items RETURNING item_id').pluck().all();
    if (changed.length === 0) return;
    if (changed.includes(EVERYTHING)) {
      lists.clear();
      return;
    }
    for (const id of changed) {
      for (const list of lists.values()) if (list.entries.delete(id)) list.view = null;
      const row = findPlacedItem(db, id);
      const list = row && lists.get(keyOf(row.restaurant_id, row.area));
      if (row && list) {
        list.entries.set(id, entryOf(row));
        list.view = null;
      }
    }
  }

  return {
    list(restaurantId: string, area: Area): InventoryList {
      catchUp();
      const key = keyOf(restaurantId, area);
      let list = lists.get(key);
      if (!list) {
        list = { entries: new Map(listItems(db, restaurantId, area).map((row) => [row.id, entryOf(row)])), view: null };
        lists.set(key, list);
      }
      list.view ??= viewOf(list);
      return list.view;
    },
  };
}
