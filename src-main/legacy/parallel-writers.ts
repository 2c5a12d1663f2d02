/**
 * Restaurants written a few at a time, each on its own connection in its own transaction, so one
 * restaurant's writes on the server overlap the next one's planning here. What one restaurant
 * writes never touches another's rows, except the names people sign in with: a restaurant whose
 * people may take a name (or stand-in) an earlier restaurant's may take waits for that one, so
 * every name goes where one run restaurant after restaurant would put it, and a run stopped at
 * any moment leaves what such a run would have left.
 */

import { namesWanted } from './holdings';
import type { PlannedRestaurant } from './plan';

/** For each restaurant, the earlier ones it waits for: the last before it to share each name. */
export function earlierSharingNames(restaurants: PlannedRestaurant[]): number[][] {
  const lastWith = new Map<string, number>();
  return restaurants.map((restaurant, index) => {
    const waits = new Set<number>();
    for (const name of namesWanted(restaurant)) {
      const earlier = lastWith.get(name);
      if (earlier !== undefined && earlier !== index) waits.add(earlier);
      lastWith.set(name, index);
    }
    return [...waits];
  });
}

/**
 * `write` for every restaurant in plan order, on as many `writers` as there are: each takes the
 * next restaurant once the earlier ones it waits for are done. After a failure no restaurant is
 * started; those under way finish; then the first failure is thrown.
 */
export async function writeInParallel<Writer, Result>(
  restaurants: PlannedRestaurant[],
  writers: Writer[],
  write: (writer: Writer, restaurant: PlannedRestaurant) => Promise<Result>,
): Promise<Result[]> {
  const waits = earlierSharingNames(restaurants);
  const done: Promise<Result>[] = [];
  const results: Result[] = [];
  const failures: unknown[] = [];
  let next = 0;
  const work = async (writer: Writer) => {
    while (failures.length === 0 && next < restaurants.length) {
      const index = next++;
      done[index] = Promise.all(waits[index]!.map((earlier) => done[earlier])).then(() =>
        write(writer, restaurants[index]!),
      );
      try {
        results[index] = await done[index]!;
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(writers.map(work));
  if (failures.length > 0) throw failures[0];
  return results;
}
