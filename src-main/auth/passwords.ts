/**
 * bcrypt password hashes. Written with the `$2a$` prefix: the same algorithm as bcryptjs's `$2b$`,
 * but the form PostgreSQL's pgcrypto `crypt()` can verify on the central server.
 */
import bcrypt from 'bcryptjs';

export const DEFAULT_HASH_COST = 12;

export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = bcrypt.genSaltSync(cost).replace(/^\$2b\$/, '$2a$');
  return bcrypt.hash(password, salt);
}

export const verifyPassword = (password: string, hash: string): Promise<boolean> => bcrypt.compare(password, hash);

/** Compared against when the login name is unknown, so a miss costs as long as a wrong password. */
export const UNKNOWN_USER_HASH = '$2a$12$XZ3TwpqeA.MHcNBGtdP/DedmxnYp8XBtWW6ZteISx7YhwM.iN70eC';
