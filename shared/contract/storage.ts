/**
 * Storage areas (walk-in cooler, dry store, back bar, cellar) under the kitchen or the bar, and the
 * items on their shelves in shelf order. An item may sit in several storage areas of its side.
 */
import { z } from 'zod';
import { AREAS } from '../domain';
import * as f from './fields';

const area = z.enum(AREAS, { error: 'Area must be kitchen or bar' });
/** A place in a list as the person sees it: 0 is the first. */
const toIndex = z.int({ error: 'Position must be a whole number' }).min(0, 'Position cannot be negative');

export const storageAreaSchema = z.object({
  id: f.id,
  area: z.enum(AREAS),
  name: z.string(),
  /** Archived: no longer offered for new counts, kept for the counts that name it. */
  archived: z.boolean(),
});
export type StorageArea = z.infer<typeof storageAreaSchema>;

/** Every storage area in order (kitchen's, then the bar's), each with its items in shelf order. */
export const storageListSchema = z.object({
  areas: z.array(storageAreaSchema.extend({ itemIds: z.array(f.id) })),
});
export type StorageList = z.infer<typeof storageListSchema>;
export type ShelvedArea = StorageList['areas'][number];

const areaName = f.typedText('storageAreaName');
const ok = z.object({ ok: z.literal(true) });

export const storageChannels = {
  'storage.list': { input: f.empty, output: storageListSchema },
  'storage.createArea': { input: z.strictObject({ area, name: areaName }), output: storageAreaSchema },
  'storage.renameArea': { input: z.strictObject({ id: f.id, name: areaName }), output: storageAreaSchema },
  'storage.archiveArea': {
    input: z.strictObject({ id: f.id, archived: z.boolean({ error: 'Archived must be true or false' }) }),
    output: storageAreaSchema,
  },
  'storage.moveArea': { input: z.strictObject({ id: f.id, toIndex }), output: ok },
  /** Puts an item on a storage area's shelf, or moves it there: `toIndex` in the shelf's order, or last. */
  'storage.placeItem': {
    input: z.strictObject({ storageAreaId: f.id, itemId: f.id, toIndex: toIndex.optional() }),
    output: ok,
  },
  'storage.removeItem': { input: z.strictObject({ storageAreaId: f.id, itemId: f.id }), output: ok },
} as const;
