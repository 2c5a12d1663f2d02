/**
 * The core: everything KitchenGuard does, in plain Node. Electron's main process and the browser
 * preview both host it and pass IPC calls to `invoke`; neither adds behaviour of its own.
 */

import { authHandlers } from '../auth/auth-handlers';
import { createAuthService } from '../auth/auth-service';
import { createCredentialsService } from '../auth/credentials-service';
import { DEFAULT_HASH_COST } from '../auth/passwords';
import { openSessionKeeper } from '../auth/session-keeper';
import { inventoryHandlers } from '../inventory/inventory-handlers';
import { createInventoryService } from '../inventory/inventory-service';
import { createRouter, type Logger, type Router } from '../ipc/router';
import { openKeychain, type SecretStore } from '../secrets/keychain';
import { type Clock, systemClock } from '../store/clock';
import type { StoreContext } from '../store/context';
import type { Db } from '../store/database';
import { deviceId } from '../store/meta';
import { systemHandlers } from '../system/system-handlers';
import { createTeamService } from '../users/team-service';
import { usersHandlers } from '../users/users-handlers';
import { startDailyBackups } from './daily-backup';
import { openLocalStore } from './local-store';
import { localMigrations } from './migrations';
import { statusReporter } from './status';

export interface CoreOptions {
  dataFolder: string;
  appVersion: string;
  log: Logger;
  /** Defaults to the OS keychain. */
  secrets?: SecretStore;
  clock?: Clock;
  /** bcrypt cost; never below 12 outside tests of the core itself. */
  hashCost?: number;
}

export interface Core extends Router {
  /** The store, for the sync engine, benchmarks and tests; hosts never touch it. */
  readonly db: Db;
  close(): void;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const db = await openLocalStore(options.dataFolder, localMigrations, clock.now());
  const secrets = options.secrets ?? (await openKeychain());
  if (!secrets.available) options.log.warn(secrets.problem ?? 'Keychain unavailable');
  const store: StoreContext = { db, clock, deviceId: deviceId(db) };
  const hashCost = options.hashCost ?? DEFAULT_HASH_COST;
  const keeper = await openSessionKeeper(secrets, store.deviceId);

  const auth = createAuthService({ ...store, keeper, hashCost });
  const handlers = {
    ...authHandlers(auth, createCredentialsService({ ...store, hashCost })),
    ...usersHandlers(createTeamService({ ...store, hashCost })),
    ...inventoryHandlers(createInventoryService(store)),
    ...systemHandlers(statusReporter({ ...options, db, secrets })),
  };
  const router = createRouter(handlers, { actor: auth.actor }, options.log);
  const stopBackups = startDailyBackups(db, options.dataFolder, clock, options.log);

  return {
    db,
    invoke: router.invoke,
    close() {
      stopBackups();
      db.close();
    },
  };
}
