/**
 * Versioned migrations. Each runs inside a transaction with PRAGMA user_version, so a crash leaves
 * the store at the last whole version. A store that already holds data is backed up first.
 */
import type { Db } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

export function pendingMigrations(db: Db, migrations: readonly Migration[]): Migration[] {
  assertOrdered(migrations);
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `This data folder was written by a newer KitchenGuard (schema ${current}; this one knows ${latest}). Update the app.`,
    );
  }
  return migrations.filter((migration) => migration.version > current);
}

export function applyMigrations(db: Db, migrations: readonly Migration[]): void {
  for (const migration of migrations) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} is out of order`);
  });
}
