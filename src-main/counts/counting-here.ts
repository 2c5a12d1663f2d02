/**
 * Whether this computer is in the middle of a count, for the updater (updates/update-machine.ts asks
 * before a restart): a count still open — not yet submitted, approved or abandoned — in which lines
 * were entered on this computer. A count sheet on screen is not what decides: the sheet fills the
 * window, so whoever presses "Restart to update" in Settings has already closed it, while the count
 * this computer is taking part in stays open, its counter maybe about to go on, until it is submitted.
 * Counts only other computers entered lines in are left out: restarting this one interrupts nobody.
 */
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export function openCountsWithLinesHere(db: Db, deviceId: string): number {
  return (
    sql<number, [string]>(
      db,
      `SELECT count(*) FROM counts c
        WHERE c.status = 'open'
          AND EXISTS (SELECT 1 FROM count_entries e WHERE e.count_id = c.id AND e.device_id = ?)`,
    )
      .pluck()
      .get(deviceId) ?? 0
  );
}
