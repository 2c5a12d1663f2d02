/** All SQL about restaurants and users, behind typed functions. */
import type { Role } from '../../shared/domain';
import { fail } from '../../shared/errors';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export interface UserRow {
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
}

export interface RestaurantRow {
  id: string;
  name: string;
  type: string;
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
  sql(db, 'INSERT INTO restaurants (id, name, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    restaurant.id,
    restaurant.name,
    restaurant.type,
    at,
    at,
  );
}

export const findRestaurant = (db: Db, id: string): RestaurantRow | undefined =>
  sql(db, 'SELECT id, name, type FROM restaurants WHERE id = ?').get(id) as RestaurantRow | undefined;

export function insertUser(db: Db, user: NewUser): void {
  sql(
    db,
    `INSERT INTO users (id, restaurant_id, username, username_key, email, email_key, password_hash,
       full_name, position, role, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    user.id,
    user.restaurantId,
    user.username,
    loginKey(user.username),
    user.email,
    loginKey(user.email),
    user.passwordHash,
    user.fullName,
    user.position,
    user.role,
    user.at,
    user.at,
  );
}

export const findUserById = (db: Db, id: string): UserRow | undefined =>
  sql(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;

/** By username or email, either case. (better-sqlite3 reads `?1` as a named parameter: two plain `?`.) */
export function findUserByLogin(db: Db, login: string): UserRow | undefined {
  const key = loginKey(login);
  return sql(db, 'SELECT * FROM users WHERE username_key = ? OR email_key = ?').get(key, key) as UserRow | undefined;
}

export const findUserByUsername = (db: Db, username: string): UserRow | undefined =>
  sql(db, 'SELECT * FROM users WHERE username_key = ?').get(loginKey(username)) as UserRow | undefined;

export function isUsernameTaken(db: Db, username: string): boolean {
  return sql(db, 'SELECT 1 FROM users WHERE username_key = ?').get(loginKey(username)) !== undefined;
}

export function isEmailTaken(db: Db, email: string, exceptUserId = ''): boolean {
  return (
    sql(db, 'SELECT 1 FROM users WHERE email_key = ? AND id <> ?').get(loginKey(email), exceptUserId) !== undefined
  );
}

/** Checked before the slow hash for quick feedback, and again inside the write that needs it. */
export function assertUsernameAndEmailFree(db: Db, user: { username: string; email: string }): void {
  if (isUsernameTaken(db, user.username)) throw fail.conflict('That username is taken.', 'username');
  if (isEmailTaken(db, user.email)) throw fail.conflict('That email is already registered.', 'email');
}

export const listUsers = (db: Db, restaurantId: string): UserRow[] =>
  sql(db, 'SELECT * FROM users WHERE restaurant_id = ? ORDER BY is_active DESC, full_name COLLATE NOCASE').all(
    restaurantId,
  ) as UserRow[];

export const countActiveOwners = (db: Db, restaurantId: string): number =>
  (
    sql(db, "SELECT count(*) AS n FROM users WHERE restaurant_id = ? AND role = 'owner' AND is_active = 1").get(
      restaurantId,
    ) as { n: number }
  ).n;

export function recordLogin(db: Db, userId: string, at: string): void {
  sql(db, 'UPDATE users SET last_login_at = ? WHERE id = ?').run(at, userId);
}

export function setPasswordHash(db: Db, userId: string, hash: string, at: string): void {
  sql(db, 'UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, at, userId);
}

export interface ProfileFields {
  fullName: string;
  email: string;
  position: string;
  kitchenProduceList: string[];
  barProduceList: string[];
}

export function updateProfile(db: Db, userId: string, profile: ProfileFields, at: string): void {
  sql(
    db,
    `UPDATE users SET full_name = ?, email = ?, email_key = ?, position = ?, kitchen_produce_list = ?,
       bar_produce_list = ?, updated_at = ? WHERE id = ?`,
  ).run(
    profile.fullName,
    profile.email,
    loginKey(profile.email),
    profile.position,
    JSON.stringify(profile.kitchenProduceList),
    JSON.stringify(profile.barProduceList),
    at,
    userId,
  );
}

export function setRole(db: Db, userId: string, role: Role, at: string): void {
  sql(db, 'UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, at, userId);
}

export function setActive(db: Db, userId: string, active: boolean, at: string): void {
  sql(db, 'UPDATE users SET is_active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, at, userId);
}
