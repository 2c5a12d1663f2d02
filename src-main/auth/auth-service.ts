/**
 * Accounts and sessions on this device: register a restaurant and its owner, sign in and out,
 * resume a session from the keychain, and resolve who is behind each request.
 */
import type { ParsedInput } from '../../shared/contract';
import type { SessionView } from '../../shared/contract/auth';
import { fail } from '../../shared/errors';
import type { Actor } from '../ipc/actor';
import type { StoreContext } from '../store/context';
import { newId } from '../store/ids';
import { appendMutation } from '../store/outbox';
import * as accounts from './accounts-store';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './passwords';
import type { SessionKeeper } from './session-keeper';
import type { SessionOrigin } from './sessions-store';
import * as sessions from './sessions-store';
import * as throttle from './throttle';
import { hashSecret, newSessionToken } from './tokens';
import { toUserProfile, userMutationArgs } from './views';

export const SESSION_DAYS = 30;

export interface AuthDeps extends StoreContext {
  keeper: SessionKeeper;
  hashCost: number;
}

export type AuthService = ReturnType<typeof createAuthService>;

/** A session granted elsewhere (the central server) or by a check made offline. */
export interface SessionGrant {
  token: string;
  origin: SessionOrigin;
  expiresAt: string;
}

const newGrant = (now: Date): SessionGrant => ({
  token: newSessionToken(),
  origin: 'local',
  expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
});

export function createAuthService(deps: AuthDeps) {
  const { db, clock, keeper } = deps;

  function liveSession(): sessions.LiveSession | undefined {
    const token = keeper.token();
    return token ? sessions.findLiveSession(db, hashSecret(token), clock.now().toISOString()) : undefined;
  }

  function actor(): Actor {
    const live = liveSession();
    if (!live) throw fail.unauthenticated();
    return {
      sessionId: live.session_id,
      userId: live.user_id,
      restaurantId: live.restaurant_id,
      role: live.role,
      fullName: live.full_name,
    };
  }

  function view(live: sessions.LiveSession): SessionView {
    const user = accounts.findUserById(db, live.user_id);
    const restaurant = accounts.findRestaurant(db, live.restaurant_id);
    if (!user || !restaurant) throw fail.unauthenticated();
    return { user: toUserProfile(user), restaurant, expiresAt: live.expires_at, remembered: keeper.remembers };
  }

  /** Opens a session for a user whose password was just proven, and keeps its token. */
  async function openSession(userId: string, grant?: SessionGrant): Promise<SessionView> {
    const now = clock.now();
    const { token, origin, expiresAt } = grant ?? newGrant(now);
    // The session this device had open ends here: its token is about to be replaced in the keychain.
    const previous = liveSession();
    db.transaction(() => {
      if (previous) sessions.revokeSession(db, previous.session_id, now.toISOString());
      sessions.insertSession(db, {
        id: newId(),
        userId,
        tokenHash: hashSecret(token),
        deviceId: deps.deviceId,
        createdAt: now.toISOString(),
        expiresAt,
        origin,
      });
      accounts.recordLogin(db, userId, now.toISOString());
    })();
    await keeper.keep(token);
    const live = liveSession();
    if (!live) throw fail.unauthenticated();
    return view(live);
  }

  return {
    actor,
    openSession,

    /** The signed-in user, how their session was granted, and its token: for the sync engine. */
    current(): { userId: string; restaurantId: string; origin: SessionOrigin; token: string } | null {
      const live = liveSession();
      const token = keeper.token();
      return live && token
        ? { userId: live.user_id, restaurantId: live.restaurant_id, origin: live.origin, token }
        : null;
    },

    /** Ends the session on this device only: the server already ended it, or is told elsewhere. */
    async endSession(): Promise<void> {
      const live = liveSession();
      if (live) sessions.revokeSession(db, live.session_id, clock.now().toISOString());
      await keeper.forget();
    },

    async register(input: ParsedInput<'auth.register'>): Promise<SessionView> {
      accounts.assertUsernameAndEmailFree(db, input);
      const passwordHash = await hashPassword(input.password, deps.hashCost);
      const at = clock.now().toISOString();
      const restaurant = { id: newId(), name: input.restaurantName, type: input.restaurantType };
      const userId = newId();
      db.transaction(() => {
        accounts.assertUsernameAndEmailFree(db, input);
        accounts.insertRestaurant(db, { ...restaurant, currency: input.currency ?? null }, at);
        accounts.insertUser(db, { ...input, id: userId, restaurantId: restaurant.id, passwordHash, role: 'owner', at });
        appendMutation(db, { name: 'restaurant.create', args: restaurant, at, authorId: userId });
        appendMutation(db, {
          name: 'user.create',
          args: userMutationArgs(accounts.findUserById(db, userId)!),
          at,
          authorId: userId,
        });
      })();
      return openSession(userId);
    },

    /** Against this store's hashes: the authority without a server, the fallback offline. */
    async login(input: ParsedInput<'auth.login'>, origin: SessionOrigin = 'local'): Promise<SessionView> {
      const user = accounts.findUserByLogin(db, input.login);
      // Guesses count against the account, whether they name it by username or by email.
      const key = user ? `user:${user.id}` : accounts.loginKey(input.login);
      throttle.assertNotThrottled(db, key, clock.now());
      const matches = await verifyPassword(input.password, user?.password_hash || UNKNOWN_USER_HASH);
      if (!user || !matches) {
        throttle.recordFailure(db, key, clock.now());
        throw fail.unauthenticated('Username or password is incorrect.');
      }
      throttle.clearFailures(db, key);
      if (!user.is_active)
        throw fail.forbidden('This account has been deactivated. Ask your manager to reactivate it.');
      return openSession(user.id, { ...newGrant(clock.now()), origin });
    },

    async logout(): Promise<{ ok: true }> {
      const live = liveSession();
      if (live) sessions.revokeSession(db, live.session_id, clock.now().toISOString());
      await keeper.forget();
      return { ok: true };
    },

    /** Who is signed in on this device, or null; a dead token is dropped from the keychain. */
    async currentSession(): Promise<SessionView | null> {
      const live = liveSession();
      if (live) return view(live);
      if (keeper.token()) await keeper.forget();
      return null;
    },
  };
}
