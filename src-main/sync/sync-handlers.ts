import type { syncChannels } from '../../shared/contract/sync';
import { AppFailure } from '../../shared/errors';
import type { Handlers, Request } from '../ipc/handler';
import type { Db } from '../store/database';
import type { ChangeFeed, ItemJournal } from './change-feed';
import type { SyncEngine } from './engine';
import { dismissRejections, listRejections } from './rejections';

/** Long enough that an idle app sends few requests, short enough for any proxy to let it through. */
const LONG_POLL_MS = 25_000;

interface SyncHandlerDeps {
  engine: SyncEngine;
  changes: ChangeFeed;
  items: ItemJournal;
  db: Db;
}

/** The signed-in team member's restaurant, or null: the feed answers signed out too. */
function restaurantOf(request: Request): string | null {
  try {
    return request.actor().restaurantId;
  } catch (error) {
    if (error instanceof AppFailure) return null;
    throw error;
  }
}

export function syncHandlers({ engine, changes, items, db }: SyncHandlerDeps): Handlers<keyof typeof syncChannels> {
  return {
    'sync.status': () => engine.status(),
    'sync.now': () => engine.syncNow(),
    'sync.waitForChange': async ({ since }, request) => {
      const now = await changes.wait(since, LONG_POLL_MS);
      const restaurantId = since.items === undefined ? null : restaurantOf(request);
      if (since.items === undefined || restaurantId === null) return { ...now, itemChanges: null };
      // Read after the wait, so the position answered is the one the changes reach.
      const { version, changes: itemChanges } = items.changesSince(restaurantId, since.items);
      return { ...now, items: version, itemChanges };
    },
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
