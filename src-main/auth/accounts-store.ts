/** All SQL about restaurants and users, behind typed functions. */
import type { Role } from '../../shared/domain';
import { fail } from '../../shared/errors';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export interface AccountRow {
  id: string;
  restaurant_id: string;
  username: string;
  email: string;
  password_hash: string;
  full_name: string;
  position: string;
  role: Role;
  kitchen_produce_list: string;
  bar_produce_list: string;
  is_active: 0 | 1;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  /** Brought back by a restore of the central server without a password: waits for a reset code. */
  needs_password: 0 | 1;
}

export interface RestaurantRow {
  id: string;
  name: string;
  type: string;
  /** ISO 4217; null until chosen. */
  currency: string | null;
}

/** Usernames and emails are unique whatever their case. */
export const loginKey = (text: string): string => text.trim().toLowerCase();

export interface NewUser {
  id: string;
  restaurantId: string;
  username: string;
  email: string;
  passwordHash: string;
  fullName: string;
  position: string;
  role: Role;
  at: string;
}

export function insertRestaurant(db: Db, restaurant: RestaurantRow, at: string): void {
  sql<void, RestaurantRow & { at: string }>(
    db,
    `INSERT INTO restaurants (id, name, type, currency, created_at, updated_at)
     VALUES (@id, @name, @type, @currency, @at, @at)`,
  ).run({ ...restaurant, at });
}

export function setRestaurantCurrency(db: Db, id: string, currency: string, at: string): void {
  sql<void, { id: string; currency: string; at: string }>(
    db,
    'UPDATE restaurants SET currency = @currency, updated_at = @at WHERE id = @id',
  ).run({ id, currency, at });
}

export const findRestaurant = (db: Db, id: string): RestaurantRow | undefined =>
  sql<RestaurantRow, [id: string]>(db, 'SELECT id, name, type, currency FROM restaurants WHERE id = ?').get(id);

export function insertUser(db: Db, user: NewUser): void {
  sql<void, NewUser & { usernameKey: string; emailKey: string }>(
    db,
    `INSERT INTO users (id, restaurant_id, username, username_key, email, email_key, password_hash,
       full_name, position, role, created_at, updated_at)
     VALUES (@id, @restaurantId, @username, @usernameKey, @email, @emailKey, @passwordHash,
       @fullName, @position, @role, @at, @at)`,
  ).run({ ...user, usernameKey: loginKey(user.username), emailKey: loginKey(user.email) });
}

export const findUserById = (db: Db, id: string): AccountRow | undefined =>
  sql<AccountRow, [id: string]>(db, 'SELECT * FROM users WHERE id = ?').get(id);

/** By username or email, either case. */
export const findUserByLogin = (db: Db, login: string): AccountRow | undefined =>
  sql<AccountRow, { key: string }>(db, 'SELECT * FROM users WHERE username_key = @key OR email_key = @key').get({
    key: loginKey(login),
  });

export const findUserByUsername = (db: Db, username: string): AccountRow | undefined =>
  sql<AccountRow, [usernameKey: string]>(db, 'SELECT * FROM users WHERE username_key = ?').get(loginKey(username));

export function isUsernameTaken(db: Db, username: string): boolean {
  return (
    sql<1, [usernameKey: string]>(db, 'SELECT 1 FROM users WHERE username_key = ?').get(loginKey(username)) !==
    undefined
  );
}

export function isEmailTaken(db: Db, email: string, exceptUserId = ''): boolean {
  return (
    sql<1, { emailKey: string; exceptUserId: string }>(
      db,
      'SELECT 1 FROM users WHERE email_key = @emailKey AND id <> @exceptUserId',
    ).get({ emailKey: loginKey(email), exceptUserId }) !== undefined
  );
}

/** Checked before the slow hash for quick feedback, and again inside the write that needs it. */
export function assertUsernameAndEmailFree(db: Db, user: { username: string; email: string }): void {
  if (isUsernameTaken(db, user.username)) throw fail.conflict('That username is taken.', 'username');
  if (isEmailTaken(db, user.email)) throw fail.conflict('That email is already registered.', 'email');
}

export const listUsers = (db: Db, restaurantId: string): AccountRow[] =>
  sql<AccountRow, [restaurantId: string]>(
    db,
    'SELECT * FROM users WHERE restaurant_id = ? ORDER BY is_active DESC, full_name COLLATE NOCASE',
  ).all(restaurantId);

export const countActiveOwners = (db: Db, restaurantId: string): number =>
  sql<number, [restaurantId: string]>(
    db,
    "SELECT count(*) FROM users WHERE restaurant_id = ? AND role = 'owner' AND is_active = 1",
  )
    .pluck()
    .get(restaurantId) ?? 0;

export function recordLogin(db: Db, userId: string, at: string): void {
  sql<void, { userId: string; at: string }>(db, 'UPDATE users SET last_login_at = @at WHERE id = @userId').run({
    userId,
    at,
  });
}

export function setPasswordHash(db: Db, userId: string, hash: string, at: string): void {
  sql<void, { userId: string; hash: string; at: string }>(
    db,
    'UPDATE users SET password_hash = @hash, updated_at = @at WHERE id = @userId',
  ).run({ userId, hash, at });
}

export interface ProfileFields {
  fullName: string;
  email: string;
  position: string;
  kitchenProduceList: string[];
  barProduceList: string[];
}

/** The profile as stored: the login key beside the email, the produce lists as JSON text. */
interface ProfileColumns {
  userId: string;
  fullName: string;
  email: string;
  emailKey: string;
  position: string;
  kitchenProduceList: string;
  barProduceList: string;
  at: string;
}

export function updateProfile(db: Db, userId: string, profile: ProfileFields, at: string): void {
  sql<void, ProfileColumns>(
    db,
    `UPDATE users SET full_name = @fullName, email = @email, email_key = @emailKey, position = @position,
       kitchen_produce_list = @kitchenProduceList, bar_produce_list = @barProduceList, updated_at = @at
     WHERE id = @userId`,
  ).run({
    ...profile,
    userId,
    emailKey: loginKey(profile.email),
    kitchenProduceList: JSON.stringify(profile.kitchenProduceList),
    barProduceList: JSON.stringify(profile.barProduceList),
    at,
  });
}

export function setRole(db: Db, userId: string, role: Role, at: string): void {
  sql<void, { userId: string; role: Role; at: string }>(
    db,
    'UPDATE users SET role = @role, updated_at = @at WHERE id = @userId',
  ).run({ userId, role, at });
}

export function setActive(db: Db, userId: string, active: boolean, at: string): void {
  sql<void, { userId: string; isActive: 0 | 1; at: string }>(
    db,
    'UPDATE users SET is_active = @isActive, updated_at = @at WHERE id = @userId',
  ).run({ userId, isActive: active ? 1 : 0, at });
}

/** A restaurant as the central server has it: added, or its name and type brought up to date. */
/** A restaurant as the server has it; a currency it does not say (null) stays as this computer has it. */
export function saveRestaurant(db: Db, restaurant: RestaurantRow & { created_at: string; updated_at: string }): void {
  sql<void, RestaurantRow & { created_at: string; updated_at: string }>(
    db,
    `INSERT INTO restaurants (id, name, type, currency, created_at, updated_at)
     VALUES (@id, @name, @type, @currency, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,
       currency = coalesce(excluded.currency, restaurants.currency),
       updated_at = excluded.updated_at`,
  ).run(restaurant);
}

/** Everything of a team member but the password hash: what the central server shares of them. */
export type SharedAccount = Omit<AccountRow, 'password_hash' | 'needs_password'>;

/** A team member as the central server has them; their password hash stays whatever this computer cached. */
export function saveAccount(db: Db, account: SharedAccount): void {
  sql<void, SharedAccount & { usernameKey: string; emailKey: string }>(
    db,
    `INSERT INTO users (id, restaurant_id, username, username_key, email, email_key, password_hash, full_name,
       position, role, kitchen_produce_list, bar_produce_list, is_active, last_login_at, created_at, updated_at)
     VALUES (@id, @restaurant_id, @username, @usernameKey, @email, @emailKey, '', @full_name,
       @position, @role, @kitchen_produce_list, @bar_produce_list, @is_active, @last_login_at, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET username = excluded.username, username_key = excluded.username_key,
       email = excluded.email, email_key = excluded.email_key, full_name = excluded.full_name,
       position = excluded.position, role = excluded.role, kitchen_produce_list = excluded.kitchen_produce_list,
       bar_produce_list = excluded.bar_produce_list, is_active = excluded.is_active,
       last_login_at = excluded.last_login_at, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run({ ...account, usernameKey: loginKey(account.username), emailKey: loginKey(account.email) });
}

/** Whether the central server waits for a new password for them (see AccountRow.needs_password). */
export function setNeedsPassword(db: Db, id: string, needsPassword: boolean): void {
  sql<void, { id: string; flag: number }>(db, 'UPDATE users SET needs_password = @flag WHERE id = @id').run({
    id,
    flag: needsPassword ? 1 : 0,
  });
}

/** Users holding any of these lower-cased names as username or e-mail, with their names lower-cased. */
export const usersHoldingNames = (db: Db, names: string[]): { id: string; username: string; email: string }[] =>
  sql<{ id: string; username: string; email: string }, { names: string }>(
    db,
    `SELECT id, username_key AS username, email_key AS email FROM users
      WHERE username_key IN (SELECT value FROM json_each(@names)) OR email_key IN (SELECT value FROM json_each(@names))`,
  ).all({ names: JSON.stringify(names) });
