import type { SystemStatus, systemChannels } from '../../shared/contract/system';
import type { Handlers } from '../ipc/handler';

export function systemHandlers(status: () => SystemStatus): Handlers<keyof typeof systemChannels> {
  return {
    'system.status': () => status(),
  };
}
