/**
 * A signed-in user's own profile and password, and password reset by a one-time code that an owner
 * or manager issues (single use, stored hashed, one hour).
 */
import type { ParsedInput } from '../../shared/contract';
import type { UserProfile } from '../../shared/contract/auth';
import { fail } from '../../shared/errors';
import type { Actor } from '../ipc/actor';
import type { StoreContext } from '../store/context';
import { newId } from '../store/ids';
import { appendMutation } from '../store/outbox';
import * as accounts from './accounts-store';
import { managedUser } from './authority';
import { hashPassword, verifyPassword } from './passwords';
import * as resetCodes from './reset-codes-store';
import { revokeUserSessions } from './sessions-store';
import * as throttle from './throttle';
import { hashSecret, newResetCode, normaliseResetCode } from './tokens';
import { toUserProfile, userMutationArgs } from './views';

export const RESET_CODE_MINUTES = 60;
export const CURRENT_PASSWORD_WRONG = 'Current password is incorrect.';

export interface CredentialsDeps extends StoreContext {
  hashCost: number;
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;

export function createCredentialsService(deps: CredentialsDeps) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  function self(actor: Actor): accounts.AccountRow {
    const user = accounts.findUserById(db, actor.userId);
    if (!user) throw fail.unauthenticated();
    return user;
  }

  return {
    async changePassword(actor: Actor, input: ParsedInput<'auth.changePassword'>): Promise<{ ok: true }> {
      const user = self(actor);
      // A guess at the current password is a guess at the account: the same lock, the same count.
      const key = `user:${user.id}`;
      throttle.assertNotThrottled(db, key, clock.now());
      if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
        throttle.recordFailure(db, key, clock.now());
        throw fail.validation('currentPassword', CURRENT_PASSWORD_WRONG);
      }
      throttle.clearFailures(db, key);
      const hash = await hashPassword(input.newPassword, deps.hashCost);
      db.transaction(() => {
        accounts.setPasswordHash(db, user.id, hash, now());
        // Anyone who learned the old password is signed out everywhere else.
        revokeUserSessions(db, user.id, now(), actor.sessionId);
      })();
      return { ok: true };
    },

    updateProfile(actor: Actor, input: ParsedInput<'auth.updateProfile'>): UserProfile {
      const user = self(actor);
      if (accounts.isEmailTaken(db, input.email, user.id)) {
        throw fail.conflict('That email is already registered.', 'email');
      }
      db.transaction(() => {
        accounts.updateProfile(db, user.id, input, now());
        appendMutation(db, {
          name: 'user.update',
          args: userMutationArgs(self(actor)),
          at: now(),
          authorId: actor.userId,
        });
      })();
      return toUserProfile(self(actor));
    },

    issueResetCode(actor: Actor, input: ParsedInput<'auth.issueResetCode'>) {
      const target = managedUser(db, actor, input.userId);
      const code = newResetCode();
      const at = clock.now();
      const expiresAt = new Date(at.getTime() + RESET_CODE_MINUTES * 60_000).toISOString();
      db.transaction(() =>
        resetCodes.replaceResetCode(db, {
          id: newId(),
          userId: target.id,
          codeHash: hashSecret(normaliseResetCode(code)),
          issuedBy: actor.userId,
          createdAt: at.toISOString(),
          expiresAt,
        }),
      )();
      return { code, expiresAt, username: target.username };
    },

    async resetPassword(input: ParsedInput<'auth.resetPassword'>): Promise<{ ok: true }> {
      const key = `reset:${accounts.loginKey(input.username)}`;
      throttle.assertNotThrottled(db, key, clock.now());
      const user = accounts.findUserByUsername(db, input.username);
      const codeHash = hashSecret(normaliseResetCode(input.code));
      const codeId = user && resetCodes.findUsableResetCode(db, user.id, codeHash, now());
      if (!user || !codeId) {
        throttle.recordFailure(db, key, clock.now(), throttle.RESET_CODE);
        throw fail.validation('code', 'That code is not valid: it may be mistyped, used already, or expired.');
      }
      const hash = await hashPassword(input.newPassword, deps.hashCost);
      db.transaction(() => {
        if (!resetCodes.claimResetCode(db, codeId, now()))
          throw fail.validation('code', 'That code has just been used.');
        accounts.setPasswordHash(db, user.id, hash, now());
        revokeUserSessions(db, user.id, now());
      })();
      throttle.clearFailures(db, key);
      // The new password works at once, even if guessing the old one had locked the account.
      throttle.clearFailures(db, `user:${user.id}`);
      return { ok: true };
    },
  };
}
