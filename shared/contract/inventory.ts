import { z } from 'zod';
import { AREAS, type Area, MOVEMENT_REASONS } from '../domain';
import * as f from './fields';

const area = z.enum(AREAS, { error: 'Area must be kitchen or bar' });

export const itemSchema = z.object({
  id: f.id,
  area: z.enum(AREAS),
  name: z.string(),
  category: z.string(),
  supplier: z.string(),
  unit: z.string(),
  unitCost: z.string(),
  /** The level to order back up to; null when not set. */
  par: z.string().nullable(),
  onHand: z.string(),
  stockValue: z.string(),
  updatedAt: f.isoTime,
  /** Who last changed it, by name. */
  updatedByName: z.string(),
});
export type Item = z.infer<typeof itemSchema>;

const itemFields = {
  name: f.typedText('itemName'),
  category: f.typedText('category'),
  supplier: f.typedText('supplier'),
  unit: f.typedText('unit'),
  unitCost: f.money,
  par: f.quantity.nullable(),
};

export const createItemInput = z.strictObject({ area, ...itemFields, openingStock: f.quantity.default('0') });
export type CreateItemInput = z.input<typeof createItemInput>;

export const updateItemInput = z.strictObject({ id: f.id, ...itemFields }).partial({
  name: true,
  category: true,
  supplier: true,
  unit: true,
  unitCost: true,
  par: true,
});
export type UpdateItemInput = z.input<typeof updateItemInput>;

export const adjustStockInput = z
  .strictObject({
    itemId: f.id,
    reason: z.enum(MOVEMENT_REASONS, { error: 'Choose a reason' }),
    /** A signed change, or for a count the level found on the shelf. */
    quantity: f.signedQuantity,
    note: f.typedText('note').default(''),
    /**
     * When it happened, if not now: a delivery that arrived this morning, a count as of last night's
     * close. Not in the future.
     */
    occurredAt: f.happenedAt.optional(),
  })
  // Runs only once every field is well formed.
  .superRefine(f.checkMovementSign);
export type AdjustStockInput = z.input<typeof adjustStockInput>;

export const movementSchema = z.object({
  id: f.id,
  reason: z.enum(MOVEMENT_REASONS),
  quantity: z.string(),
  onHandAfter: z.string(),
  note: z.string(),
  /** Who recorded it, by name. */
  recordedByName: z.string(),
  /** When this computer recorded it, by its clock. */
  recordedAt: f.isoTime,
  /** When it happened: stock is derived in this order. */
  occurredAt: f.isoTime,
  /** When the central server received it; null until it has. */
  receivedAt: f.isoTime.nullable(),
});
export type Movement = z.infer<typeof movementSchema>;

/**
 * An item as the stock list sends it: a tuple instead of an object (no key names 5,000 times over),
 * its area given once by the list, and who changed it last as a place in the list's `people`.
 * `stockItem` turns it back into an `Item`.
 */
export const stockRowSchema = z.tuple([
  f.id,
  z.string(), // name
  z.string(), // category
  z.string(), // supplier
  z.string(), // unit
  z.string(), // unitCost
  z.string().nullable(), // par
  z.string(), // onHand
  z.string(), // stockValue
  f.isoTime, // updatedAt
  z.number().int().nonnegative(), // updatedByName: its place in `people`
]);
export type StockRow = z.infer<typeof stockRowSchema>;

/** Rows with the names they point to. */
const stockRows = { people: z.array(z.string()), rows: z.array(stockRowSchema) };

/** The stock list of one area, in name order: compact rows (see `stockRowSchema`). */
export const inventoryListSchema = z.object({
  area: z.enum(AREAS),
  ...stockRows,
  totalValue: z.string(),
  /** The change feed's `items` position this list reflects: follow `sync.waitForChange` from it. */
  version: z.number().int().nonnegative(),
});
export type InventoryList = z.infer<typeof inventoryListSchema>;

/** Items changed since a change-feed position: each as the list has it now, or gone. */
export const itemChangesSchema = z.object({
  people: stockRows.people,
  /** Changed or added items, by the area they are in now (an item may have moved from the other). */
  rows: z.record(z.enum(AREAS), stockRows.rows),
  /** Items deleted, or gone from this computer. */
  deleted: z.array(f.id),
});
export type ItemChanges = z.infer<typeof itemChangesSchema>;

/** A compact row back to the item it is. */
export function stockItem(area: Area, row: StockRow, people: readonly string[]): Item {
  const [id, name, category, supplier, unit, unitCost, par, onHand, stockValue, updatedAt, by] = row;
  const updatedByName = people[by] ?? '';
  return { id, area, name, category, supplier, unit, unitCost, par, onHand, stockValue, updatedAt, updatedByName };
}

/** A stock list as items, in its order. */
export const stockItems = (list: InventoryList): Item[] =>
  list.rows.map((row) => stockItem(list.area, row, list.people));

/** A stock list read back into items: what the screens keep and patch. */
export interface ItemList {
  items: Item[];
  totalValue: string;
}

export const readStockList = (list: InventoryList): ItemList => ({
  items: stockItems(list),
  totalValue: list.totalValue,
});

export const inventoryChannels = {
  'inventory.list': { input: z.strictObject({ area }), output: inventoryListSchema },
  'inventory.get': { input: z.strictObject({ id: f.id }), output: itemSchema },
  'inventory.create': { input: createItemInput, output: itemSchema },
  'inventory.update': { input: updateItemInput, output: itemSchema },
  'inventory.delete': { input: z.strictObject({ id: f.id }), output: z.object({ ok: z.literal(true) }) },
  'inventory.adjustStock': { input: adjustStockInput, output: itemSchema },
  'inventory.history': {
    input: z.strictObject({ itemId: f.id }),
    output: z.object({ item: itemSchema, movements: z.array(movementSchema) }),
  },
} as const;
