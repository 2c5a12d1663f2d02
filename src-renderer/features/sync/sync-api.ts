/** The sync engine's state and actions over the bridge. The status needs no session; rejections do. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '../../../shared/contract/sync';
import { channelQuery, useChannelMutation } from '../../api/hooks';

export const syncStatusQuery = channelQuery('sync.status', {});

/**
 * A change of state (online → offline) is not a data change, so the change feed does not announce
 * it: the status is asked for every few seconds, and twice a second while an initial sync runs.
 */
function pollEvery(status: SyncStatus | undefined): number {
  if (status?.progress) return 500;
  if (status?.state === 'syncing') return 1_000;
  return 3_000;
}

export const useSyncStatus = () =>
  useQuery({ ...syncStatusQuery, staleTime: 0, refetchInterval: (query) => pollEvery(query.state.data) });

export function useSyncNow() {
  const client = useQueryClient();
  return useChannelMutation('sync.now', {
    onSuccess: (status) => client.setQueryData(syncStatusQuery.queryKey, status),
  });
}

export const useRejections = (enabled: boolean) => useQuery({ ...channelQuery('sync.rejections', {}), enabled });

export const useDismissRejections = () =>
  useChannelMutation('sync.dismissRejections', { invalidates: ['sync.rejections', 'sync.status'] });
