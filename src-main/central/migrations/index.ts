/**
 * Every version of the central server's schema, oldest first: one numbered SQL file each. A released
 * file is never edited (migrations.test.ts pins its checksum): a change is a new file. The files are
 * read the plain Node way, so tsx and vitest run them as they are; the app's build inlines them.
 */
import { readFileSync } from 'node:fs';

export interface ServerMigration {
  version: number;
  /** Recorded in kg.schema_migrations. */
  name: string;
  sql: string;
}

export const serverMigrations: readonly ServerMigration[] = [
  {
    version: 1,
    name: 'restaurants, people and sessions',
    sql: readFileSync(new URL('./0001-restaurants-people-and-sessions.sql', import.meta.url), 'utf8'),
  },
  {
    version: 2,
    name: 'stock and sync',
    sql: readFileSync(new URL('./0002-stock-and-sync.sql', import.meta.url), 'utf8'),
  },
  {
    version: 3,
    name: 'joining with local data',
    sql: readFileSync(new URL('./0003-joining-with-local-data.sql', import.meta.url), 'utf8'),
  },
  {
    version: 4,
    name: 'field limits of the contract',
    sql: readFileSync(new URL('./0004-field-limits.sql', import.meta.url), 'utf8'),
  },
  {
    version: 5,
    name: 'a session acts for its own computer',
    sql: readFileSync(new URL('./0005-own-computer-only.sql', import.meta.url), 'utf8'),
  },
  {
    version: 6,
    name: 'a login per computer',
    sql: readFileSync(new URL('./0006-computer-logins.sql', import.meta.url), 'utf8'),
  },
  {
    version: 7,
    name: 'a restore keeps the server order',
    sql: readFileSync(new URL('./0007-restore-keeps-server-order.sql', import.meta.url), 'utf8'),
  },
  {
    version: 8,
    name: 'every change applied or refused, and who sent it',
    sql: readFileSync(new URL('./0008-push-decisions.sql', import.meta.url), 'utf8'),
  },
  {
    version: 9,
    name: 'throttling that holds',
    sql: readFileSync(new URL('./0009-throttling-that-holds.sql', import.meta.url), 'utf8'),
  },
  {
    version: 10,
    name: 'an upload names its sender once',
    sql: readFileSync(new URL('./0010-upload-names-its-sender.sql', import.meta.url), 'utf8'),
  },
  {
    version: 11,
    name: 'team members come back after a restore',
    sql: readFileSync(new URL('./0011-team-after-restore.sql', import.meta.url), 'utf8'),
  },
  {
    version: 12,
    name: 'one check of who signs in',
    sql: readFileSync(new URL('./0012-checked-person.sql', import.meta.url), 'utf8'),
  },
  {
    version: 13,
    name: 'what the import of the old KitchenGuard brought',
    sql: readFileSync(new URL('./0013-legacy-import.sql', import.meta.url), 'utf8'),
  },
  {
    version: 14,
    name: 'storage areas, shelf order and count units',
    sql: readFileSync(new URL('./0014-storage-areas-and-count-units.sql', import.meta.url), 'utf8'),
  },
  {
    version: 15,
    name: 'movements in the order they happened',
    sql: readFileSync(new URL('./0015-movements-in-time.sql', import.meta.url), 'utf8'),
  },
  {
    version: 16,
    name: 'restaurant currency',
    sql: readFileSync(new URL('./0016-restaurant-currency.sql', import.meta.url), 'utf8'),
  },
  {
    version: 17,
    name: 'an item edit stamps every field it names',
    sql: readFileSync(new URL('./0017-an-edit-stamps-what-it-names.sql', import.meta.url), 'utf8'),
  },
  {
    version: 18,
    name: 'who is asking, planned once per connection',
    sql: readFileSync(new URL('./0018-who-is-asking-planned-once.sql', import.meta.url), 'utf8'),
  },
  {
    version: 19,
    name: 'count sessions',
    sql: readFileSync(new URL('./0019-count-sessions.sql', import.meta.url), 'utf8'),
  },
  {
    version: 20,
    name: 'last synced, to the minute',
    sql: readFileSync(new URL('./0020-last-synced-to-the-minute.sql', import.meta.url), 'utf8'),
  },
  {
    version: 21,
    name: 'counts come back up',
    sql: readFileSync(new URL('./0021-count-uploads.sql', import.meta.url), 'utf8'),
  },
  {
    version: 22,
    name: 'count lines in one statement',
    sql: readFileSync(new URL('./0022-count-lines-in-one-statement.sql', import.meta.url), 'utf8'),
  },
  {
    version: 23,
    name: 'one pool for the chain',
    sql: readFileSync(new URL('./0023-one-pool-for-the-chain.sql', import.meta.url), 'utf8'),
  },
];

export const LATEST_SERVER_SCHEMA = serverMigrations.length;
