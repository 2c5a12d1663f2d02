import type { Item } from '../../../shared/contract/inventory';

/** What a row asks the stock screen to open for an item. */
export type ItemAction = { kind: 'add' } | { kind: 'edit' | 'delete' | 'history'; item: Item };
