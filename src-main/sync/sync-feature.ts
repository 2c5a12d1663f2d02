/** Everything a central server adds to the core, put together: link, engine, accounts, channels. */
import type { AuthService } from '../auth/auth-service';
import { openCentralLink } from '../central/central-link';
import type { TransactionOptions } from '../central/central-server';
import type { Logger } from '../ipc/router';
import type { SecretStore } from '../secrets/keychain';
import type { StoreContext } from '../store/context';
import { createChangeFeed } from './change-feed';
import { createSyncEngine, type SyncTiming } from './engine';
import { serverAccountHandlers } from './server-account-handlers';
import { createServerAccounts } from './server-accounts';
import { centralHandlers, syncHandlers } from './sync-handlers';
import { createSyncSession } from './sync-session';

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
  options?: SyncOptions;
}

export function createSyncFeature(deps: SyncFeatureDeps) {
  const { db, clock, deviceId, auth, hashCost } = deps;
  const link = openCentralLink(db, deps.secrets, deviceId);
  const changes = createChangeFeed();
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
  const accounts = createServerAccounts({ db, clock, deviceId, hashCost, auth, link, session, engine });
  const joinDeps = { db, clock, deviceId, hashCost, auth, link, engine };
  return {
    link,
    engine,
    /** Answer the account channels when a server is configured. */
    accountHandlers: serverAccountHandlers(accounts),
    handlers: { ...syncHandlers(engine, changes, joinDeps), ...centralHandlers(joinDeps) },
    isConfigured: () => link.settings() !== null,
    async close() {
      engine.stop();
      await link.close();
    },
  };
}
