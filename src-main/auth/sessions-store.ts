/** Sessions: a token's hash, its device, its expiry and whether it was revoked. */
import type { Role } from '../../shared/domain';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

/**
 * 'local': this store is the authority; 'server': the token is the central server's own;
 * 'offline': signed in against the cached hash while the server was out of reach.
 */
export type SessionOrigin = 'local' | 'server' | 'offline';

export interface LiveSession {
  session_id: string;
  origin: SessionOrigin;
  user_id: string;
  restaurant_id: string;
  role: Role;
  full_name: string;
  expires_at: string;
}

export interface NewSession {
  id: string;
  userId: string;
  tokenHash: string;
  deviceId: string;
  createdAt: string;
  expiresAt: string;
  origin: SessionOrigin;
}

export function insertSession(db: Db, session: NewSession): void {
  sql<void, NewSession>(
    db,
    `INSERT INTO sessions (id, user_id, token_hash, device_id, created_at, expires_at, origin)
     VALUES (@id, @userId, @tokenHash, @deviceId, @createdAt, @expiresAt, @origin)`,
  ).run(session);
}

/** A session counts only if it is unrevoked, unexpired and its user is still active. */
export const findLiveSession = (db: Db, tokenHash: string, now: string): LiveSession | undefined =>
  sql<LiveSession, { tokenHash: string; now: string }>(
    db,
    `SELECT s.id AS session_id, s.origin, u.id AS user_id, u.restaurant_id, u.role, u.full_name, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = @tokenHash AND s.revoked_at IS NULL AND s.expires_at > @now AND u.is_active = 1`,
  ).get({ tokenHash, now });

export function revokeSession(db: Db, sessionId: string, at: string): void {
  sql<void, { sessionId: string; at: string }>(
    db,
    'UPDATE sessions SET revoked_at = @at WHERE id = @sessionId AND revoked_at IS NULL',
  ).run({ sessionId, at });
}

/** Ends every session of a user, but the one they are using (if any). */
export function revokeUserSessions(db: Db, userId: string, at: string, keepSessionId = ''): void {
  sql<void, { userId: string; keepSessionId: string; at: string }>(
    db,
    'UPDATE sessions SET revoked_at = @at WHERE user_id = @userId AND id <> @keepSessionId AND revoked_at IS NULL',
  ).run({ userId, keepSessionId, at });
}
