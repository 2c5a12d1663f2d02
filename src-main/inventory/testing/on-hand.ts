/** Test support: the cached on-hand level of every item against the level its movements add up to. */
import type { Db } from '../../store/database';
import { sql } from '../../store/statements';
import { movementsOf, runningOnHand } from '../movements-store';

export interface OnHandMismatch {
  itemId: string;
  cached: number;
  derived: number;
}

/** Items (deleted ones too) whose cached level is not what their movements, in order, add up to. */
export function onHandMismatches(db: Db): OnHandMismatch[] {
  const cached = sql<{ id: string; onHand: number }>(
    db,
    'SELECT i.id, coalesce(s.on_hand_milli, 0) AS onHand FROM items i LEFT JOIN item_stock s ON s.item_id = i.id',
  ).all();
  return cached
    .map(({ id, onHand }) => ({ itemId: id, cached: onHand, derived: runningOnHand(movementsOf(db, id)).at(-1) ?? 0 }))
    .filter(({ cached, derived }) => cached !== derived);
}
