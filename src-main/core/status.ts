/** What the status bar shows about this device: store, keychain, central server, outbox. */
import type { SystemStatus } from '../../shared/contract/system';
import type { SecretStore } from '../secrets/keychain';
import { lastBackupTime } from '../store/backup';
import type { Db } from '../store/database';
import { schemaVersion } from '../store/migrate';
import { waitingMutations } from '../store/outbox';
import { backupFolder } from './local-store';

interface StatusSources {
  db: Db;
  secrets: SecretStore;
  dataFolder: string;
  appVersion: string;
  centralConfigured: () => boolean;
}

export function statusReporter({
  db,
  secrets,
  dataFolder,
  appVersion,
  centralConfigured,
}: StatusSources): () => SystemStatus {
  return () => ({
    appVersion,
    dataFolder,
    localStore: {
      schemaVersion: schemaVersion(db),
      lastBackupAt: lastBackupTime(backupFolder(dataFolder))?.toISOString() ?? null,
    },
    keychain: { available: secrets.available, message: secrets.problem },
    centralServer: { configured: centralConfigured() },
    outbox: { waiting: waitingMutations(db) },
  });
}
