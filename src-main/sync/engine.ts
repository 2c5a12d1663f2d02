/**
 * The sync engine: pushes the outbox and pulls what changed, at start, shortly after each local
 * write, periodically, and on "Sync now" — never on the path of a keystroke. One run at a time.
 * Between runs, a signed-in computer asks every few seconds (counted from its last run) whether its
 * restaurant has anything new (one indexed read, one short transaction: it works through a pooler in
 * transaction mode, where LISTEN cannot), so other computers' changes arrive within seconds, not at
 * the next periodic run.
 * Network trouble means "offline" and a retry with backoff; the app keeps working on its store.
 */
import type { SyncStatus } from '../../shared/contract/sync';
import { AppFailure } from '../../shared/errors';
import type { CentralLink } from '../central/central-link';
import type { CentralServer, TransactionOptions } from '../central/central-server';
import { ServerConnectionError } from '../central/server-errors';
import type { Logger } from '../ipc/router';
import type { Clock } from '../store/clock';
import { clockOffset } from '../store/clock-offset';
import type { Db } from '../store/database';
import { waitingMutations } from '../store/outbox';
import type { ChangeFeed } from './change-feed';
import { NOT_ENROLLED } from './enrolment';
import { checkServer, hasNews, type PullProgress, pull } from './pull';
import { push } from './push';
import { countRejected } from './rejections-store';
import { resync } from './resync';
import type { SyncSession } from './sync-session';
import { boundRestaurant, lastSyncedAt, markSynced } from './sync-state';
import { undoRejected } from './undo-rejected';

export interface SyncEngineDeps {
  db: Db;
  deviceId: string;
  link: CentralLink;
  session: SyncSession;
  changes: ChangeFeed;
  clock: Clock;
  log: Logger;
  timing?: Partial<SyncTiming>;
  faults?: Pick<TransactionOptions, 'beforeCommit'>;
}

export interface SyncTiming {
  /** Quiet time after a local write before pushing it. */
  afterWriteMs: number;
  periodicMs: number;
  /** Between runs: how often to ask whether the restaurant has anything new. */
  checkMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
}

const DEFAULT_TIMING: SyncTiming = {
  afterWriteMs: 400,
  periodicMs: 30_000,
  checkMs: 2_000,
  firstRetryMs: 1_000,
  maxRetryMs: 60_000,
};

export interface SyncEngine {
  status(): SyncStatus;
  /** A local write happened: sync soon. */
  nudge(): void;
  syncNow(): Promise<SyncStatus>;
  start(): void;
  stop(): void;
}

type State = SyncStatus['state'];

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { db, link, session, changes, log } = deps;
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  let state: State = link.settings() ? 'offline' : 'not_configured';
  let lastError: string | null = null;
  let progress: PullProgress | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let checkTimer: NodeJS.Timeout | null = null;
  let stopped = true;

  link.onConnectionLost((error) => {
    log.warn('Central server connection lost', error.message);
    if (state === 'online') {
      setOffline(error.message);
      changes.bumpStatus();
    }
  });

  function setOffline(message: string): void {
    state = 'offline';
    lastError = message;
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
    timer.unref();
  }

  /** The next check comes `checkMs` after the last contact with the server: a run is as good as a check. */
  function scheduleCheck(): void {
    if (stopped) return;
    if (checkTimer) clearTimeout(checkTimer);
    checkTimer = setTimeout(() => void check().finally(scheduleCheck), timing.checkMs);
    checkTimer.unref();
  }

  /** Only while in step with the server: offline, signed out or failing, the runs' own retries decide. */
  async function check(): Promise<void> {
    const server = state === 'online' && !running ? await link.server().catch(() => null) : null;
    const token = server && session.signedIn() ? await session.serverToken(server).catch(() => null) : null;
    if (!server || !token) return;
    const news = await hasNews(db, server, token).catch(() => false);
    if (news && !running) void run();
  }

  async function resyncWith(server: CentralServer, token: string, restaurantId: string, reason: string) {
    log.warn('Resyncing from the central server', reason);
    await resync({ db, server, token, deviceId: deps.deviceId, restaurantId });
    changes.bump();
  }

  async function cycle(server: CentralServer): Promise<void> {
    const restaurantId = boundRestaurant(db);
    const token = restaurantId ? await session.serverToken(server) : null;
    if (!restaurantId || !token) {
      if (session.takeEndReason()) changes.bump();
      state = 'signed_out';
      return;
    }
    state = 'syncing';
    changes.bumpStatus();
    const { staleReason, applied } = await checkServer(db, deps.clock, server, token, deps.deviceId);
    if (staleReason) await resyncWith(server, token, restaurantId, staleReason);
    const pushed = await push({
      db,
      clock: deps.clock,
      server,
      deviceId: deps.deviceId,
      tokenFor: session.tokenFor,
      // A resync moved the server's record of this device; otherwise the check just read it.
      serverPosition: staleReason ? undefined : (applied ?? undefined),
      faults: deps.faults,
    });
    if (pushed.rejected.length > 0) {
      await undoRejected({ db, server, token, log }, pushed.rejected);
      changes.bump();
    }
    await session.releaseRetained(server);
    const pulled = await pull({
      db,
      clock: deps.clock,
      server,
      token,
      restaurantId,
      onProgress: (next) => {
        progress = next;
        changes.bumpStatus();
      },
    });
    progress = null;
    if (pulled.kind === 'session_ended') {
      await session.ended();
      changes.bump();
      state = 'signed_out';
      return;
    }
    if (pulled.kind === 'resync') {
      await resyncWith(server, token, restaurantId, pulled.reason);
      return cycle(server);
    }
    if (pulled.rows > 0) changes.bump();
    markSynced(db, deps.clock.now().toISOString());
    state = 'online';
    lastError = pulled.problems[0] ?? null;
  }

  async function runOnce(): Promise<void> {
    const server = await link.server();
    if (!server) {
      state = 'not_configured';
      return;
    }
    // Through the shared role a computer can only enrol: it syncs once it has its own login.
    if (session.signedIn() && !(await link.enrolled()))
      throw new ServerConnectionError('credentials', NOT_ENROLLED, false);
    await cycle(server);
  }

  function onFailure(error: unknown): number {
    failures += 1;
    const backoff = Math.min(timing.maxRetryMs, timing.firstRetryMs * 2 ** (failures - 1));
    const connection = connectionProblem(error);
    if (connection) {
      setOffline(connection.message);
      state = connection.transient ? 'offline' : 'error';
      return connection.transient ? backoff : timing.maxRetryMs;
    }
    if (isSessionEnded(error)) {
      void session.ended().then(() => changes.bump());
      state = 'signed_out';
      return timing.periodicMs;
    }
    log.error('Sync failed', error);
    state = 'error';
    lastError = error instanceof Error ? error.message : String(error);
    return backoff;
  }

  async function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let next = timing.periodicMs;
      try {
        await runOnce();
        failures = 0;
      } catch (error) {
        next = onFailure(error);
      } finally {
        running = null;
        progress = null;
        changes.bumpStatus();
      }
      if (again) {
        again = false;
        return run();
      }
      schedule(next);
      scheduleCheck();
    })();
    return running;
  }

  return {
    status(): SyncStatus {
      const settings = link.settings();
      return {
        state: !settings ? 'not_configured' : session.signedIn() ? state : 'signed_out',
        server: settings ? `${settings.database} on ${settings.host}` : null,
        waiting: waitingMutations(db),
        lastSyncedAt: lastSyncedAt(db),
        lastError,
        rejections: countRejected(db),
        clockOffsetMs: clockOffset(db)?.offsetMs ?? null,
        progress,
        change: changes.current().data,
      };
    },
    nudge() {
      if (link.settings()) schedule(timing.afterWriteMs);
    },
    async syncNow() {
      await run();
      return this.status();
    },
    start() {
      stopped = false;
      schedule(0);
      scheduleCheck();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (checkTimer) clearTimeout(checkTimer);
    },
  };
}

/** A connection problem, thrown as it is or carried by the `unavailable` failure of a server call. */
function connectionProblem(error: unknown): ServerConnectionError | null {
  if (error instanceof ServerConnectionError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof ServerConnectionError ? cause : null;
}

const isSessionEnded = (error: unknown): boolean =>
  (error instanceof AppFailure && error.error.kind === 'unauthenticated') ||
  String((error as { code?: unknown })?.code) === 'KG401';
