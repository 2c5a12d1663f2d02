import type { syncChannels } from '../../shared/contract/sync';
import type { Handlers } from '../ipc/handler';
import type { Db } from '../store/database';
import type { ChangeFeed } from './change-feed';
import type { SyncEngine } from './engine';
import { dismissRejections, listRejections } from './rejections';

/** Long enough that an idle app sends few requests, short enough for any proxy to let it through. */
const LONG_POLL_MS = 25_000;

export function syncHandlers(engine: SyncEngine, changes: ChangeFeed, db: Db): Handlers<keyof typeof syncChannels> {
  return {
    'sync.status': () => engine.status(),
    'sync.now': () => engine.syncNow(),
    'sync.waitForChange': (input) => changes.wait(input.since, LONG_POLL_MS),
    'sync.rejections': (_input, request) => {
      request.actor();
      return listRejections(db);
    },
    'sync.dismissRejections': (_input, request) => {
      request.actor();
      return dismissRejections(db);
    },
  };
}
