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
  sql(db, 'UPDATE password_reset_codes SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(
    code.createdAt,
    code.userId,
  );
  sql(
    db,
    `INSERT INTO password_reset_codes (id, user_id, code_hash, issued_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(code.id, code.userId, code.codeHash, code.issuedBy, code.createdAt, code.expiresAt);
}

export const findUsableResetCode = (db: Db, userId: string, codeHash: string, now: string): string | undefined =>
  (
    sql(
      db,
      'SELECT id FROM password_reset_codes WHERE user_id = ? AND code_hash = ? AND used_at IS NULL AND expires_at > ?',
    ).get(userId, codeHash, now) as { id: string } | undefined
  )?.id;

/** True if this call used the code; false if another got there first. */
export const claimResetCode = (db: Db, codeId: string, now: string): boolean =>
  sql(db, 'UPDATE password_reset_codes SET used_at = ? WHERE id = ? AND used_at IS NULL').run(now, codeId).changes ===
  1;
