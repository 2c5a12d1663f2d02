/**
 * Push: the outbox goes to the server in order, in batches, each batch one server transaction.
 * The acknowledgement is the server's own record of the last mutation id it applied for this
 * device — never a COMMIT reply, which can be lost after the commit — so a retry applies nothing
 * twice. Mutations the server refused are kept with its reason and undone here.
 */
import type { CentralServer, TransactionOptions } from '../central/central-server';
import { ServerDataError } from '../central/server-errors';
import { type Clock, isoNow } from '../store/clock';
import type { Db } from '../store/database';
import {
  dropMutationsUpTo,
  firstWaitingMutation,
  lastIssuedMutation,
  type QueuedMutation,
  readWaiting,
  type UnreadableMutation,
} from '../store/outbox';
import { keepRejected } from './rejections-store';

export const PUSH_BATCH = 1000;

export interface Rejection {
  mutationId: number;
  name: string;
  reason: string;
}

export interface PushOptions {
  db: Db;
  clock: Clock;
  server: CentralServer;
  deviceId: string;
  /** The session token to send a mutation's author's changes under. */
  tokenFor(authorId: string | null): Promise<string | null>;
  /** What the server last applied for this device, when this sync already read it. */
  serverPosition?: number;
  faults?: Pick<TransactionOptions, 'beforeCommit'>;
}

export interface PushOutcome {
  pushed: number;
  rejected: Rejection[];
}

/** The next run of mutations by one author, at most `limit`, and a row that cannot be read when it comes first. */
function nextRun(db: Db, limit: number): { run: QueuedMutation[]; unreadable: UnreadableMutation | null } {
  const { mutations, unreadable } = readWaiting(db, limit);
  const author = mutations[0]?.authorId;
  const end = mutations.findIndex((mutation) => mutation.authorId !== author);
  return { run: end === -1 ? mutations : mutations.slice(0, end), unreadable: mutations.length ? null : unreadable };
}

const UNREADABLE = 'This computer could not read this change any more, so it was not sent.';
/** Sent in place of a change the server cannot take, so the server records the refusal and moves on. */
const STAND_IN = 'refused on the computer';

interface Sent {
  mutationId: number;
  name: string;
  args: unknown;
}

export async function push(options: PushOptions): Promise<PushOutcome> {
  const { db, server, deviceId } = options;
  const outcome: PushOutcome = { pushed: 0, rejected: [] };
  const first = readWaiting(db, 1);
  const firstAuthor = first.mutations[0] ?? first.unreadable;
  const firstToken = firstAuthor ? await options.tokenFor(firstAuthor.authorId) : null;
  if (!firstToken) return outcome;
  // A reply lost last time leaves mutations here that the server already has: ask it first.
  const applied = options.serverPosition ?? (await serverPosition(server, firstToken, deviceId));
  // Ahead of all this computer ever made: its next changes would be taken as applied and dropped.
  const issued = lastIssuedMutation(db);
  if (applied > issued) {
    throw new Error(
      `The central server says this computer already sent ${applied} changes, but it has made only ${issued}. Its changes are kept here and not sent until this is looked into.`,
    );
  }
  await acknowledge(options, firstToken, applied, null, outcome);
  // A batch the server cannot even read is halved until the one change at fault stands alone.
  let limit = PUSH_BATCH;
  for (let next = nextRun(db, limit); next.run.length > 0 || next.unreadable; next = nextRun(db, limit)) {
    const head = next.run[0] ?? next.unreadable!;
    const token = await options.tokenFor(head.authorId);
    if (!token) break;
    if (next.unreadable) {
      await refuseAlone(options, token, next.unreadable, UNREADABLE, outcome);
      continue;
    }
    try {
      await send(options, token, next.run, outcome);
    } catch (error) {
      if (!(error instanceof ServerDataError)) throw error;
      if (next.run.length > 1) {
        limit = Math.ceil(next.run.length / 2);
        continue;
      }
      await refuseAlone(options, token, head, error.message, outcome);
      limit = PUSH_BATCH;
    }
  }
  return outcome;
}

async function pushToServer(options: PushOptions, token: string, mutations: Sent[]) {
  return options.server.transaction(
    token,
    async (query) => {
      const { rows } = await query<{
        result: { lastMutationId: number; rejected: { id: number; reason: string }[] };
      }>('SELECT kg.push($1, $2::jsonb) AS result', [
        options.deviceId,
        JSON.stringify(mutations.map(({ mutationId, name, args }) => ({ id: mutationId, name, args }))),
      ]);
      return rows[0]!.result;
    },
    options.faults,
  );
}

async function send(options: PushOptions, token: string, run: QueuedMutation[], outcome: PushOutcome) {
  const result = await pushToServer(options, token, run);
  const names = new Map(run.map((mutation) => [mutation.mutationId, mutation.name]));
  const rejected = result.rejected.map(({ id, reason }) => ({ mutationId: id, name: names.get(id) ?? '', reason }));
  await acknowledge(options, token, Number(result.lastMutationId), rejected, outcome);
}

/** Refuses one change with `reason`: the server takes a stand-in it refuses in its place and moves on. */
async function refuseAlone(
  options: PushOptions,
  token: string,
  mutation: { mutationId: number; name: string },
  reason: string,
  outcome: PushOutcome,
) {
  const result = await pushToServer(options, token, [{ mutationId: mutation.mutationId, name: STAND_IN, args: {} }]);
  const rejection = { mutationId: mutation.mutationId, name: mutation.name, reason };
  await acknowledge(options, token, Number(result.lastMutationId), [rejection], outcome);
}

async function serverPosition(server: CentralServer, token: string, deviceId: string): Promise<number> {
  return server.transaction(token, async (query) => {
    const { rows } = await query<{ state: { lastMutationId: number } }>('SELECT kg.device_state($1) AS state', [
      deviceId,
    ]);
    return Number(rows[0]?.state.lastMutationId ?? 0);
  });
}

async function recordedRejections(
  options: PushOptions,
  token: string,
  first: number,
  last: number,
): Promise<Rejection[]> {
  return options.server.transaction(token, async (query) => {
    const { rows } = await query<{ mutation_id: string; name: string; reason: string }>(
      'SELECT mutation_id, name, reason FROM kg.mutation_rejections WHERE device_id = $1 AND mutation_id BETWEEN $2 AND $3',
      [options.deviceId, first, last],
    );
    return rows.map((row) => ({ mutationId: Number(row.mutation_id), name: row.name, reason: row.reason }));
  });
}

/**
 * Everything up to `last` has reached the server: drop it from the outbox, keeping what was
 * refused. `known` is the refusals a push reply listed; null means read them from the server.
 * True when it dropped anything.
 */
async function acknowledge(
  options: PushOptions,
  token: string,
  last: number,
  known: Rejection[] | null,
  outcome: PushOutcome,
): Promise<boolean> {
  const { db } = options;
  const first = firstWaitingMutation(db);
  if (first === null || last < first) return false;
  const rejected = known ?? (await recordedRejections(options, token, first, last));
  const at = isoNow(options.clock);
  db.transaction(() => {
    for (const { mutationId, reason } of rejected) keepRejected(db, { mutationId, reason, at });
    outcome.pushed += dropMutationsUpTo(db, last) - rejected.length;
  })();
  outcome.rejected.push(...rejected);
  return true;
}
