/**
 * Writes what the server sent of storage areas, shelves and count units into the local store. A row
 * this computer still has a change of waiting in its outbox is left as this computer has it: that
 * change reaches the server after everything already there, and the pull after the push brings
 * the row back as the server merged it.
 */
import { removeCountUnits, saveCountUnits } from '../inventory/count-units-store';
import { removeShelfPlace, removeStorageArea, saveShelfPlace, saveStorageArea } from '../storage/storage-store';
import type { Db } from '../store/database';
import { waitingNamed } from '../store/outbox';
import type { ServerCountUnits, ServerShelfPlace, ServerStorageArea } from './server-rows';

export const areaKey = (id: string) => `area:${id}`;
export const shelfKey = (storageAreaId: string, itemId: string) => `shelf:${storageAreaId}:${itemId}`;
export const unitsKey = (itemId: string) => `units:${itemId}`;

/** The rows this computer has changes of still waiting to be pushed. */
export function waitingStorageRows(db: Db): Set<string> {
  const keys = new Set<string>();
  const names = ['storageArea.create', 'storageArea.update', 'shelf.place', 'shelf.remove', 'countUnits.set'] as const;
  for (const mutation of waitingNamed(db, names)) {
    if (mutation.name === 'countUnits.set') keys.add(unitsKey(mutation.args.itemId));
    else if ('storageAreaId' in mutation.args) keys.add(shelfKey(mutation.args.storageAreaId, mutation.args.itemId));
    else keys.add(areaKey(mutation.args.id));
  }
  return keys;
}

export interface StorageRows {
  storageAreas: ServerStorageArea[];
  shelfPlaces: ServerShelfPlace[];
  countUnits: ServerCountUnits[];
}

/** Applies pulled rows, storage areas before the shelves that name them; rows with waiting changes stay. */
export function applyStorageRows(db: Db, rows: StorageRows, waiting: ReadonlySet<string>): void {
  for (const row of rows.storageAreas) if (!waiting.has(areaKey(row.id))) saveStorageArea(db, row);
  for (const row of rows.shelfPlaces) {
    if (!waiting.has(shelfKey(row.storage_area_id, row.item_id))) saveShelfPlace(db, row);
  }
  for (const row of rows.countUnits)
    if (!waiting.has(unitsKey(row.item_id))) saveCountUnits(db, row.item_id, row.units);
}

/**
 * Undoes refused changes: each row becomes what the server holds, or goes when the server holds
 * none (a storage area it never accepted goes with its shelf).
 */
export function restoreStorageRows(db: Db, refused: ReadonlySet<string>, rows: StorageRows): void {
  applyStorageRows(db, rows, new Set());
  const held = new Set([
    ...rows.storageAreas.map((row) => areaKey(row.id)),
    ...rows.shelfPlaces.map((row) => shelfKey(row.storage_area_id, row.item_id)),
    ...rows.countUnits.map((row) => unitsKey(row.item_id)),
  ]);
  for (const key of refused) {
    if (held.has(key)) continue;
    const [kind, id = '', itemId = ''] = key.split(':');
    if (kind === 'area') removeStorageArea(db, id);
    else if (kind === 'shelf') removeShelfPlace(db, id, itemId);
    else removeCountUnits(db, id);
  }
}
