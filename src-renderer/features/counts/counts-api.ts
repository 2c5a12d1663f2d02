/**
 * Counts over the bridge. The sheet keeps its lines itself while it is open (an entry answers with
 * its line, nothing is read again per keystroke); the list, the review and usage are read again
 * when a count changes.
 */
import { useQuery } from '@tanstack/react-query';
import type { ChannelName } from '../../../shared/contract';
import { channelQuery, useChannelMutation } from '../../api/hooks';

/** What changes when a count starts, is submitted, approved, abandoned or settled. */
const COUNT_VIEWS = ['counts.list', 'counts.get', 'counts.review', 'counts.usage'] as const satisfies ChannelName[];
/** An approval posts count movements: the stock lists and histories change too. */
const STOCK_VIEWS = ['inventory.list', 'inventory.history'] as const satisfies ChannelName[];

export const useCounts = () => useQuery(channelQuery('counts.list', {}));
export const useCount = (countId: string) => useQuery(channelQuery('counts.get', { countId }));
export const useReview = (countId: string) => useQuery(channelQuery('counts.review', { countId }));
export const useUsage = (countId: string, enabled: boolean) =>
  useQuery({ ...channelQuery('counts.usage', { countId }), enabled });

export const useStartCount = () => useChannelMutation('counts.start', { invalidates: COUNT_VIEWS, inForm: true });
export const useSubmitCount = () => useChannelMutation('counts.submit', { invalidates: COUNT_VIEWS });
export const useAbandonCount = () => useChannelMutation('counts.abandon', { invalidates: COUNT_VIEWS });
export const useSettleLine = () => useChannelMutation('counts.settle', { invalidates: COUNT_VIEWS, inForm: true });
export const useRequestRecount = () => useChannelMutation('counts.requestRecount', { invalidates: COUNT_VIEWS });
export const useApproveCount = () =>
  useChannelMutation('counts.approve', { invalidates: [...COUNT_VIEWS, ...STOCK_VIEWS] });
/** After a sheet closes: its entries changed the list's progress and the review. */
export const COUNT_PROGRESS_VIEWS = ['counts.list', 'counts.get', 'counts.review'] as const satisfies ChannelName[];
