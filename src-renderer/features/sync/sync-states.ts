/**
 * How each sync state reads in the status bar: a few words that make sense on their own (the bar
 * also shows "Saved on this computer"), a colour, and a sentence on hover.
 */
import { CLOCK_WARNING_MS, type SyncStatus } from '../../../shared/contract/sync';
import { plural } from '../../ui/format';

type State = SyncStatus['state'];

export const STATE_LABELS: Record<State, { label: string; color: string }> = {
  online: { label: 'Online', color: 'teal' },
  offline: { label: 'Offline', color: 'orange' },
  syncing: { label: 'Syncing…', color: 'blue' },
  not_configured: { label: 'Central server: not set up', color: 'gray' },
  error: { label: 'Sync stopped', color: 'red' },
  signed_out: { label: 'Sign in to sync', color: 'gray' },
};

export function describeState({ state, server }: Pick<SyncStatus, 'state' | 'server'>): string {
  const where = server ?? 'the central server';
  switch (state) {
    case 'online':
      return `In step with ${where}.`;
    case 'offline':
      return `${where} cannot be reached. Everything is saved on this computer and goes up when it is back.`;
    case 'syncing':
      return `Exchanging changes with ${where}…`;
    case 'not_configured':
      return 'No central server: the data stays on this computer. Owners and managers connect one in Settings.';
    case 'error':
      return `Syncing with ${where} stopped: it needs a change in Settings → Central server.`;
    case 'signed_out':
      return `Sign in to sync with ${where}.`;
  }
}

/** "Sync now" is only worth offering once there is a server and someone signed in to sync. */
export const canSyncNow = (state: State): boolean => state !== 'not_configured' && state !== 'signed_out';

/**
 * What the status bar says of a clock more than two minutes off the server's, or null: stock times
 * are corrected by the measured offset, but the person should set the clock right.
 */
export function clockWarning({
  clockOffsetMs,
}: Pick<SyncStatus, 'clockOffsetMs'>): { label: string; detail: string } | null {
  if (clockOffsetMs === null || Math.abs(clockOffsetMs) <= CLOCK_WARNING_MS) return null;
  const minutes = Math.round(Math.abs(clockOffsetMs) / 60_000);
  const ahead = clockOffsetMs < 0;
  return {
    label: `Clock ${minutes} min ${ahead ? 'fast' : 'slow'}`,
    detail: `This computer's clock is ${plural(minutes, 'minute')} ${ahead ? 'ahead of' : 'behind'} the central server's. Stock times are corrected by it; set the clock right in the system settings.`,
  };
}
