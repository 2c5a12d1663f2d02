/**
 * Connecting this computer to a central server. From the sign-in screen it only saves the settings
 * (a new laptop then signs in with a server account). Signed in as an owner or manager on a store
 * that holds a restaurant made on the embedded default, it brings that restaurant up — its people,
 * items and stock movements — once, then syncs it from then on.
 */
import type { ParsedInput } from '../../shared/contract';
import { fail } from '../../shared/errors';
import { findRestaurant, findUserById } from '../auth/accounts-store';
import type { AuthService } from '../auth/auth-service';
import { verifyPassword } from '../auth/passwords';
import { userMutationArgs } from '../auth/views';
import { type CentralLink, readCaBundle } from '../central/central-link';
import type { ServerSettings } from '../central/central-server';
import { openCentralServer } from '../central/central-server';
import { describeConnectionError } from '../central/server-errors';
import { type Actor, requireManager } from '../ipc/actor';
import type { StoreContext } from '../store/context';
import type { Db } from '../store/database';
import { dropMutationsUpTo, lastIssuedMutation } from '../store/outbox';
import { adoptGrant } from './adopt';
import type { SyncEngine } from './engine';
import { enrolThisComputer } from './enrolment';
import { asAppFailure, callServer, type LoginReply, loginReply, setServerCurrency } from './server-calls';
import { bindRestaurant, boundRestaurant, unbindRestaurant } from './sync-state';
import { setDevicePosition, type UploadCounts, uploadHoldings } from './upload';

export interface JoinDeps extends StoreContext {
  hashCost: number;
  auth: AuthService;
  link: CentralLink;
  engine: SyncEngine;
}

type ConnectionInput = ParsedInput<'central.test'>;

async function resolveConnection(link: CentralLink, input: ConnectionInput) {
  const settings = { host: input.host, port: input.port, database: input.database, user: input.user };
  const password = input.password ?? (await link.savedPassword());
  if (!password) throw fail.validation('password', 'Enter the password of the database user.');
  return { settings, password, ca: await readCaBundle(input.caFile) };
}

/** Proves settings without saving them: TLS verified, credentials accepted, schema current. */
export async function testConnection(link: CentralLink, input: ConnectionInput) {
  const { settings, password, ca } = await resolveConnection(link, input);
  return probe(settings, password, ca);
}

async function probe(settings: ServerSettings, password: string, ca: string) {
  const server = openCentralServer(settings, { password, ca });
  try {
    return await server.test();
  } catch (error) {
    throw asAppFailure(describeConnectionError(error, settings));
  } finally {
    await server.close();
  }
}

/**
 * A fresh computer is set up from the sign-in screen; once it syncs a restaurant, only that
 * restaurant's owners and managers may point it (or its connection tests) anywhere.
 */
export function assertMayConfigure(db: Db, actor: Actor | null): void {
  if (actor) requireManager(actor);
  else if (boundRestaurant(db))
    throw fail.unauthenticated('Sign in as an owner or a manager to change the central server.');
}

export async function connect(deps: JoinDeps, input: ParsedInput<'central.connect'>, actor: Actor | null) {
  const { db, link } = deps;
  assertMayConfigure(db, actor);
  const current = link.settings();
  if (boundRestaurant(db) && current && (current.host !== input.host || current.database !== input.database)) {
    throw fail.validation('host', 'This computer syncs with another server: disconnect from it first.');
  }
  const { settings, password, ca } = await resolveConnection(link, input);
  await probe(settings, password, ca);
  const stored = { ...settings, caFile: input.caFile };
  const restaurantId = actor && !boundRestaurant(db) ? actor.restaurantId : null;
  if (!restaurantId) {
    await link.save(stored, password, ca);
    deps.engine.start();
    return { uploaded: { users: 0, items: 0, movements: 0 } };
  }
  // Before anything is saved: a computer left with settings but no restaurant up there would send
  // its people's sign-ins to a server that does not know them.
  const ownerPassword = await provenPassword(db, actor!, input.ownerPassword);
  await link.save(stored, password, ca);
  const uploaded = await bringUp(deps, actor!, ownerPassword);
  deps.engine.start();
  return { uploaded };
}

/** The joining owner's or manager's password, checked against this computer's store. */
async function provenPassword(db: Db, actor: Actor, ownerPassword: string | undefined): Promise<string> {
  if (!ownerPassword) {
    throw fail.validation('ownerPassword', "Enter your password: your restaurant's data goes to the server with you.");
  }
  if (!(await verifyPassword(ownerPassword, findUserById(db, actor.userId)!.password_hash))) {
    throw fail.validation('ownerPassword', 'Password is incorrect.');
  }
  return ownerPassword;
}

async function bringUp(deps: JoinDeps, actor: Actor, ownerPassword: string): Promise<UploadCounts> {
  const { db } = deps;
  const user = findUserById(db, actor.userId)!;
  const restaurant = findRestaurant(db, actor.restaurantId)!;
  const reply = await callServer(
    await deps.link.requireServer(),
    null,
    'SELECT kg.join_restaurant($1::jsonb, $2::jsonb, $3, $4, $5) AS reply',
    [
      JSON.stringify(restaurant),
      JSON.stringify(userMutationArgs(user)),
      user.password_hash,
      ownerPassword,
      deps.deviceId,
    ],
    loginReply,
  );
  const grant = joined(reply);
  // From here on the computer works as its own login, as every computer of the restaurant does.
  await enrolThisComputer(deps.link, user.username, ownerPassword);
  const server = await deps.link.requireServer();
  // Changes made before this point travel inside the upload; later ones are pushed as usual.
  const upTo = lastIssuedMutation(db);
  const target = { db, server, token: grant.token, restaurantId: actor.restaurantId, deviceId: deps.deviceId };
  const uploaded = await uploadHoldings(target);
  const currency = findRestaurant(db, actor.restaurantId)?.currency;
  if (currency) await setServerCurrency(server, grant.token, currency);
  await setDevicePosition(target, upTo);
  db.transaction(() => {
    dropMutationsUpTo(db, upTo);
    bindRestaurant(db, actor.restaurantId);
  })();
  await adoptGrant(deps, grant, ownerPassword);
  return uploaded;
}

/** The server's answer to a join: a session, or why not (counted like a sign-in). */
function joined(reply: LoginReply): Extract<LoginReply, { status: 'ok' }> {
  if (reply.status === 'ok') return reply;
  if (reply.status === 'locked') throw fail.rateLimited(reply.retryAfterSeconds);
  throw fail.validation('ownerPassword', 'Password is incorrect.');
}

export async function disconnect(deps: Pick<JoinDeps, 'db' | 'link' | 'engine'>): Promise<{ ok: true }> {
  deps.engine.stop();
  await deps.link.forget();
  unbindRestaurant(deps.db);
  return { ok: true };
}
