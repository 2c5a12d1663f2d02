/**
 * The app's updates as a state machine in plain Node: a check a few seconds after start and every
 * few hours, a background download of what the decision offers, then "ready" until the person
 * restarts. It never restarts by itself; a restart while changes wait to sync, or in the middle of
 * a count, needs the person's agreement. The host supplies the source (electron-updater in the app, an HTTP feed in the preview
 * and tests); everything decided here is tested without Electron.
 */
import type { RestartOutcome, UpdateChannel, UpdateState, UpdateStatus } from '../../shared/contract/updates';
import type { Logger } from '../ipc/router';
import type { Clock } from '../store/clock';
import { decide, type ReleaseInfo } from './update-decision';

export interface UpdateSource {
  /**
   * The newest release on the channel, or null when the feed has none. `offered: false` when the
   * updater itself declined it (electron-updater repeats the staging and downgrade checks).
   */
  latest(channel: UpdateChannel): Promise<{ release: ReleaseInfo; offered?: boolean } | null>;
  /** Downloads the release `latest` last returned, reporting 0–100. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quits and installs the downloaded update. */
  install(): void;
}

export interface UpdateSettings {
  channel(): UpdateChannel;
  setChannel(channel: UpdateChannel): void;
  lastCheckAt(): string | null;
  setLastCheckAt(at: string): void;
}

export interface UpdateMachineOptions {
  currentVersion: string;
  computerId: string;
  /** A source, or why this app cannot update itself. */
  source: UpdateSource | { unavailable: string };
  settings: UpdateSettings;
  /** Changes made here that the central server has not received yet. */
  changesWaiting(): number;
  /** Counts still open with lines entered on this computer: its counting is not finished (counts/counting-here.ts). */
  countsOpenHere(): number;
  clock: Clock;
  log: Logger;
}

export const FIRST_CHECK_AFTER_MS = 10_000;
export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

export function createUpdateMachine(options: UpdateMachineOptions) {
  const { settings, log } = options;
  const source = 'unavailable' in options.source ? null : options.source;
  let state: UpdateState =
    'unavailable' in options.source ? { kind: 'unavailable', reason: options.source.unavailable } : { kind: 'idle' };
  let running: Promise<void> | null = null;
  const timers: NodeJS.Timeout[] = [];

  const status = (): UpdateStatus => ({
    version: options.currentVersion,
    channel: settings.channel(),
    lastCheckAt: settings.lastCheckAt(),
    state,
  });

  async function checkAndDownload(from: UpdateSource): Promise<void> {
    state = { kind: 'checking' };
    const found = await from.latest(settings.channel());
    settings.setLastCheckAt(options.clock.now().toISOString());
    const decision = found ? decide(options.currentVersion, found.release, options.computerId) : 'not-newer';
    if (!found || decision === 'not-newer') {
      state = { kind: 'up-to-date', newer: null };
      return;
    }
    const { version } = found.release;
    if (decision === 'not-yet' || found.offered === false) {
      state = { kind: 'up-to-date', newer: version };
      return;
    }
    state = { kind: 'downloading', version, percent: 0 };
    await from.download((percent) => {
      state = { kind: 'downloading', version, percent: Math.max(0, Math.min(100, percent)) };
    });
    state = { kind: 'ready', version };
    log.info(`Update ${version} downloaded; it installs when the person restarts`);
  }

  /** One check at a time; a downloaded update stays ready (nothing to check until it is installed). */
  function check(): Promise<UpdateStatus> {
    if (!source || state.kind === 'ready') return Promise.resolve(status());
    running ??= checkAndDownload(source)
      .catch((error: unknown) => {
        log.warn('Update check failed', error);
        state = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      })
      .finally(() => {
        running = null;
      });
    return running.then(status);
  }

  return {
    status,
    check,
    /** Kept, and looked at again at once: an update downloaded from the other channel is dropped. */
    setChannel(channel: UpdateChannel): Promise<UpdateStatus> {
      settings.setChannel(channel);
      if (state.kind === 'ready') state = { kind: 'idle' };
      return check();
    },
    restart(confirmed: boolean): RestartOutcome {
      if (!source || state.kind !== 'ready') throw new Error('No update is ready to install.');
      const reasons = confirmed ? [] : reasonsToAsk(options.changesWaiting(), options.countsOpenHere());
      if (reasons.length > 0) return { outcome: 'confirm', reason: reasons.join(' ') };
      source.install();
      return { outcome: 'restarting' };
    },
    /** A check a few seconds after start, then every few hours (timers never keep the process alive). */
    start(): void {
      if (!source) return;
      const first = setTimeout(() => void check(), FIRST_CHECK_AFTER_MS);
      const every = setInterval(() => void check(), CHECK_EVERY_MS);
      for (const timer of [first, every]) timer.unref();
      timers.push(first, every);
    },
    stop(): void {
      for (const timer of timers.splice(0)) clearTimeout(timer);
    },
  };
}

export type UpdateMachine = ReturnType<typeof createUpdateMachine>;

/** Why a restart now needs the person's word, in words: changes not yet sent, counting not finished. */
function reasonsToAsk(waiting: number, countsOpen: number): string[] {
  const reasons: string[] = [];
  if (countsOpen > 0) {
    const counts = countsOpen === 1 ? 'A count is' : `${countsOpen} counts are`;
    reasons.push(
      `${counts} still open with lines entered on this computer. Every saved line is kept, but if someone is counting here, the restart closes KitchenGuard in the middle of it.`,
    );
  }
  if (waiting > 0) {
    reasons.push(
      `${waiting === 1 ? '1 change is' : `${waiting} changes are`} waiting to reach the central server. They are kept and sync after the restart, but other computers will not see them until then.`,
    );
  }
  return reasons;
}
