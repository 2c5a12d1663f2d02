/**
 * Who may manage whom in a restaurant. Owners manage everyone; managers manage staff and other
 * managers but never owners; nobody locks themselves out, and a restaurant always keeps an owner.
 */
import { canManage, type Role } from '../../shared/domain';
import { fail } from '../../shared/errors';
import { type Actor, requireManager } from '../ipc/actor';
import type { Db } from '../store/database';
import { type AccountRow, countActiveOwners, findUserById } from './accounts-store';

/** What the team screen offers: others of the restaurant, and owners only to owners. */
export function mayChange(actor: Actor, target: Pick<AccountRow, 'id' | 'role' | 'restaurant_id'>): boolean {
  return (
    canManage(actor.role) &&
    target.restaurant_id === actor.restaurantId &&
    target.id !== actor.userId &&
    (target.role !== 'owner' || actor.role === 'owner')
  );
}

/** The target user, if the actor may manage them; otherwise a `forbidden` or `not_found` failure. */
export function managedUser(db: Db, actor: Actor, userId: string): AccountRow {
  requireManager(actor);
  const target = findUserById(db, userId);
  // Another restaurant's user does not exist, as far as this actor can tell.
  if (!target || target.restaurant_id !== actor.restaurantId) throw fail.notFound('No such team member.');
  if (target.role === 'owner' && actor.role !== 'owner') throw fail.forbidden('Only an owner can change an owner.');
  return target;
}

export function assertMayGrant(actor: Actor, role: Role): void {
  if (role === 'owner' && actor.role !== 'owner') throw fail.forbidden('Only an owner can make someone an owner.');
}

export function assertNotSelf(actor: Actor, target: AccountRow, what: string): void {
  if (target.id === actor.userId) throw fail.forbidden(`You cannot ${what} your own account.`);
}

/** Refuses a change that would leave the restaurant without an active owner. */
export function assertKeepsAnOwner(db: Db, target: AccountRow, stillOwner: boolean): void {
  if (target.role === 'owner' && target.is_active && !stillOwner && countActiveOwners(db, target.restaurant_id) <= 1) {
    throw fail.forbidden('A restaurant needs at least one active owner.');
  }
}
