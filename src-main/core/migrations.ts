/** Every version of the local store's schema, oldest first. A released migration is never edited. */
import { authSchema } from '../auth/schema';
import { inventorySchema } from '../inventory/schema';
import { metaSchema } from '../store/meta';
import type { Migration } from '../store/migrate';
import { outboxSchema } from '../store/outbox';
import { syncSchema } from '../sync/schema';

export const localMigrations: readonly Migration[] = [
  { version: 1, name: 'accounts and outbox', up: metaSchema + outboxSchema + authSchema },
  { version: 2, name: 'kitchen and bar stock', up: inventorySchema },
  { version: 3, name: 'central server sync', up: syncSchema },
];
