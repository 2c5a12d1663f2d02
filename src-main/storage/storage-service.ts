/**
 * Storage areas and shelf order, scoped to the session's restaurant. Owners and managers shape the
 * storage areas; anyone on the team puts items on shelves and orders them (counters fix the order
 * as they walk). Every write lands in the outbox with it.
 */
import type { ParsedInput } from '../../shared/contract';
import type { StorageArea, StorageList } from '../../shared/contract/storage';
import { fail } from '../../shared/errors';
import { findItem } from '../inventory/items-store';
import { type Actor, requireManager } from '../ipc/actor';
import type { StoreContext } from '../store/context';
import { newId } from '../store/ids';
import { appendMutation } from '../store/outbox';
import { keyAfter, keyAt } from './shelf-order';
import * as store from './storage-store';

const toStorageArea = (row: store.StorageAreaRow): StorageArea => ({
  id: row.id,
  area: row.area,
  name: row.name,
  archived: row.archived_at !== null,
});

export type StorageService = ReturnType<typeof createStorageService>;

export function createStorageService({ db, clock }: StoreContext) {
  const now = () => clock.now().toISOString();

  function areaOf(actor: Actor, id: string): store.StorageAreaRow {
    const row = store.findStorageArea(db, actor.restaurantId, id);
    if (!row) throw fail.notFound('That storage area no longer exists.');
    return row;
  }

  function assertNameFree(actor: Actor, area: StorageArea['area'], name: string, exceptId = ''): void {
    const key = name.toLowerCase();
    const taken = store
      .storageAreas(db, actor.restaurantId)
      .some((row) => row.area === area && row.id !== exceptId && !row.archived_at && row.name.toLowerCase() === key);
    if (taken) throw fail.conflict(`There is already a storage area called "${name}" in the ${area}.`, 'name');
  }

  /** Writes the area's changed fields and their mutation together. */
  function update(
    actor: Actor,
    row: store.StorageAreaRow,
    changes: { name?: string; position?: string; archived?: boolean },
  ) {
    const next = {
      ...row,
      name: changes.name ?? row.name,
      position: changes.position ?? row.position,
      archived_at:
        changes.archived === undefined ? row.archived_at : changes.archived ? (row.archived_at ?? now()) : null,
      updated_by: actor.userId,
      updated_at: now(),
    };
    db.transaction(() => {
      store.saveStorageArea(db, next);
      appendMutation(db, {
        name: 'storageArea.update',
        args: { id: row.id, ...changes },
        at: now(),
        authorId: actor.userId,
      });
    })();
    return toStorageArea(next);
  }

  function place(actor: Actor, storageAreaId: string, itemId: string, position: string): void {
    db.transaction(() => {
      store.saveShelfPlace(db, {
        storage_area_id: storageAreaId,
        item_id: itemId,
        restaurant_id: actor.restaurantId,
        position,
        removed_at: null,
        updated_at: now(),
      });
      appendMutation(db, {
        name: 'shelf.place',
        args: { storageAreaId, itemId, position },
        at: now(),
        authorId: actor.userId,
      });
    })();
  }

  return {
    list(actor: Actor): StorageList {
      const itemIds = new Map<string, string[]>();
      for (const [areaId, itemId] of store.shelves(db, actor.restaurantId)) {
        const ids = itemIds.get(areaId);
        if (ids) ids.push(itemId);
        else itemIds.set(areaId, [itemId]);
      }
      const areas = store.storageAreas(db, actor.restaurantId);
      return { areas: areas.map((row) => ({ ...toStorageArea(row), itemIds: itemIds.get(row.id) ?? [] })) };
    },

    createArea(actor: Actor, input: ParsedInput<'storage.createArea'>): StorageArea {
      requireManager(actor);
      assertNameFree(actor, input.area, input.name);
      const keys = store.storageAreas(db, actor.restaurantId).filter((row) => row.area === input.area);
      const row: store.StorageAreaRow = {
        id: newId(),
        restaurant_id: actor.restaurantId,
        area: input.area,
        name: input.name,
        position: keyAfter(keys.map((key) => key.position)),
        archived_at: null,
        updated_by: actor.userId,
        updated_at: now(),
      };
      const { id, area, name, position } = row;
      db.transaction(() => {
        store.saveStorageArea(db, row);
        const args = { id, restaurantId: actor.restaurantId, area, name, position };
        appendMutation(db, { name: 'storageArea.create', args, at: now(), authorId: actor.userId });
      })();
      return toStorageArea(row);
    },

    renameArea(actor: Actor, input: ParsedInput<'storage.renameArea'>): StorageArea {
      requireManager(actor);
      const row = areaOf(actor, input.id);
      assertNameFree(actor, row.area, input.name, row.id);
      return update(actor, row, { name: input.name });
    },

    archiveArea(actor: Actor, input: ParsedInput<'storage.archiveArea'>): StorageArea {
      requireManager(actor);
      const row = areaOf(actor, input.id);
      if (!input.archived) assertNameFree(actor, row.area, row.name, row.id);
      return update(actor, row, { archived: input.archived });
    },

    moveArea(actor: Actor, input: ParsedInput<'storage.moveArea'>): { ok: true } {
      requireManager(actor);
      const row = areaOf(actor, input.id);
      const others = store
        .storageAreas(db, actor.restaurantId)
        .filter((other) => other.area === row.area && other.id !== row.id);
      update(actor, row, {
        position: keyAt(
          others.map((other) => other.position),
          input.toIndex,
        ),
      });
      return { ok: true };
    },

    placeItem(actor: Actor, input: ParsedInput<'storage.placeItem'>): { ok: true } {
      const area = areaOf(actor, input.storageAreaId);
      const item = findItem(db, actor.restaurantId, input.itemId);
      if (!item) throw fail.notFound('That item no longer exists.');
      if (item.area !== area.area) {
        throw fail.validation(
          'storageAreaId',
          `${item.name} is a ${item.area} item: put it in a ${item.area} storage area.`,
        );
      }
      const keys = store
        .shelf(db, area.id)
        .filter((placed) => placed.item_id !== item.id)
        .map((placed) => placed.position);
      place(actor, area.id, item.id, keyAt(keys, input.toIndex ?? keys.length));
      return { ok: true };
    },

    removeItem(actor: Actor, input: ParsedInput<'storage.removeItem'>): { ok: true } {
      const area = areaOf(actor, input.storageAreaId);
      const placed = store.shelf(db, area.id).find((row) => row.item_id === input.itemId);
      if (!placed) return { ok: true };
      db.transaction(() => {
        store.saveShelfPlace(db, {
          storage_area_id: area.id,
          item_id: input.itemId,
          restaurant_id: actor.restaurantId,
          position: placed.position,
          removed_at: now(),
          updated_at: now(),
        });
        const args = { storageAreaId: area.id, itemId: input.itemId };
        appendMutation(db, { name: 'shelf.remove', args, at: now(), authorId: actor.userId });
      })();
      return { ok: true };
    },
  };
}
