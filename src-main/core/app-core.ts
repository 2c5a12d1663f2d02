/**
 * The core: everything KitchenGuard does, in plain Node. Electron's main process and the browser
 * preview both host it and pass IPC calls to `invoke`; neither adds behaviour of its own.
 */

import type { ChannelName } from '../../shared/contract';
import type { Backup } from '../../shared/contract/backups';
import type { SyncStatus } from '../../shared/contract/sync';
import { createCentralAccounts } from '../accounts/central';
import { createLocalAccounts } from '../accounts/local';
import { switchOnEachCall } from '../accounts/switch';
import { authHandlers } from '../auth/auth-handlers';
import { createAuthService } from '../auth/auth-service';
import { DEFAULT_HASH_COST } from '../auth/passwords';
import { openSessionKeeper } from '../auth/session-keeper';
import { backupHandlers, type SaveBackupCopy } from '../backups/backups-handlers';
import { centralHandlers } from '../central/central-handlers';
import { computerHandlers } from '../computer/computer-handlers';
import { statusReporter } from '../computer/computer-status';
import { openCountsWithLinesHere } from '../counts/counting-here';
import { countsHandlers } from '../counts/counts-handlers';
import { createCountsService } from '../counts/counts-service';
import { createCountUnitsService } from '../inventory/count-units-service';
import { inventoryHandlers } from '../inventory/inventory-handlers';
import { createInventoryService } from '../inventory/inventory-service';
import { createStockList } from '../inventory/stock-list';
import { createRouter, type Logger, type Router } from '../ipc/router';
import { legacyHandlers } from '../legacy/legacy-handlers';
import { openKeychain, type SecretStore } from '../secrets/keychain';
import { storageHandlers } from '../storage/storage-handlers';
import { createStorageService } from '../storage/storage-service';
import { checkpointWhenQuiet } from '../store/checkpoints';
import { type Clock, systemClock } from '../store/clock';
import type { StoreContext } from '../store/context';
import type { Db } from '../store/database';
import { diskFullError, isDiskFull } from '../store/disk-full';
import { lockFolder } from '../store/folder-lock';
import { deviceId } from '../store/meta';
import { localMigrations } from '../store/migrations';
import { waitingMutations } from '../store/outbox';
import { createSyncFeature, type SyncOptions } from '../sync/sync-feature';
import { teamHandlers } from '../team/team-handlers';
import { createUpdateMachine, type UpdateSource } from '../updates/update-machine';
import { updateSettings, updatesHandlers } from '../updates/updates-handlers';
import { startDailyBackups } from './daily-backup';
import { damageOr, type LocalStore, openLocalStore, throwIfDamaged } from './local-store';
import { restoreBackup } from './restore';

export interface CoreOptions {
  dataFolder: string;
  appVersion: string;
  log: Logger;
  /** Defaults to the OS keychain. */
  secrets?: SecretStore;
  clock?: Clock;
  /** bcrypt cost; never below 12 outside tests of the core itself. */
  hashCost?: number;
  sync?: SyncOptions;
  /** How this host saves a copy of a backup where a person chooses; none: it cannot. */
  saveBackupCopy?: SaveBackupCopy;
  /** Check outputs against the contract (see RouterOptions): tests and development, not a packaged app. */
  checkOutputs: boolean;
  /** Where updates of the app come from, or why it cannot update itself (the default). */
  updates?: UpdateSource | { unavailable: string };
}

export interface Core extends Router {
  /** The store, for the sync engine, benchmarks and tests; hosts never touch it. */
  readonly db: Db;
  /** Syncs with the central server now, if one is configured; for hosts and tests. */
  syncNow(): Promise<SyncStatus>;
  close(): Promise<void>;
}

/** Channels that write synced data: a sync follows shortly after each. */
const WRITES = new Set<ChannelName>([
  'inventory.create',
  'inventory.update',
  'inventory.delete',
  'inventory.adjustStock',
  'inventory.setCountUnits',
  'storage.createArea',
  'storage.renameArea',
  'storage.archiveArea',
  'storage.moveArea',
  'storage.placeItem',
  'storage.removeItem',
  'counts.start',
  'counts.enter',
  'counts.undoEntry',
  'counts.submit',
  'counts.settle',
  'counts.requestRecount',
  'counts.approve',
  'counts.abandon',
  'auth.updateProfile',
]);

export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const open = async (): Promise<Core> => {
    const store = await openLocalStore(options.dataFolder, localMigrations, clock.now());
    try {
      return await assemble(options, store, clock, restore);
    } catch (error) {
      const failure = await damageOr(store.checked, error);
      store.close();
      throw failure;
    }
  };
  let current = await open();
  /** Calls wait while a restore swaps the store under them. */
  let restoring: Promise<unknown> = Promise.resolve();

  /** Closes everything, restores the backup over the store, and opens the core again on it. */
  async function restore(file: string): Promise<Backup> {
    const swap = (async () => {
      // Held across the swap, so no other process can take the folder while the store is closed.
      const hold = lockFolder(options.dataFolder);
      try {
        await current.close();
        try {
          return restoreBackup(options.dataFolder, file, clock.now());
        } finally {
          current = await open();
        }
      } finally {
        hold();
      }
    })();
    restoring = swap.catch(() => undefined);
    return swap;
  }

  return {
    get db() {
      return current.db;
    },
    async invoke(channel, input) {
      await restoring;
      return current.invoke(channel, input);
    },
    syncNow: () => current.syncNow(),
    close: () => current.close(),
  };
}

async function assemble(
  options: CoreOptions,
  local: LocalStore,
  clock: Clock,
  restore: (file: string) => Promise<Backup>,
): Promise<Core> {
  const { db } = local;
  const secrets = options.secrets ?? (await openKeychain());
  if (!secrets.available) options.log.warn(secrets.problem ?? 'Keychain unavailable');
  const store: StoreContext = { db, clock, deviceId: deviceId(db) };
  const hashCost = options.hashCost ?? DEFAULT_HASH_COST;
  const keeper = await openSessionKeeper(secrets, store.deviceId);

  const auth = createAuthService({ ...store, keeper, hashCost });
  const stockList = createStockList(db);
  const sync = createSyncFeature({
    ...store,
    auth,
    secrets,
    hashCost,
    log: options.log,
    items: stockList,
    options: options.sync,
  });
  const onThisComputer = createLocalAccounts({ ...store, auth, hashCost });
  const central = createCentralAccounts(
    { ...store, auth, hashCost, link: sync.link, session: sync.session, engine: sync.engine },
    onThisComputer,
  );
  const accounts = switchOnEachCall(onThisComputer, central, sync.isConfigured);
  const updates = createUpdateMachine({
    currentVersion: options.appVersion,
    computerId: store.deviceId,
    source: options.updates ?? { unavailable: 'This build does not update itself.' },
    settings: updateSettings(db),
    changesWaiting: () => (sync.isConfigured() ? waitingMutations(db) : 0),
    countsOpenHere: () => openCountsWithLinesHere(db, store.deviceId),
    clock,
    log: options.log,
  });
  const handlers = {
    ...authHandlers(accounts),
    ...teamHandlers(accounts),
    ...inventoryHandlers(createInventoryService(store, stockList), createCountUnitsService(store)),
    ...storageHandlers(createStorageService(store)),
    ...countsHandlers(createCountsService(store)),
    ...computerHandlers(statusReporter({ ...options, db, secrets, centralConfigured: sync.isConfigured })),
    ...centralHandlers(sync.link, sync.joining),
    ...sync.handlers,
    ...backupHandlers({ db, dataFolder: options.dataFolder, clock, restore, saveCopy: options.saveBackupCopy }),
    ...updatesHandlers(updates),
    ...legacyHandlers({ ...store, auth, dataFolder: options.dataFolder, syncsWithServer: sync.isConfigured }),
  };
  const router = createRouter(handlers, { actor: auth.actor }, options.log, {
    checkOutputs: options.checkOutputs,
    explain: (error) => (isDiskFull(error) ? diskFullError(options.dataFolder) : null),
  });
  // While the store's check runs beside, read the first screen's list (the kitchen's): the first
  // call then finds it ready. Only reads until the verdict; nothing is answered before it.
  const signedIn = auth.current();
  if (signedIn) stockList.list(signedIn.restaurantId, 'kitchen');
  await throwIfDamaged(local.checked);
  const stopBackups = startDailyBackups(db, options.dataFolder, clock, options.log);
  const checkpoints = checkpointWhenQuiet(db);
  sync.engine.start();
  updates.start();

  return {
    db,
    async invoke(channel, input) {
      const result = await router.invoke(channel, input);
      if (result.ok && WRITES.has(channel as ChannelName)) {
        sync.afterWrite();
        sync.engine.nudge();
        checkpoints.written();
      }
      return result;
    },
    syncNow: () => sync.engine.syncNow(),
    async close() {
      updates.stop();
      stopBackups();
      checkpoints.stop();
      await sync.close();
      local.close();
    },
  };
}
