/**
 * Storage areas and their shelves over the bridge. A move shows at once (the cached list is
 * reordered before the core answers), then the list is read again from the core.
 */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import type { StorageList } from '../../../shared/contract/storage';
import { channelQuery, useChannelMutation } from '../../api/hooks';
import { channelKey } from '../../api/query-keys';
import { movedTo } from './shelf-moves';

const storageKey = channelKey('storage.list', {});

export const useStorage = () => useQuery({ ...channelQuery('storage.list', {}), staleTime: Number.POSITIVE_INFINITY });

const patch = (client: QueryClient, change: (list: StorageList) => StorageList) =>
  client.setQueryData<StorageList>(storageKey, (list) => list && change(list));

const refreshes = { invalidates: ['storage.list'] } as const;

export const useCreateStorageArea = () => useChannelMutation('storage.createArea', { ...refreshes, inForm: true });
export const useRenameStorageArea = () => useChannelMutation('storage.renameArea', { ...refreshes, inForm: true });
export const useArchiveStorageArea = () => useChannelMutation('storage.archiveArea', refreshes);
export const useRemoveFromShelf = () => useChannelMutation('storage.removeItem', refreshes);

export function useMoveStorageArea() {
  const client = useQueryClient();
  const mutation = useChannelMutation('storage.moveArea', refreshes);
  return (move: ChannelInput<'storage.moveArea'>) => {
    patch(client, (list) => {
      const side = list.areas.find((area) => area.id === move.id)?.area;
      const ofSide = list.areas.filter((area) => area.area === side);
      const byId = new Map(ofSide.map((area) => [area.id, area]));
      const order = movedTo(
        ofSide.map((area) => area.id),
        move.id,
        move.toIndex,
      );
      // Each place of the side takes the next area of its new order; the other side stays as it is.
      let next = 0;
      return { areas: list.areas.map((area) => (area.area === side ? byId.get(order[next++]!)! : area)) };
    });
    mutation.mutate(move);
  };
}

export function usePlaceItem() {
  const client = useQueryClient();
  const mutation = useChannelMutation('storage.placeItem', refreshes);
  return (input: ChannelInput<'storage.placeItem'>) => {
    patch(client, (list) => ({
      areas: list.areas.map((area) =>
        area.id === input.storageAreaId
          ? { ...area, itemIds: movedTo(area.itemIds, input.itemId, input.toIndex ?? area.itemIds.length) }
          : area,
      ),
    }));
    mutation.mutate(input);
  };
}
