/**
 * Accounts when a central server is configured: registration, sign-in, team changes, reset codes
 * and password changes go to the server's functions, which verify hashes and enforce roles there.
 * What they return is cached here, so reads stay local (the local backend answers them) and a known
 * user can sign in offline.
 */
import { z } from 'zod';
import type { ParsedInput } from '../../shared/contract';
import type { SessionView } from '../../shared/contract/auth';
import type { TeamMember } from '../../shared/contract/team';
import { fail } from '../../shared/errors';
import { findUserById, findUserByLogin, setPasswordHash } from '../auth/accounts-store';
import type { AuthService } from '../auth/auth-service';
import { CURRENT_PASSWORD_WRONG } from '../auth/credentials-service';
import { hashPassword } from '../auth/passwords';
import { toTeamMember } from '../auth/views';
import type { CentralLink } from '../central/central-link';
import { ServerConnectionError } from '../central/server-errors';
import { type Actor, requireManager } from '../ipc/actor';
import { isoNow } from '../store/clock';
import type { StoreContext } from '../store/context';
import { newId } from '../store/ids';
import { adoptGrant, assertSameRestaurant, heedRefusal, storeUser } from '../sync/adopt';
import type { SyncEngine } from '../sync/engine';
import { enrolThisComputer } from '../sync/enrolment';
import {
  callServer,
  type LoginReply,
  refusal,
  registerReply,
  serverLogin,
  setServerCurrency,
  userReply,
} from '../sync/server-calls';
import type { SyncSession } from '../sync/sync-session';
import { boundRestaurant } from '../sync/sync-state';
import type { AccountBackend } from './account-backend';

export interface CentralAccountsDeps extends StoreContext {
  hashCost: number;
  auth: AuthService;
  link: CentralLink;
  session: SyncSession;
  engine: SyncEngine;
}

const statusReply = z.discriminatedUnion('status', [
  z.object({ status: z.enum(['ok', 'invalid']) }),
  z.object({ status: z.literal('locked'), retryAfterSeconds: z.number() }),
]);
const resetCodeReply = z.object({ code: z.string(), expiresAt: z.string(), username: z.string() });
const iso = (time: string) => new Date(time).toISOString();
const isoOrNull = z
  .string()
  .nullable()
  .transform((time) => (time === null ? null : iso(time)));
const computersReply = z.array(
  z.object({
    deviceId: z.string(),
    name: z.string(),
    enrolledBy: z.string(),
    enrolledAt: z.string().transform(iso),
    lastSyncAt: isoOrNull,
    revokedAt: isoOrNull,
    thisComputer: z.boolean(),
  }),
);

export function createCentralAccounts(deps: CentralAccountsDeps, local: AccountBackend): AccountBackend {
  const { db, auth, link, session, engine } = deps;
  const adoptDeps = { db, clock: deps.clock, auth, hashCost: deps.hashCost };

  function replyToSession(reply: LoginReply): asserts reply is Extract<LoginReply, { status: 'ok' }> {
    if (reply.status === 'locked') {
      throw fail.rateLimited(reply.retryAfterSeconds);
    }
    if (reply.status === 'invalid') throw fail.unauthenticated('Username or password is incorrect.');
    if (reply.status === 'inactive')
      throw fail.forbidden('This account has been deactivated. Ask your manager to reactivate it.');
  }

  /** The server cannot be reached: a user who signed in here before may go on, against the cached hash. */
  async function offlineLogin(input: ParsedInput<'auth.login'>, problem: ServerConnectionError): Promise<SessionView> {
    const known = findUserByLogin(db, input.login);
    if (!known?.password_hash) {
      throw fail.unavailable(
        `${problem.message} This account has not signed in on this computer before, so its first sign-in needs the server.`,
      );
    }
    const view = await auth.login(input, 'offline');
    session.rememberForConfirmation(input.login, input.password);
    return view;
  }

  /** A team member as the server now has them, cached for the team list. */
  function cacheMember(json: z.output<typeof userReply>, viewer: Actor): TeamMember {
    storeUser(db, json);
    return toTeamMember(findUserById(db, json.user.id)!, viewer);
  }

  async function managerCall(actor: Actor, text: string, params: unknown[]): Promise<TeamMember> {
    const token = await session.tokenFor(actor.userId);
    if (!token) throw fail.unavailable('Team changes need the central server: connect to it and sign in again.');
    return cacheMember(await callServer(await link.requireServer(), token, text, params, userReply), actor);
  }

  async function ownToken(actor: Actor): Promise<string> {
    const token = await session.tokenFor(actor.userId);
    if (!token) throw fail.unavailable('This needs the central server: sign in again while it can be reached.');
    return token;
  }

  /** Decided on the server, which every computer pulls it from; kept here at once. */
  async function setCurrency(actor: Actor, input: ParsedInput<'auth.setCurrency'>) {
    requireManager(actor);
    const currency = await setServerCurrency(await link.requireServer(), await ownToken(actor), input.currency);
    return local.setCurrency(actor, { currency });
  }

  return {
    async register(input) {
      // Checked first: the server would make the restaurant, and this computer could not take it.
      if (boundRestaurant(db)) {
        throw fail.forbidden(
          'This computer is connected to a restaurant on the central server: sign in with an account of that restaurant. A new restaurant is registered on a computer not yet connected.',
        );
      }
      const restaurant = { id: newId(), name: input.restaurantName, type: input.restaurantType };
      const owner = {
        id: newId(),
        username: input.username,
        email: input.email,
        fullName: input.fullName,
        position: input.position,
      };
      const grant = await callServer(
        await link.requireServer(),
        null,
        'SELECT kg.register($1::jsonb, $2::jsonb, $3, $4) AS reply',
        [JSON.stringify(restaurant), JSON.stringify(owner), input.password, deps.deviceId],
        registerReply,
      );
      if (grant.status === 'locked') throw fail.rateLimited(grant.retryAfterSeconds);
      if (grant.status === 'refused') throw refusal(grant);
      await enrolThisComputer(link, input.username, input.password);
      const view = await adoptGrant(adoptDeps, grant, input.password);
      const chosen = input.currency ? await setCurrency(auth.actor(), { currency: input.currency }) : null;
      engine.nudge();
      return chosen ? { ...view, restaurant: chosen } : view;
    },

    async signIn(input) {
      let reply: LoginReply;
      try {
        await enrolThisComputer(link, input.login, input.password);
        reply = await serverLogin(await link.requireServer(), input.login, input.password, deps.deviceId);
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        if (cause instanceof ServerConnectionError && cause.transient) return offlineLogin(input, cause);
        throw error;
      }
      if (reply.status === 'inactive') heedRefusal(deps, input.login, reply.status);
      replyToSession(reply);
      assertSameRestaurant(db, reply.user);
      const view = await adoptGrant(adoptDeps, reply, input.password);
      engine.nudge();
      return view;
    },

    async signOut() {
      const current = auth.current();
      if (current?.origin === 'server') {
        const kept = await session.retainIfPending(current.userId, current.token);
        const server = kept ? null : await link.server().catch(() => null);
        if (server)
          await callServer(server, current.token, 'SELECT kg.logout() AS reply', [], z.unknown()).catch(
            () => undefined,
          );
      }
      await auth.endSession();
      return { ok: true as const };
    },

    resume: () => local.resume(),

    async changePassword(actor, input) {
      const reply = await callServer(
        await link.requireServer(),
        await ownToken(actor),
        'SELECT kg.change_own_password($1, $2) AS reply',
        [input.currentPassword, input.newPassword],
        statusReply,
      );
      if (reply.status === 'locked') throw fail.rateLimited(reply.retryAfterSeconds);
      if (reply.status === 'invalid') throw fail.validation('currentPassword', CURRENT_PASSWORD_WRONG);
      const hash = await hashPassword(input.newPassword, deps.hashCost);
      setPasswordHash(db, actor.userId, hash, isoNow(deps.clock));
      return { ok: true as const };
    },

    /** A profile edit is an ordinary synced change: written here, pushed with the outbox. */
    updateProfile: (actor, input) => local.updateProfile(actor, input),

    async issueResetCode(actor, input) {
      const reply = await callServer(
        await link.requireServer(),
        await ownToken(actor),
        'SELECT kg.issue_reset_code($1) AS reply',
        [input.userId],
        resetCodeReply,
      );
      return { ...reply, expiresAt: new Date(reply.expiresAt).toISOString() };
    },

    async resetPassword(input) {
      const reply = await callServer(
        await link.requireServer(),
        null,
        'SELECT kg.reset_password($1, $2, $3) AS reply',
        [input.username, input.code, input.newPassword],
        statusReply,
      );
      if (reply.status === 'locked') throw fail.rateLimited(reply.retryAfterSeconds);
      if (reply.status === 'invalid') {
        throw fail.validation('code', 'That code is not valid: it may be mistyped, used already, or expired.');
      }
      return { ok: true as const };
    },

    setCurrency,

    listTeam: (actor) => local.listTeam(actor),

    addMember(actor, input) {
      const { password, ...profile } = input;
      return managerCall(actor, 'SELECT kg.create_user($1::jsonb, $2) AS reply', [
        JSON.stringify({ ...profile, id: newId() }),
        password,
      ]);
    },

    setRole: (actor, input) => managerCall(actor, 'SELECT kg.set_role($1, $2) AS reply', [input.userId, input.role]),
    deactivate: (actor, input) => managerCall(actor, 'SELECT kg.set_active($1, $2) AS reply', [input.userId, false]),
    reactivate: (actor, input) => managerCall(actor, 'SELECT kg.set_active($1, $2) AS reply', [input.userId, true]),

    async listComputers(actor) {
      const token = await ownToken(actor);
      return callServer(await link.requireServer(), token, 'SELECT kg.list_computers() AS reply', [], computersReply);
    },

    async revokeComputer(actor, input) {
      const token = await ownToken(actor);
      const sql = 'SELECT kg.revoke_computer($1) AS reply';
      return callServer(await link.requireServer(), token, sql, [input.deviceId], computersReply);
    },
  };
}
