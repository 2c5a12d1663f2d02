import type { ComputerStatus, computerChannels } from '../../shared/contract/computer';
import type { Handlers } from '../ipc/handler';

export function computerHandlers(status: () => ComputerStatus): Handlers<keyof typeof computerChannels> {
  return {
    'computer.status': () => status(),
  };
}
