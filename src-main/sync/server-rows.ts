/**
 * Rows the central server sends are untrusted input like any file a user imports: each is checked
 * against these schemas before it touches the local store.
 */
import { z } from 'zod';
import { storedCountUnits } from '../../shared/contract/count-units';
import { COUNT_STATUSES } from '../../shared/contract/counts';
import * as f from '../../shared/contract/fields';
import { AREAS, MOVEMENT_REASONS, ROLES } from '../../shared/domain';
import { ITEM_FIELD_COLUMNS } from '../inventory/items-store';
import { isOrderKey } from '../storage/shelf-order';

const uuid = z.uuid();
const time = z
  .union([z.date(), z.string()])
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), 'Not a time')
  .transform((date) => date.toISOString());
const version = z.coerce.number().int().nonnegative();
const ITEM_FIELDS = Object.keys(ITEM_FIELD_COLUMNS) as [keyof typeof ITEM_FIELD_COLUMNS];

export const serverRestaurant = z.object({
  id: uuid,
  name: f.storedText('restaurantName'),
  type: f.storedText('restaurantType'),
  currency: f.storedCurrency,
  created_at: time,
  updated_at: time,
});

export const serverUser = z.object({
  id: uuid,
  restaurant_id: uuid,
  username: f.storedUsername,
  email: f.storedEmail,
  full_name: f.storedText('fullName'),
  position: f.storedText('position'),
  role: z.enum(ROLES),
  kitchen_produce_list: f.storedProduceList,
  bar_produce_list: f.storedProduceList,
  is_active: z.boolean(),
  /** Pulled rows say it; the server's replies about one person do not. */
  needs_password: z.boolean().optional(),
  last_login_at: time.nullable(),
  created_at: time,
  updated_at: time,
});
export type ServerUser = z.infer<typeof serverUser>;

export const serverItem = z.object({
  id: uuid,
  restaurant_id: uuid,
  area: z.enum(AREAS),
  name: f.storedText('itemName'),
  category: f.storedText('category'),
  supplier: f.storedText('supplier'),
  unit: f.storedText('unit'),
  unit_cost: f.storedMoney,
  par: f.storedQuantity.nullable(),
  created_by: uuid,
  updated_by: uuid,
  created_at: time,
  updated_at: time,
  deleted_at: time.nullable(),
  edit_seqs: z.partialRecord(z.enum(ITEM_FIELDS), version),
});
export type ServerItem = z.infer<typeof serverItem>;

export const serverMovement = z
  .object({
    seq: version,
    id: uuid,
    restaurant_id: uuid,
    item_id: uuid,
    reason: z.enum(MOVEMENT_REASONS),
    quantity: f.storedSignedQuantity,
    note: f.storedText('note'),
    recorded_by: uuid,
    recorded_at: time,
    occurred_at: time,
    clock_offset_ms: z.number().int().nullable(),
    /** Rows stored before the server kept it have none. */
    received_at: time.nullable(),
  })
  .superRefine(f.checkMovementSign);
export type ServerMovement = z.infer<typeof serverMovement>;

const orderKey = z.string().refine(isOrderKey, 'Not a place in an order');

export const serverStorageArea = z.object({
  id: uuid,
  restaurant_id: uuid,
  area: z.enum(AREAS),
  name: f.storedText('storageAreaName'),
  position: orderKey,
  archived_at: time.nullable(),
  updated_by: uuid,
  updated_at: time,
});
export type ServerStorageArea = z.infer<typeof serverStorageArea>;

export const serverShelfPlace = z.object({
  storage_area_id: uuid,
  item_id: uuid,
  restaurant_id: uuid,
  position: orderKey,
  removed_at: time.nullable(),
  updated_at: time,
});
export type ServerShelfPlace = z.infer<typeof serverShelfPlace>;

export const serverCountUnits = z.object({
  item_id: uuid,
  restaurant_id: uuid,
  units: storedCountUnits,
});
export type ServerCountUnits = z.infer<typeof serverCountUnits>;

export const serverHead = z.object({ version, generation: uuid, min_version: version });

/** Keeps the rows that pass, and says which did not (and why) instead of failing the whole pull. */
export function checkRows<T>(schema: z.ZodType<T>, rows: unknown[], what: string): { valid: T[]; problems: string[] } {
  const valid: T[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) valid.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      problems.push(`The server sent a ${what} that could not be read (${issue?.path.join('.')}: ${issue?.message}).`);
    }
  }
  return { valid, problems };
}

const countLine = z.object({ itemId: uuid, storageAreaId: uuid.nullable() });

export const serverCount = z.object({
  id: uuid,
  restaurant_id: uuid,
  areas: z.array(z.enum(AREAS)).min(1).max(2),
  scope: z.enum(['full', 'partial']),
  storage_area_ids: z.array(uuid).max(200),
  categories: z.array(f.storedText('category')).max(200),
  as_of: time.nullable(),
  blind: z.boolean(),
  status: z.enum(COUNT_STATUSES),
  recount: z.array(countLine).max(5000),
  started_by: uuid,
  started_at: time,
  submitted_at: time.nullable(),
  closed_by: uuid.nullable(),
  closed_at: time.nullable(),
});
export type ServerCount = z.infer<typeof serverCount>;

export const serverCountEntry = z.object({
  id: uuid,
  count_id: uuid,
  restaurant_id: uuid,
  item_id: uuid,
  storage_area_id: uuid.nullable(),
  kind: z.enum(['set', 'add', 'settle', 'void']),
  quantity: f.storedQuantity,
  parts: z.array(z.object({ unit: z.string().max(20), amount: f.storedQuantity })).max(12),
  voids: uuid.nullable(),
  counted_by: uuid,
  device_id: uuid,
  recorded_at: time,
  occurred_at: time,
  clock_offset_ms: z.number().int().nullable(),
  received_at: time,
});
export type ServerCountEntry = z.infer<typeof serverCountEntry>;

export const serverCountResult = z.object({
  count_id: uuid,
  item_id: uuid,
  restaurant_id: uuid,
  movement_id: uuid,
  quantity: f.storedQuantity,
  occurred_at: time,
  decision: z.enum(['counted', 'zero']),
});
export type ServerCountResult = z.infer<typeof serverCountResult>;
