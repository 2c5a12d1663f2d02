/** What a device and the server hold of a restaurant's counts, their lines and approvals, alike. */
import { milliFromQuantity } from '../../../shared/quantity';
import { adminQuery, type TestServer } from '../../central/testing/test-server';
import type { Db } from '../../store/database';

export interface CountState {
  counts: { id: string; status: string; scope: string; asOf: string | null; closedBy: string | null }[];
  entries: {
    id: string;
    countId: string;
    itemId: string;
    storageAreaId: string | null;
    kind: string;
    quantityMilli: number;
    voids: string | null;
    countedBy: string;
    deviceId: string;
    occurredAt: string;
  }[];
  results: { countId: string; itemId: string; movementId: string; quantityMilli: number; occurredAt: string }[];
}

const COUNTS = 'SELECT c.id, c.status, c.scope, c.as_of AS "asOf", c.closed_by AS "closedBy" FROM';
const ENTRIES = `SELECT e.id, e.count_id AS "countId", e.item_id AS "itemId", e.storage_area_id AS "storageAreaId", e.kind,
  e.quantity AS quantity, e.voids, e.counted_by AS "countedBy", e.device_id AS "deviceId", e.occurred_at AS "occurredAt" FROM`;
const RESULTS = `SELECT r.count_id AS "countId", r.item_id AS "itemId", r.movement_id AS "movementId", r.quantity AS quantity,
  r.occurred_at AS "occurredAt" FROM`;

const sorted = <T>(rows: T[]): T[] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const iso = (value: unknown) => (value === null ? null : new Date(value as string | Date).toISOString());

function shaped(
  rows: { counts: Record<string, unknown>[]; entries: Record<string, unknown>[]; results: Record<string, unknown>[] },
  milli: (value: unknown) => number,
): CountState {
  return {
    counts: sorted(rows.counts.map((row) => ({ ...row, asOf: iso(row.asOf) }))),
    entries: sorted(
      rows.entries.map(({ quantity, ...row }) => ({
        ...row,
        quantityMilli: milli(quantity),
        occurredAt: iso(row.occurredAt),
      })),
    ),
    results: sorted(
      rows.results.map(({ quantity, ...row }) => ({
        ...row,
        quantityMilli: milli(quantity),
        occurredAt: iso(row.occurredAt),
      })),
    ),
  } as CountState;
}

export function deviceCounts(db: Db, restaurantId: string): CountState {
  const all = (sql: string) => db.prepare(sql).all(restaurantId) as Record<string, unknown>[];
  const ofCount = 'JOIN counts c ON c.id = {}.count_id WHERE c.restaurant_id = ?';
  return shaped(
    {
      counts: all(`${COUNTS} counts c WHERE c.restaurant_id = ?`),
      entries: all(
        `${ENTRIES.replace('e.quantity', 'e.quantity_milli')} count_entries e ${ofCount.replace('{}', 'e')}`,
      ),
      results: all(
        `${RESULTS.replace('r.quantity', 'r.quantity_milli')} count_results r ${ofCount.replace('{}', 'r')}`,
      ),
    },
    Number,
  );
}

export async function serverCounts(server: TestServer, restaurantId: string): Promise<CountState> {
  const all = async (sql: string) => (await adminQuery(server, sql, [restaurantId])).rows as Record<string, unknown>[];
  return shaped(
    {
      counts: await all(`${COUNTS} kg.counts c WHERE c.restaurant_id = $1`),
      entries: await all(
        `${ENTRIES.replace('e.quantity', 'e.quantity::text')} kg.count_entries e WHERE e.restaurant_id = $1`,
      ),
      results: await all(
        `${RESULTS.replace('r.quantity', 'r.quantity::text')} kg.count_results r WHERE r.restaurant_id = $1`,
      ),
    },
    (value) => milliFromQuantity(String(value)),
  );
}
