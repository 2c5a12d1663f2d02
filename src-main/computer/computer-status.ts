/** What the status bar and Settings show about this computer: store, keychain, central server, outbox. */
import type { ComputerStatus } from '../../shared/contract/computer';
import type { SecretStore } from '../secrets/keychain';
import { backupFolder, lastBackupTime } from '../store/backup';
import type { Db } from '../store/database';
import { schemaVersion } from '../store/migrate';
import { waitingMutations } from '../store/outbox';

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
}: StatusSources): () => ComputerStatus {
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
