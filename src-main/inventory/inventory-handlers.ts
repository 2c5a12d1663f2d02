import type { countUnitsChannels } from '../../shared/contract/count-units';
import type { inventoryChannels } from '../../shared/contract/inventory';
import type { Handlers } from '../ipc/handler';
import type { CountUnitsService } from './count-units-service';
import type { InventoryService } from './inventory-service';

export function inventoryHandlers(
  inventory: InventoryService,
  countUnits: CountUnitsService,
): Handlers<keyof typeof inventoryChannels | keyof typeof countUnitsChannels> {
  return {
    'inventory.list': (input, request) => inventory.list(request.actor(), input.area),
    'inventory.get': (input, request) => inventory.get(request.actor(), input.id),
    'inventory.create': (input, request) => inventory.create(request.actor(), input),
    'inventory.update': (input, request) => inventory.update(request.actor(), input),
    'inventory.delete': (input, request) => inventory.delete(request.actor(), input.id),
    'inventory.adjustStock': (input, request) => inventory.adjustStock(request.actor(), input),
    'inventory.history': (input, request) => inventory.history(request.actor(), input.itemId),
    'inventory.countUnits': (input, request) => countUnits.get(request.actor(), input.itemId),
    'inventory.setCountUnits': (input, request) => countUnits.set(request.actor(), input),
  };
}
