/**
 * The old KitchenGuard into this computer, with no central server (the embedded default): the person
 * proves who they were with their old username and password (checked against the old bcrypt hash
 * before anything is written), and their restaurant — planned as the server import plans it, by
 * restaurant name — is previewed, then written into this computer's store and remembered, so a second
 * run imports nothing twice. Then they are signed in with the same old password.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedInput } from '../../shared/contract';
import type { LegacyDecision, LegacyImportResult, LegacyPreview } from '../../shared/contract/legacy';
import { fail } from '../../shared/errors';
import { findUserById } from '../auth/accounts-store';
import type { AuthService } from '../auth/auth-service';
import { UNKNOWN_USER_HASH, verifyPassword } from '../auth/passwords';
import { readCaBundle } from '../central/central-link';
import type { StoreContext } from '../store/context';
import {
  hasWrites,
  nothingWritten,
  notImported,
  type Outcome,
  type ReportLine,
  type RestaurantChanges,
  restaurantChanges,
  writtenBy,
} from './changes';
import { readLocalState } from './local-state';
import { makePlan, type Plan, type PlannedRestaurant, type PlannedUser } from './plan';
import { type OldRows, type OldServer, OldServerError, readOldKitchenGuard } from './read-old';
import { countsPerTable, formatReport } from './report';
import { writeLocally } from './write-local';

export type LegacyInput = ParsedInput<'legacy.preview'>;

export interface DesktopImportDeps extends StoreContext {
  auth: AuthService;
  dataFolder: string;
  /** A computer that syncs with a central server takes the old KitchenGuard from there. */
  syncsWithServer(): boolean;
}

/** Where the reports of this computer's imports are saved. */
export const reportsFolder = (dataFolder: string) => join(dataFolder, 'imports');

function oldServerOf(input: LegacyInput, ca: string): OldServer {
  const { host, port, user, password, authDatabase, inventoryDatabase } = input;
  return { host, port, user, password, ca, authDatabase, inventoryDatabase };
}

/** The old server's problem, at the field of the form that can fix it. */
function atField(error: OldServerError, input: LegacyInput): Error {
  const database = error.database === input.authDatabase ? 'authDatabase' : 'inventoryDatabase';
  switch (error.problem) {
    case 'credentials':
      return fail.validation(
        'password',
        `The old server refused the database user "${input.user}" or its password (${error.database}). Check both.`,
      );
    case 'certificate_untrusted':
      return fail.validation('caFile', error.message);
    case 'no_database':
    case 'table_missing':
      return fail.validation(database, error.message);
    case 'hostname_mismatch':
    case 'dns':
    case 'refused':
    case 'tls_unsupported':
      return fail.validation('host', error.message);
    default:
      return fail.unavailable(error.message);
  }
}

async function readOld(input: LegacyInput): Promise<OldRows> {
  const ca = await readCaBundle(input.caFile);
  try {
    return await readOldKitchenGuard(oldServerOf(input, ca));
  } catch (error) {
    throw error instanceof OldServerError ? atField(error, input) : error;
  }
}

const sameLogin = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The old user these credentials prove, and their restaurant in the plan. Every wrong answer costs
 * one bcrypt comparison, as the old sign-in did; nothing says whether the name or the password was wrong.
 */
async function provenUser(plan: Plan, old: OldRows, input: LegacyInput) {
  const exact = old.users.filter((user) => user.username === input.login || user.email === input.login);
  const named =
    exact.length > 0
      ? exact
      : old.users.filter((u) => sameLogin(u.username, input.login) || sameLogin(u.email, input.login));
  const planned = new Map(
    plan.restaurants.flatMap((r) => r.users.map((user) => [user.oldId, { user, restaurant: r }] as const)),
  );
  for (const { id } of named) {
    const found = planned.get(id);
    if (found?.user.passwordHash && (await verifyPassword(input.oldPassword, found.user.passwordHash))) return found;
  }
  if (named.length === 0) await verifyPassword(input.oldPassword, UNKNOWN_USER_HASH);
  if (named.some(({ id }) => planned.get(id) && !planned.get(id)!.user.passwordHash)) {
    throw fail.validation(
      'oldPassword',
      'This old account has no password this app can check. Ask an owner or a manager of your restaurant to bring it over; they can then give you a reset code.',
    );
  }
  throw fail.validation('oldPassword', 'Old username or password is incorrect.');
}

/** The plan of the one restaurant: its people's reset links dropped, other restaurants' rows left out. */
function planOfOne(plan: Plan, restaurant: PlannedRestaurant): Plan {
  const people = new Set(restaurant.users.map((user) => user.oldId));
  return {
    restaurants: [restaurant],
    droppedTokens: plan.droppedTokens.filter((token) => people.has(token.userId ?? '')),
    skipped: [],
    notes: [],
  };
}

interface Prepared {
  user: PlannedUser;
  plan: Plan;
  changes: RestaurantChanges;
  lines: ReportLine[];
}

async function prepare(deps: DesktopImportDeps, input: LegacyInput): Promise<Prepared> {
  if (deps.syncsWithServer()) {
    throw fail.conflict(
      'This computer syncs with a central server: the old KitchenGuard is brought into the server (npm run server:import-legacy), and every computer gets it from there.',
    );
  }
  const old = await readOld(input);
  const whole = makePlan(old);
  const { user, restaurant } = await provenUser(whole, old, input);
  if (!user.isActive)
    throw fail.validation('login', 'This old account was deactivated: ask an owner or a manager of your restaurant.');
  const plan = planOfOne(whole, restaurant);
  const changes = restaurantChanges(restaurant, readLocalState(deps.db, restaurant));
  return { user, plan, changes, lines: [...changes.lines, ...notImported(plan)] };
}

const decisionOf = (line: ReportLine): LegacyDecision => ({
  row: `${line.source} ${line.oldId}`,
  outcome: line.outcome,
  became: line.became,
  notes: line.notes,
});

/** Rows that went in as they were, with nothing to say, are not decisions. */
const isDecision = (line: ReportLine) =>
  line.notes.length > 0 || !(['imported', 'unchanged'] as Outcome[]).includes(line.outcome);

export async function previewImport(deps: DesktopImportDeps, input: LegacyInput): Promise<LegacyPreview> {
  const { plan, changes, lines } = await prepare(deps, input);
  const restaurant = plan.restaurants[0]!;
  const signsInAs = new Map(changes.newUsers.map((made) => [made.user.oldId, made]));
  const outcomes: Partial<Record<Outcome, number>> = {};
  for (const counts of countsPerTable(lines).values())
    for (const [outcome, n] of counts) outcomes[outcome] = (outcomes[outcome] ?? 0) + n;
  return {
    restaurant: { name: restaurant.name, type: restaurant.type, importedBefore: !changes.isNew },
    users: restaurant.users.map((user) => ({
      username: signsInAs.get(user.oldId)?.username ?? user.username,
      email: signsInAs.get(user.oldId)?.email ?? user.email,
      fullName: user.fullName,
      role: user.role,
      isActive: user.isActive,
    })),
    kitchenItems: restaurant.items.filter((item) => item.area === 'kitchen').length,
    barItems: restaurant.items.filter((item) => item.area === 'bar').length,
    decisions: lines.filter(isDecision).map(decisionOf),
    outcomes,
    toWrite: hasWrites(changes) ? writtenBy(changes) : nothingWritten(),
  };
}

function saveReport(dataFolder: string, text: string, at: Date): string {
  const folder = reportsFolder(dataFolder);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `kitchenguard-import-report-${at.toISOString().replace(/[:.]/g, '-')}.txt`);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

export async function runImport(deps: DesktopImportDeps, input: LegacyInput): Promise<LegacyImportResult> {
  const { user, plan, changes, lines } = await prepare(deps, input);
  const now = deps.clock.now();
  // Who brought it over: the person, as they are (or become) on this computer.
  const me = idHere(changes, user);
  const written = hasWrites(changes)
    ? writeLocally(deps.db, changes, now.toISOString(), me, input.currency ?? null)
    : nothingWritten();
  const text = formatReport(plan, { lines, written, dryRun: false }, now);
  const file = saveReport(deps.dataFolder, text, now);
  const account = findUserById(deps.db, me);
  if (!account) throw fail.conflict('This old account was brought over before into another restaurant here.', 'login');
  // Signed in as any sign-in here: the old password against the hash just brought over.
  const session = await deps.auth.login({ login: account.username, password: input.oldPassword });
  return { session, written, report: { file, text } };
}

/** The id the person has (or is given) here: their report line names it. */
const idHere = (changes: RestaurantChanges, user: PlannedUser): string =>
  changes.lines.find((line) => line.source === 'users' && line.oldId === user.oldId)?.newId ?? user.newId;
