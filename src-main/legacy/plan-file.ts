/**
 * The plan file `--dry-run` writes and `--plan FILE` reads back: which old users make up which
 * restaurant. An administrator splits a restaurant name that is really two restaurants by moving
 * users into a new entry (a key of their choosing), and merges two names that are one restaurant
 * by moving users into one entry. The key is how later runs know the restaurant again.
 */
import { z } from 'zod';
import { TEXT_FIELDS } from '../../shared/contract/fields';
import type { Plan } from './plan';

const planFile = z.strictObject({
  kitchenguardImportPlan: z.literal(1, { error: 'kitchenguardImportPlan must be 1 (a plan file of this version)' }),
  restaurants: z.array(
    z.strictObject({
      key: z.string({ error: 'key must be text' }).trim().min(1, 'key is required').max(200),
      name: z
        .string({ error: 'name must be text' })
        .trim()
        .min(1, 'name is required')
        .max(TEXT_FIELDS.restaurantName.max),
      type: z
        .string({ error: 'type must be text' })
        .trim()
        .min(1, 'type is required')
        .max(TEXT_FIELDS.restaurantType.max),
      users: z.array(
        z.object({
          id: z.union([z.string().regex(/^-?\d+$/), z.int()], { error: 'id must be an old user id' }).transform(String),
          username: z.string().optional(),
        }),
      ),
    }),
  ),
});
export type PlanFile = z.infer<typeof planFile>;

/** The file's text as a plan file, or an error naming the field that is wrong. */
export function readPlanFile(text: string): PlanFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The plan file is not valid JSON: ${(error as Error).message}`);
  }
  const result = planFile.safeParse(json);
  if (!result.success)
    throw new Error(`The plan file is not a KitchenGuard import plan:\n${z.prettifyError(result.error)}`);
  const keys = new Set<string>();
  for (const { key } of result.data.restaurants) {
    if (keys.has(key)) throw new Error(`The plan file names the restaurant key "${key}" twice`);
    keys.add(key);
  }
  return result.data;
}

export function writePlanFile(plan: Plan): string {
  const file: PlanFile = {
    kitchenguardImportPlan: 1,
    restaurants: plan.restaurants.map((restaurant) => ({
      key: restaurant.key,
      name: restaurant.name,
      type: restaurant.type,
      users: restaurant.users.map((user) => ({ id: user.oldId, username: user.username })),
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
