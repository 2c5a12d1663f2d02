import type { storageChannels } from '../../shared/contract/storage';
import type { Handlers } from '../ipc/handler';
import type { StorageService } from './storage-service';

export function storageHandlers(storage: StorageService): Handlers<keyof typeof storageChannels> {
  return {
    'storage.list': (_input, request) => storage.list(request.actor()),
    'storage.createArea': (input, request) => storage.createArea(request.actor(), input),
    'storage.renameArea': (input, request) => storage.renameArea(request.actor(), input),
    'storage.archiveArea': (input, request) => storage.archiveArea(request.actor(), input),
    'storage.moveArea': (input, request) => storage.moveArea(request.actor(), input),
    'storage.placeItem': (input, request) => storage.placeItem(request.actor(), input),
    'storage.removeItem': (input, request) => storage.removeItem(request.actor(), input),
  };
}
