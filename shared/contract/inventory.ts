import { z } from 'zod';
import { AREAS, MOVEMENT_REASONS } from '../domain';
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
  recordedAt: f.isoTime,
});
export type Movement = z.infer<typeof movementSchema>;

export const inventoryListSchema = z.object({
  items: z.array(itemSchema),
  totalValue: z.string(),
});
export type InventoryList = z.infer<typeof inventoryListSchema>;

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
