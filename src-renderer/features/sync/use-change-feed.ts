/**
 * The one loop that keeps the screens in step with the core: a long poll on `sync.waitForChange`.
 * When data changed underneath (rows pulled from the server, refused changes undone, the session
 * ended), the queries that show such data are refreshed — the stock lists are patched with the items
 * the feed carries instead, while it can say which changed; when only the sync state changed (online,
 * offline, syncing, progress), just the status. One call at a time, at most two a second, backing
 * off when the core does not answer; it stops when the app unmounts. While the core cannot be
 * reached (a preview being restarted) a notice says so, until the feed gets through again.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChannelName } from '../../../shared/contract';
import type { SyncChanges } from '../../../shared/contract/sync';
import { isBridgeError } from '../../api/bridge-error';
import { invoke } from '../../api/client';
import { replaceSession } from '../../api/query-client';
import { channelKey } from '../../api/query-keys';
import { notifyProblem, showUnreachable } from '../../ui/notify';
import { sessionQuery } from '../auth/session';
import { followStock, stockFollowedSince } from '../inventory/inventory-api';
import { changeBetween, pauseBeforeNextCall } from './change-feed-rules';

/** What a pull, an undone refusal or a lost session can change. */
const REFRESHED: readonly ChannelName[] = [
  'auth.session',
  'inventory.list',
  'inventory.history',
  'inventory.countUnits',
  'storage.list',
  // A count started, entered, approved or abandoned on another computer (an open sheet keeps its own lines).
  'counts.list',
  'counts.get',
  'counts.review',
  'counts.usage',
  'team.list',
  'sync.status',
  'sync.rejections',
  'computer.status',
  'central.settings',
];

const REFRESHED_BESIDE_STOCK = REFRESHED.filter((channel) => channel !== 'inventory.list');

export function useChangeFeed(): void {
  const client = useQueryClient();
  useEffect(() => {
    const stop = new AbortController();
    void follow(client, stop.signal);
    return () => stop.abort();
  }, [client]);
}

async function follow(client: QueryClient, stopped: AbortSignal): Promise<void> {
  let since: SyncChanges | null = null;
  let failures = 0;
  /** Hides the notice that the core cannot be reached, while it shows. */
  let unreachable: (() => void) | null = null;
  while (!stopped.aborted) {
    const started = Date.now();
    try {
      if (since === null) {
        since = { data: (await invoke('sync.status', {})).change, status: 0 };
        if (unreachable) {
          unreachable();
          unreachable = null;
          await refresh(client, ALL, RESTARTED);
        }
      }
      const items = stockFollowedSince(client);
      const answer = await invoke('sync.waitForChange', { since: { ...since, items } });
      if (stopped.aborted) return;
      const followed = items !== undefined && answer.itemChanges !== null;
      if (items !== undefined) await followStock(client, answer.itemChanges, answer.items);
      const now: SyncChanges = { data: answer.data, status: answer.status };
      const change = changeBetween(since, now);
      // Stock lists the feed keeps up to date are patched above, not read again whole.
      if (change === 'data') await refresh(client, followed ? REFRESHED_BESIDE_STOCK : REFRESHED, SERVER_ENDED_SESSION);
      else if (change === 'status') await client.invalidateQueries({ queryKey: channelKey('sync.status') });
      since = now;
      failures = 0;
    } catch (error) {
      failures += 1;
      if (isBridgeError(error, 'unavailable')) {
        // Back, it may be another run of the core: its counts start again, so they are read anew.
        unreachable ??= showUnreachable(error.message);
        since = null;
      }
    }
    await pause(pauseBeforeNextCall(failures, Date.now() - started), stopped);
  }
}

const SERVER_ENDED_SESSION = 'The central server no longer accepts this sign-in. Sign in again to go on.';
const RESTARTED = 'KitchenGuard was restarted without keeping this sign-in. Sign in again to go on.';
/** After the core was out of reach it may be another run, or hold a restored store: everything is read again. */
const ALL = null;

async function refresh(client: QueryClient, channels: readonly ChannelName[] | null, whyEnded: string): Promise<void> {
  const before = client.getQueryData(sessionQuery.queryKey);
  if (channels === ALL) await client.invalidateQueries();
  else await Promise.all(channels.map((channel) => client.invalidateQueries({ queryKey: channelKey(channel) })));
  if (before && client.getQueryData(sessionQuery.queryKey) === null) {
    replaceSession(client, null);
    notifyProblem('Your session has ended', whyEnded, { color: 'yellow' });
  }
}

function pause(ms: number, stopped: AbortSignal): Promise<void> {
  if (ms <= 0 || stopped.aborted) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      stopped.removeEventListener('abort', finish);
      done();
    }
    stopped.addEventListener('abort', finish);
  });
}
