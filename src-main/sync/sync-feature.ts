/** Everything a central server adds to the core, put together: link, engine, session, joining, channels. */
import type { AuthService } from '../auth/auth-service';
import type { Joining } from '../central/central-handlers';
import { openCentralLink } from '../central/central-link';
import type { TransactionOptions } from '../central/central-server';
import type { Logger } from '../ipc/router';
import type { SecretStore } from '../secrets/keychain';
import type { StoreContext } from '../store/context';
import { createChangeFeed, type ItemJournal } from './change-feed';
import { createSyncEngine, type SyncTiming } from './engine';
import { assertMayConfigure, connect, disconnect, testConnection } from './join';
import { syncHandlers } from './sync-handlers';
import { createSyncSession } from './sync-session';
import { boundRestaurant } from './sync-state';

export interface SyncOptions {
  timing?: Partial<SyncTiming>;
  /** Fault-injection seam for tests. */
  faults?: Pick<TransactionOptions, 'beforeCommit'>;
}

export interface SyncFeatureDeps extends StoreContext {
  auth: AuthService;
  secrets: SecretStore;
  hashCost: number;
  log: Logger;
  /** The stock list's journal of item changes, which the change feed hands on. */
  items: ItemJournal;
  options?: SyncOptions;
}

export function createSyncFeature(deps: SyncFeatureDeps) {
  const { db, clock, deviceId, auth, hashCost } = deps;
  const link = openCentralLink(db, deps.secrets, deviceId);
  const changes = createChangeFeed(deps.items);
  const session = createSyncSession({ db, clock, auth, hashCost, secrets: deps.secrets, deviceId });
  const engine = createSyncEngine({
    db,
    deviceId,
    link,
    session,
    changes,
    clock,
    log: deps.log,
    timing: deps.options?.timing,
    faults: deps.options?.faults,
  });
  const joinDeps = { db, clock, deviceId, hashCost, auth, link, engine };
  const joining: Joining = {
    restaurantId: () => boundRestaurant(db),
    assertMayConfigure: (actor) => assertMayConfigure(db, actor),
    test: (input) => testConnection(link, input),
    connect: (input, actor) => connect(joinDeps, input, actor),
    disconnect: () => disconnect(joinDeps),
  };
  return {
    link,
    engine,
    /** Whose session the engine speaks for; the central account backend keeps it up to date. */
    session,
    joining,
    handlers: syncHandlers({ engine, changes, items: deps.items, db }),
    /** A write went through: the change feed tells who follows items. */
    afterWrite: () => changes.checkItems(),
    isConfigured: () => link.settings() !== null,
    async close() {
      engine.stop();
      await link.close();
    },
  };
}
