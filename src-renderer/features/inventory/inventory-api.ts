/**
 * Kitchen and bar stock over the bridge. The list crosses once per screen; a save patches the cached
 * list with the item it returns (stock-cache.ts) and refreshes only the histories.
 */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Item, type ItemList, readStockList } from '../../../shared/contract/inventory';
import { AREAS, type Area } from '../../../shared/domain';
import { invoke } from '../../api/client';
import { channelQuery, useChannelMutation } from '../../api/hooks';
import { channelKey } from '../../api/query-keys';
import { withItem, withoutItem } from './stock-cache';

/** The list crosses the bridge in its compact shape and is kept as items, which saves patch. */
export const useStock = (area: Area) =>
  useQuery({
    queryKey: channelKey('inventory.list', { area }),
    queryFn: async () => readStockList(await invoke('inventory.list', { area })),
  });

export const useItemHistory = (itemId: string | null) =>
  useQuery({ ...channelQuery('inventory.history', { itemId: itemId ?? '' }), enabled: itemId !== null });

const patchList = (client: QueryClient, area: Area, patch: (list: ItemList) => ItemList) =>
  client.setQueryData<ItemList>(channelKey('inventory.list', { area }), (list) => list && patch(list));

/** The saved item into its area's cached list (a list not loaded yet is fetched whole when shown). */
const placeItem = (client: QueryClient, item: Item) => patchList(client, item.area, (list) => withItem(list, item));

const removeItem = (client: QueryClient, id: string) => {
  for (const area of AREAS) patchList(client, area, (list) => withoutItem(list, id));
};

const changesHistory = { invalidates: ['inventory.history'] } as const;

function useItemSave<C extends 'inventory.create' | 'inventory.update' | 'inventory.adjustStock'>(channel: C) {
  const client = useQueryClient();
  return useChannelMutation(channel, {
    ...changesHistory,
    inForm: true,
    onSuccess: (item) => placeItem(client, item),
  });
}

export const useCreateItem = () => useItemSave('inventory.create');
export const useUpdateItem = () => useItemSave('inventory.update');
export const useAdjustStock = () => useItemSave('inventory.adjustStock');
export function useDeleteItem() {
  const client = useQueryClient();
  return useChannelMutation('inventory.delete', {
    ...changesHistory,
    onSuccess: (_ok, { id }) => removeItem(client, id),
  });
}
