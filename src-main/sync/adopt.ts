/**
 * Takes what the server granted into this device: the user and restaurant, a locally cached hash
 * of the password just proven (for signing in offline later), and the server's session.
 */
import type { SessionView } from '../../shared/contract/auth';
import { fail } from '../../shared/errors';
import { findUserByLogin, saveRestaurant, setActive, setPasswordHash } from '../auth/accounts-store';
import type { AuthService } from '../auth/auth-service';
import { hashPassword } from '../auth/passwords';
import { isoNow } from '../store/clock';
import type { StoreContext } from '../store/context';
import type { Db } from '../store/database';
import { applyUser } from './local-apply';
import type { ServerGrant, ServerUserJson } from './server-calls';
import { bindRestaurant, boundRestaurant } from './sync-state';

export interface AdoptDeps extends Pick<StoreContext, 'db' | 'clock'> {
  auth: AuthService;
  hashCost: number;
}

/** Refuses a user of another restaurant than the one this computer is connected to. */
export function assertSameRestaurant(db: Db, json: ServerUserJson): void {
  const bound = boundRestaurant(db);
  if (bound && bound !== json.user.restaurant_id) {
    throw fail.forbidden(
      'This computer is connected to another restaurant on the central server. Sign in with an account of that restaurant.',
    );
  }
}

export function storeUser(db: Db, json: ServerUserJson): void {
  db.transaction(() => {
    saveRestaurant(db, json.restaurant);
    applyUser(db, json.user);
  })();
}

export async function adoptGrant(deps: AdoptDeps, grant: ServerGrant, password: string): Promise<SessionView> {
  const { db, clock } = deps;
  assertSameRestaurant(db, grant.user);
  const hash = await hashPassword(password, deps.hashCost);
  db.transaction(() => {
    storeUser(db, grant.user);
    setPasswordHash(db, grant.user.user.id, hash, isoNow(clock));
    bindRestaurant(db, grant.user.user.restaurant_id);
  })();
  return deps.auth.openSession(grant.user.user.id, {
    token: grant.token,
    origin: 'server',
    expiresAt: new Date(grant.expiresAt).toISOString(),
  });
}

/**
 * The server refused a sign-in this computer could have let through offline: a deactivated account
 * is deactivated here too, and a password it no longer takes stops opening the cached hash.
 */
export function heedRefusal(
  { db, clock }: Pick<StoreContext, 'db' | 'clock'>,
  login: string,
  status: 'invalid' | 'inactive',
): void {
  const user = findUserByLogin(db, login);
  if (!user) return;
  const at = isoNow(clock);
  if (status === 'inactive') setActive(db, user.id, false, at);
  else setPasswordHash(db, user.id, '', at);
}
