/**
 * The one loop that keeps the screens in step with the core: a long poll on `sync.waitForChange`.
 * When data changed underneath (rows pulled from the server, refused changes undone, the session
 * ended), the queries that show such data are refreshed; when only the sync state changed (online,
 * offline, syncing, progress), just the status. One call at a time, at most two a second, backing
 * off when the core does not answer; it stops when the app unmounts.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChannelName } from '../../../shared/contract';
import type { SyncChanges } from '../../../shared/contract/sync';
import { invoke } from '../../api/client';
import { replaceSession } from '../../api/query-client';
import { channelKey } from '../../api/query-keys';
import { notifyProblem } from '../../ui/notify';
import { sessionQuery } from '../auth/session';
import { changeBetween, pauseBeforeNextCall } from './change-feed-rules';

/** What a pull, an undone refusal or a lost session can change. */
const REFRESHED: readonly ChannelName[] = [
  'auth.session',
  'inventory.list',
  'inventory.history',
  'team.list',
  'sync.status',
  'sync.rejections',
  'computer.status',
  'central.settings',
];

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
  while (!stopped.aborted) {
    const started = Date.now();
    try {
      since ??= { data: (await invoke('sync.status', {})).change, status: 0 };
      const now: SyncChanges = await invoke('sync.waitForChange', { since });
      if (stopped.aborted) return;
      const change = changeBetween(since, now);
      if (change === 'data') await refresh(client);
      else if (change === 'status') await client.invalidateQueries({ queryKey: channelKey('sync.status') });
      since = now;
      failures = 0;
    } catch {
      failures += 1;
    }
    await pause(pauseBeforeNextCall(failures, Date.now() - started), stopped);
  }
}

async function refresh(client: QueryClient): Promise<void> {
  const before = client.getQueryData(sessionQuery.queryKey);
  await Promise.all(REFRESHED.map((channel) => client.invalidateQueries({ queryKey: channelKey(channel) })));
  if (before && client.getQueryData(sessionQuery.queryKey) === null) {
    replaceSession(client, null);
    notifyProblem(
      'Your session has ended',
      'The central server no longer accepts this sign-in. Sign in again to go on.',
      { color: 'yellow' },
    );
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
