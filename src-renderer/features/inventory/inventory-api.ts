/** Kitchen and bar stock over the bridge. Every write refreshes the lists and histories it changed. */
import { useQuery } from '@tanstack/react-query';
import type { Area } from '../../../shared/domain';
import { channelQuery, useChannelMutation } from '../../api/hooks';

export const useStock = (area: Area) => useQuery(channelQuery('inventory.list', { area }));

export const useItemHistory = (itemId: string | null) =>
  useQuery({ ...channelQuery('inventory.history', { itemId: itemId ?? '' }), enabled: itemId !== null });

const changesStock = { invalidates: ['inventory.list', 'inventory.history'] } as const;

export const useCreateItem = () => useChannelMutation('inventory.create', { ...changesStock, inForm: true });
export const useUpdateItem = () => useChannelMutation('inventory.update', { ...changesStock, inForm: true });
export const useDeleteItem = () => useChannelMutation('inventory.delete', changesStock);
export const useAdjustStock = () => useChannelMutation('inventory.adjustStock', { ...changesStock, inForm: true });
