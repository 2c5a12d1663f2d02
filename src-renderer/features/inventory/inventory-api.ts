/**
 * Kitchen and bar stock over the bridge. The list crosses once per screen; then a save patches the
 * cached list with the item it returns, and the change feed with the items changed elsewhere
 * (stock-cache.ts). Only the histories are read again.
 */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Item, type ItemChanges, type ItemList, readStockList } from '../../../shared/contract/inventory';
import { AREAS, type Area } from '../../../shared/domain';
import { invoke } from '../../api/client';
import { channelQuery, useChannelMutation, useChannelSave } from '../../api/hooks';
import { channelKey } from '../../api/query-keys';
import { withChanges, withItem, withoutItem } from './stock-cache';

/** A list as the screens keep it: items, and the change feed's position they reflect. */
interface StockList extends ItemList {
  version: number;
}

const stockKey = (area: Area) => channelKey('inventory.list', { area });

/** The list crosses the bridge in its compact shape and is kept as items, which saves patch. */
export const useStock = (area: Area) =>
  useQuery({
    queryKey: stockKey(area),
    queryFn: async (): Promise<StockList> => {
      const list = await invoke('inventory.list', { area });
      return { ...readStockList(list), version: list.version };
    },
    // Kept up to date by saves and the change feed; read again only when the feed cannot say what changed.
    staleTime: Number.POSITIVE_INFINITY,
    // Patches keep every unchanged item as it was: comparing thousands of them again would find nothing.
    structuralSharing: false,
  });

/**
 * How far the feed followed a cached list that it found unchanged: such a list is not stored again
 * (that would draw the screen for nothing), so its new position is kept here, beside it.
 */
const followedTo = new WeakMap<StockList, number>();
const positionOf = (list: StockList): number => followedTo.get(list) ?? list.version;

/** Where the change feed follows item changes from: the oldest cached list's position (none cached: none). */
export function stockFollowedSince(client: QueryClient): number | undefined {
  const versions = AREAS.flatMap((area) => {
    const list = client.getQueryData<StockList>(stockKey(area));
    return list ? positionOf(list) : [];
  });
  return versions.length > 0 ? Math.min(...versions) : undefined;
}

/** The items changed up to `version` into every cached list; null (the core cannot say): read them again. */
export async function followStock(client: QueryClient, changes: ItemChanges | null, version: number): Promise<void> {
  if (changes === null) return client.invalidateQueries({ queryKey: channelKey('inventory.list') });
  for (const area of AREAS) patchList(client, area, (list) => ({ ...withChanges(list, area, changes), version }));
}

export const useItemHistory = (itemId: string | null) =>
  useQuery({ ...channelQuery('inventory.history', { itemId: itemId ?? '' }), enabled: itemId !== null });

/** A cached list patched; stored (and the screens told) only when its items changed. */
function patchList(client: QueryClient, area: Area, patch: (list: StockList) => StockList): void {
  const list = client.getQueryData<StockList>(stockKey(area));
  if (!list) return;
  const patched = patch(list);
  const version = Math.max(patched.version, positionOf(list));
  if (patched.items === list.items) followedTo.set(list, version);
  else client.setQueryData<StockList>(stockKey(area), { ...patched, version });
}

/** The saved item into its area's cached list (a list not loaded yet is fetched whole when shown). */
const placeItem = (client: QueryClient, item: Item) => patchList(client, item.area, (list) => withItem(list, item));

const removeItem = (client: QueryClient, id: string) => {
  for (const area of AREAS) patchList(client, area, (list) => withoutItem(list, id));
};

const changesHistory = { invalidates: ['inventory.history'] } as const;

const itemSave = (client: QueryClient) =>
  ({ ...changesHistory, inForm: true, onSuccess: (item: Item) => placeItem(client, item) }) as const;

function useItemSave(channel: 'inventory.create' | 'inventory.update') {
  return useChannelMutation(channel, itemSave(useQueryClient()));
}

export const useCreateItem = () => useItemSave('inventory.create');
export const useUpdateItem = () => useItemSave('inventory.update');
/** Resolves with the item as saved, once it is in its row; the popover that calls it closes then. */
export const useAdjustStock = () => useChannelSave('inventory.adjustStock', itemSave(useQueryClient()));
export function useDeleteItem() {
  const client = useQueryClient();
  return useChannelMutation('inventory.delete', {
    ...changesHistory,
    onSuccess: (_ok, { id }) => removeItem(client, id),
  });
}
