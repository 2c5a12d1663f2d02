import type { UpdateChannel, updatesChannels } from '../../shared/contract/updates';
import { fail } from '../../shared/errors';
import type { Handlers } from '../ipc/handler';
import type { Db } from '../store/database';
import { readMeta, writeMeta } from '../store/meta';
import type { UpdateMachine, UpdateSettings } from './update-machine';

/** The channel and the last check, kept in the store's meta table (this computer's own settings). */
export function updateSettings(db: Db): UpdateSettings {
  return {
    channel: (): UpdateChannel => (readMeta(db, 'updates.channel') === 'beta' ? 'beta' : 'stable'),
    setChannel: (channel) => writeMeta(db, 'updates.channel', channel),
    lastCheckAt: () => readMeta(db, 'updates.last_check_at'),
    setLastCheckAt: (at) => writeMeta(db, 'updates.last_check_at', at),
  };
}

export function updatesHandlers(machine: UpdateMachine): Handlers<keyof typeof updatesChannels> {
  return {
    'updates.status': (_input, request) => {
      request.actor();
      return machine.status();
    },
    'updates.check': (_input, request) => {
      request.actor();
      return machine.check();
    },
    'updates.setChannel': ({ channel }, request) => {
      request.actor();
      return machine.setChannel(channel);
    },
    'updates.restart': ({ confirmed }, request) => {
      request.actor();
      try {
        return machine.restart(confirmed);
      } catch (error) {
        throw fail.unavailable(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
