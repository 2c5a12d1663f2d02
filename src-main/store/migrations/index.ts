/**
 * Every version of the local store's schema, oldest first: one numbered SQL file each. A released
 * file is never edited (migrations.test.ts pins its checksum): a change is a new file. The files are
 * read the plain Node way, so tsx and vitest run them as they are; the app's build inlines them.
 */
import { readFileSync } from 'node:fs';
import type { Migration } from '../migrate';

export const localMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts and outbox',
    sql: readFileSync(new URL('./0001-accounts-and-outbox.sql', import.meta.url), 'utf8'),
  },
  {
    version: 2,
    name: 'kitchen and bar stock',
    sql: readFileSync(new URL('./0002-kitchen-and-bar-stock.sql', import.meta.url), 'utf8'),
  },
  {
    version: 3,
    name: 'central server sync',
    sql: readFileSync(new URL('./0003-central-server-sync.sql', import.meta.url), 'utf8'),
  },
  {
    version: 4,
    name: 'movements keep the server sequence',
    sql: readFileSync(new URL('./0004-movements-server-seq.sql', import.meta.url), 'utf8'),
  },
  {
    version: 5,
    name: 'items keep the server order of their edits',
    sql: readFileSync(new URL('./0005-item-edit-stamps.sql', import.meta.url), 'utf8'),
  },
  {
    version: 6,
    name: 'team members waiting for a password',
    sql: readFileSync(new URL('./0006-users-need-password.sql', import.meta.url), 'utf8'),
  },
  {
    version: 7,
    name: 'item names indexed',
    sql: readFileSync(new URL('./0007-item-names-indexed.sql', import.meta.url), 'utf8'),
  },
  {
    version: 8,
    name: 'storage areas, shelf order and count units',
    sql: readFileSync(new URL('./0008-storage-areas-and-count-units.sql', import.meta.url), 'utf8'),
  },
  {
    version: 9,
    name: 'movements in the order they happened',
    sql: readFileSync(new URL('./0009-movements-in-time.sql', import.meta.url), 'utf8'),
  },
  {
    version: 10,
    name: 'restaurant currency',
    sql: readFileSync(new URL('./0010-restaurant-currency.sql', import.meta.url), 'utf8'),
  },
  {
    version: 11,
    name: 'rows brought over from the old KitchenGuard',
    sql: readFileSync(new URL('./0011-legacy-rows.sql', import.meta.url), 'utf8'),
  },
  {
    version: 12,
    name: 'count sessions',
    sql: readFileSync(new URL('./0012-count-sessions.sql', import.meta.url), 'utf8'),
  },
  {
    version: 13,
    name: 'item list order indexed',
    sql: readFileSync(new URL('./0013-item-list-order-indexed.sql', import.meta.url), 'utf8'),
  },
];
