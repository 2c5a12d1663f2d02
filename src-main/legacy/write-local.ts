/**
 * Writes one restaurant's changes into this computer's store, in one SQLite transaction, through the
 * stores' own SQL. Nothing goes into the outbox: this way in is for a computer without a central
 * server (a computer that syncs is refused), and connecting one later uploads the whole restaurant.
 */
import {
  findUserById,
  type SharedAccount,
  saveAccount,
  saveRestaurant,
  setNeedsPassword,
  setPasswordHash,
} from '../auth/accounts-store';
import { insertItem, updateItem } from '../inventory/items-store';
import { insertMovement, moveOnHand } from '../inventory/movements-store';
import type { Db } from '../store/database';
import type { NewUser, RestaurantChanges, Written } from './changes';
import { writtenBy } from './changes';
import { importedAs, remember } from './local-rows-store';

const accountOf = ({ user, id, username, email }: NewUser, restaurantId: string, at: string): SharedAccount => {
  const created = user.createdAt ?? at;
  return {
    id,
    restaurant_id: restaurantId,
    username,
    email,
    full_name: user.fullName,
    position: user.position,
    role: user.role,
    kitchen_produce_list: JSON.stringify(user.kitchenProduceList),
    bar_produce_list: JSON.stringify(user.barProduceList),
    is_active: user.isActive ? 1 : 0,
    last_login_at: user.lastLogin,
    created_at: created,
    updated_at: user.updatedAt ?? created,
  };
};

function insertUsers(db: Db, changes: RestaurantChanges, at: string): void {
  for (const made of changes.newUsers) {
    const account = accountOf(made, changes.restaurantId, at);
    saveAccount(db, account);
    // Without a usable old hash: no password signs in, until an owner or a manager gives a reset code.
    if (made.user.passwordHash) setPasswordHash(db, made.id, made.user.passwordHash, account.updated_at);
    else setNeedsPassword(db, made.id, true);
  }
}

function insertItems(db: Db, changes: RestaurantChanges, at: string): void {
  for (const { item, id } of changes.newItems) {
    const { name, category, supplier, unit, unitCostCents, area } = item;
    const when = item.countedAt ?? item.parts[0]!.createdAt ?? at;
    insertItem(db, {
      id,
      restaurantId: changes.restaurantId,
      area,
      name,
      category,
      supplier,
      unit,
      unitCostCents,
      parMilli: null,
      by: item.createdBy,
      at: when,
    });
  }
}

/** The old stock is a count that happened when the old row last changed (its updated_at). */
function insertCounts(db: Db, changes: RestaurantChanges, at: string): void {
  for (const count of changes.counts) {
    const movement = {
      id: count.id,
      restaurantId: changes.restaurantId,
      itemId: count.itemId,
      reason: 'count' as const,
      quantityMilli: count.quantityMilli,
      note: count.note,
      by: count.recordedBy,
      at,
      occurredAt: count.at ?? at,
      clockOffsetMs: null,
    };
    insertMovement(db, movement);
    moveOnHand(db, movement);
  }
}

function applyUserUpdates(db: Db, changes: RestaurantChanges): void {
  for (const { id, fields } of changes.userUpdates) {
    const current = findUserById(db, id);
    if (!current) continue;
    const { password_hash, needs_password: _, ...account } = current;
    // A username or e-mail changed in the old database is reported, not applied (docs/legacy-import.md).
    saveAccount(db, {
      ...account,
      full_name: fields.fullName ?? account.full_name,
      position: fields.position ?? account.position,
      kitchen_produce_list: fields.kitchenProduceList
        ? JSON.stringify(fields.kitchenProduceList)
        : account.kitchen_produce_list,
      bar_produce_list: fields.barProduceList ? JSON.stringify(fields.barProduceList) : account.bar_produce_list,
      is_active: fields.isActive === undefined ? account.is_active : fields.isActive ? 1 : 0,
      last_login_at: fields.lastLogin === undefined ? account.last_login_at : fields.lastLogin,
    });
    // A new old password replaces the imported one, unless the person already chose one here.
    const imported = importedAs(db, 'users', id)?.imported.passwordHash ?? null;
    if (fields.passwordHash && password_hash === imported)
      setPasswordHash(db, id, fields.passwordHash, account.updated_at);
  }
}

/**
 * Writes the changes in one transaction: all of the restaurant, or nothing. `by`: who brought it
 * over; `currency`: a restaurant made now gets it, one brought over before keeps its own.
 */
export function writeLocally(
  db: Db,
  changes: RestaurantChanges,
  at: string,
  by: string,
  currency: string | null,
): Written {
  db.transaction(() => {
    if (changes.restaurant) {
      const { name, type } = changes.restaurant;
      const made = changes.isNew ? currency : null;
      saveRestaurant(db, { id: changes.restaurantId, name, type, currency: made, created_at: at, updated_at: at });
    }
    insertUsers(db, changes, at);
    insertItems(db, changes, at);
    insertCounts(db, changes, at);
    applyUserUpdates(db, changes);
    for (const { id, fields } of changes.itemUpdates) updateItem(db, id, fields, by, at);
    for (const row of changes.remember) remember(db, { ...row, restaurantId: changes.restaurantId }, at);
  })();
  return writtenBy(changes);
}
