/** The sync engine's state and actions over the bridge. The status needs no session; rejections do. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { channelQuery, useChannelMutation } from '../../api/hooks';

export const syncStatusQuery = channelQuery('sync.status', {});

/**
 * The change feed announces every change of state (online, offline, syncing, progress); asking
 * now and then as well only keeps "synced 2 minutes ago" honest if a long poll was lost.
 */
export const useSyncStatus = () => useQuery({ ...syncStatusQuery, staleTime: 0, refetchInterval: 30_000 });

export function useSyncNow() {
  const client = useQueryClient();
  return useChannelMutation('sync.now', {
    onSuccess: (status) => client.setQueryData(syncStatusQuery.queryKey, status),
  });
}

export const useRejections = (enabled: boolean) => useQuery({ ...channelQuery('sync.rejections', {}), enabled });

export const useDismissRejections = () =>
  useChannelMutation('sync.dismissRejections', { invalidates: ['sync.rejections', 'sync.status'] });
