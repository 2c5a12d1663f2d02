/**
 * Push: the outbox goes to the server in order, in batches, each batch one server transaction.
 * The acknowledgement is the server's own record of the last mutation id it applied for this
 * device — never a COMMIT reply, which can be lost after the commit — so a retry applies nothing
 * twice. Mutations the server refused are kept with its reason and undone here.
 */
import type { CentralServer, TransactionOptions } from '../central/central-server';
import { type Clock, isoNow } from '../store/clock';
import type { Db } from '../store/database';
import { dropMutationsUpTo, firstWaitingMutation, type QueuedMutation, readOutbox } from '../store/outbox';
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

/** The next run of mutations by one author, at most a batch. */
function nextRun(db: Db): QueuedMutation[] {
  const batch = readOutbox(db, PUSH_BATCH);
  const author = batch[0]?.authorId;
  const end = batch.findIndex((mutation) => mutation.authorId !== author);
  return end === -1 ? batch : batch.slice(0, end);
}

export async function push(options: PushOptions): Promise<PushOutcome> {
  const { db, server, deviceId } = options;
  const outcome: PushOutcome = { pushed: 0, rejected: [] };
  let run = nextRun(db);
  const firstToken = run[0] ? await options.tokenFor(run[0].authorId) : null;
  if (!firstToken) return outcome;
  // A reply lost last time leaves mutations here that the server already has: ask it first.
  const applied = options.serverPosition ?? (await serverPosition(server, firstToken, deviceId));
  if (await acknowledge(options, firstToken, applied, null, outcome)) run = nextRun(db);
  for (; run.length > 0; run = nextRun(db)) {
    const token = await options.tokenFor(run[0]!.authorId);
    if (!token) break;
    const mutations = run.map(({ mutationId, name, args }) => ({ id: mutationId, name, args }));
    const result = await server.transaction(
      token,
      async (query) => {
        const { rows } = await query<{
          result: { lastMutationId: number; rejected: { id: number; reason: string }[] };
        }>('SELECT kg.push($1, $2::jsonb) AS result', [deviceId, JSON.stringify(mutations)]);
        return rows[0]!.result;
      },
      options.faults,
    );
    const names = new Map(run.map((mutation) => [mutation.mutationId, mutation.name]));
    const rejected = result.rejected.map(({ id, reason }) => ({ mutationId: id, name: names.get(id) ?? '', reason }));
    await acknowledge(options, token, Number(result.lastMutationId), rejected, outcome);
  }
  return outcome;
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
