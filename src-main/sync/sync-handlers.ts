import type { centralChannels } from '../../shared/contract/central';
import type { syncChannels } from '../../shared/contract/sync';
import { readCaBundle } from '../central/central-link';
import { describeConnectionError } from '../central/server-errors';
import { setupServer } from '../central/setup';
import { requireManager } from '../ipc/actor';
import type { Handlers, Request } from '../ipc/handler';
import type { ChangeFeed } from './change-feed';
import type { SyncEngine } from './engine';
import { assertMayConfigure, connect, disconnect, type JoinDeps, testConnection } from './join';
import { dismissRejections, listRejections } from './rejections';
import { asAppFailure } from './server-calls';
import { boundRestaurant } from './sync-state';

/** Long enough that an idle app sends few requests, short enough for any proxy to let it through. */
const LONG_POLL_MS = 25_000;

export function syncHandlers(
  engine: SyncEngine,
  changes: ChangeFeed,
  deps: JoinDeps,
): Handlers<keyof typeof syncChannels> {
  return {
    'sync.status': () => engine.status(),
    'sync.now': () => engine.syncNow(),
    'sync.waitForChange': (input) => changes.wait(input.since, LONG_POLL_MS),
    'sync.rejections': (_input, request) => {
      request.actor();
      return listRejections(deps.db);
    },
    'sync.dismissRejections': (_input, request) => {
      request.actor();
      return dismissRejections(deps.db);
    },
  };
}

const signedIn = (request: Request) => {
  try {
    return request.actor();
  } catch {
    return null;
  }
};

export function centralHandlers(deps: JoinDeps): Handlers<keyof typeof centralChannels> {
  return {
    'central.settings': async () => ({
      settings: deps.link.settings(),
      passwordSaved: (await deps.link.savedPassword()) !== null,
      restaurantId: boundRestaurant(deps.db),
    }),
    'central.test': (input, request) => {
      assertMayConfigure(deps.db, signedIn(request));
      return testConnection(deps.link, input);
    },
    'central.connect': (input, request) => connect(deps, input, signedIn(request)),
    'central.disconnect': (_input, request) => {
      requireManager(request.actor());
      return disconnect(deps);
    },
    'central.setup': async (input, request) => {
      assertMayConfigure(deps.db, signedIn(request));
      const where = { host: input.host, port: input.port, database: input.database, user: input.adminUser };
      const ca = await readCaBundle(input.caFile);
      try {
        return await setupServer(
          { ...where, password: input.adminPassword, ssl: { ca, rejectUnauthorized: true } },
          { appRole: input.appUser, appPassword: input.appPassword },
        );
      } catch (error) {
        throw asAppFailure(describeConnectionError(error, where));
      }
    },
  };
}
