/** One-time password reset codes: only their hash, who issued them, expiry and use. */
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export interface NewResetCode {
  id: string;
  userId: string;
  codeHash: string;
  issuedBy: string;
  createdAt: string;
  expiresAt: string;
}

/** Issuing a code retires the user's earlier unused ones: only the newest works. */
export function replaceResetCode(db: Db, code: NewResetCode): void {
  sql<void, NewResetCode>(
    db,
    'UPDATE password_reset_codes SET used_at = @createdAt WHERE user_id = @userId AND used_at IS NULL',
  ).run(code);
  sql<void, NewResetCode>(
    db,
    `INSERT INTO password_reset_codes (id, user_id, code_hash, issued_by, created_at, expires_at)
     VALUES (@id, @userId, @codeHash, @issuedBy, @createdAt, @expiresAt)`,
  ).run(code);
}

export const findUsableResetCode = (db: Db, userId: string, codeHash: string, now: string): string | undefined =>
  sql<string, { userId: string; codeHash: string; now: string }>(
    db,
    `SELECT id FROM password_reset_codes
      WHERE user_id = @userId AND code_hash = @codeHash AND used_at IS NULL AND expires_at > @now`,
  )
    .pluck()
    .get({ userId, codeHash, now });

/** True if this call used the code; false if another got there first. */
export const claimResetCode = (db: Db, codeId: string, now: string): boolean =>
  sql<void, { codeId: string; now: string }>(
    db,
    'UPDATE password_reset_codes SET used_at = @now WHERE id = @codeId AND used_at IS NULL',
  ).run({ codeId, now }).changes === 1;
