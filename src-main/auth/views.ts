/** Store rows → the shapes the contract sends to the renderer. Hashes never leave this folder. */
import type { UserProfile } from '../../shared/contract/auth';
import type { TeamMember } from '../../shared/contract/team';
import type { Actor } from '../ipc/actor';
import type { AccountRow } from './accounts-store';
import { mayChange } from './authority';

export const toUserProfile = (row: AccountRow): UserProfile => ({
  id: row.id,
  username: row.username,
  email: row.email,
  fullName: row.full_name,
  position: row.position,
  role: row.role,
  kitchenProduceList: JSON.parse(row.kitchen_produce_list) as string[],
  barProduceList: JSON.parse(row.bar_produce_list) as string[],
  lastLoginAt: row.last_login_at,
});

export const toTeamMember = (row: AccountRow, viewer: Actor): TeamMember => ({
  id: row.id,
  username: row.username,
  email: row.email,
  fullName: row.full_name,
  position: row.position,
  role: row.role,
  isActive: row.is_active === 1,
  needsPassword: row.needs_password === 1,
  lastLoginAt: row.last_login_at,
  createdAt: row.created_at,
  canChange: mayChange(viewer, row),
});

/** What the outbox carries of a user: the profile, never the password hash. */
export const userMutationArgs = (row: AccountRow) => ({
  id: row.id,
  restaurantId: row.restaurant_id,
  username: row.username,
  email: row.email,
  fullName: row.full_name,
  position: row.position,
  role: row.role,
  isActive: row.is_active === 1,
  kitchenProduceList: JSON.parse(row.kitchen_produce_list) as string[],
  barProduceList: JSON.parse(row.bar_produce_list) as string[],
});
