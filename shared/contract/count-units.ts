/** An item's count units (shared/count-units.ts): what the item dialog edits. */
import { z } from 'zod';
import { COUNT_UNITS_MAX } from '../count-units';
import { milliFromQuantity } from '../quantity';
import * as f from './fields';

/** As typed (trimmed) or as the server holds it: the same rules, which the server's CHECK keeps too. */
const countUnitOf = (name: z.ZodType<string>, quantity: z.ZodType<string>) =>
  z.strictObject({
    name,
    size: quantity.refine((size) => milliFromQuantity(size) > 0, 'Size must be above zero'),
    step: quantity
      .refine((step) => milliFromQuantity(step) > 0 && milliFromQuantity(step) <= 1000, 'A part counted is at most one')
      .nullable()
      .default(null),
  });

const listOf = <T extends z.ZodType>(unit: T) =>
  z
    .array(unit, { error: 'Must be a list of count units' })
    .max(COUNT_UNITS_MAX, `At most ${COUNT_UNITS_MAX} count units`);

export const countUnitSchema = countUnitOf(f.typedText('countUnitName'), f.quantity);
export const storedCountUnits = listOf(countUnitOf(f.storedText('countUnitName'), f.storedQuantity));

const itemUnits = z.object({ itemId: f.id, units: z.array(countUnitSchema) });

export const countUnitsChannels = {
  'inventory.countUnits': { input: z.strictObject({ itemId: f.id }), output: itemUnits },
  /** Replaces the item's count units; checked against its stock unit (`countUnitProblems`). */
  'inventory.setCountUnits': {
    input: z.strictObject({ itemId: f.id, units: listOf(countUnitSchema) }),
    output: itemUnits,
  },
} as const;
