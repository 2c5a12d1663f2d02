/**
 * Writes what the server sent of count sessions into the local store. Entries are facts: each is
 * added once, and takes the server's word on when it happened and arrived. A count this computer
 * still has a change of waiting (started, submitted, reopened, approved, abandoned) is left as this
 * computer has it, with its approval's results: that change reaches the server after everything
 * already there, and the server's answer comes back with the pull after the push, or with the undo
 * of its refusal.
 */
import { milliFromQuantity } from '../../shared/quantity';
import type { Query } from '../central/central-server';
import type { CountRow } from '../counts/counts-store';
import * as counts from '../counts/counts-store';
import { removeUnsyncedMovement } from '../inventory/movements-store';
import type { Db } from '../store/database';
import { waitingNamed } from '../store/outbox';
import { refreshItems } from './local-apply';
import {
  checkRows,
  type ServerCount,
  type ServerCountEntry,
  type ServerCountResult,
  serverCount,
  serverCountEntry,
  serverCountResult,
} from './server-rows';

export const COUNT_CHANGES = ['count.start', 'count.submit', 'count.reopen', 'count.approve', 'count.abandon'] as const;

export const SERVER_COUNT_COLUMNS = `id, restaurant_id, areas, scope, storage_area_ids, categories, as_of, blind, status,
  recount, started_by, started_at, submitted_at, closed_by, closed_at`;
export const SERVER_COUNT_ENTRY_COLUMNS = `id, count_id, restaurant_id, item_id, storage_area_id, kind,
  quantity::text AS quantity, parts, voids, counted_by, device_id, recorded_at, occurred_at, clock_offset_ms, received_at`;
export const SERVER_COUNT_RESULT_COLUMNS =
  'count_id, item_id, restaurant_id, movement_id, quantity::text AS quantity, occurred_at, decision';

/** The counts this computer has a change of still waiting to be pushed. */
export function waitingCounts(db: Db): Set<string> {
  return new Set(
    waitingNamed(db, COUNT_CHANGES).map((mutation) =>
      mutation.name === 'count.start' ? mutation.args.id : mutation.args.countId,
    ),
  );
}

export interface CountRows {
  counts: ServerCount[];
  entries: ServerCountEntry[];
  results: ServerCountResult[];
}

const toCount = (row: ServerCount): CountRow => ({
  id: row.id,
  restaurant_id: row.restaurant_id,
  areas: JSON.stringify(row.areas),
  scope: row.scope,
  storage_area_ids: JSON.stringify(row.storage_area_ids),
  categories: JSON.stringify(row.categories),
  as_of: row.as_of,
  blind: row.blind ? 1 : 0,
  status: row.status,
  recount: JSON.stringify(row.recount),
  started_by: row.started_by,
  started_at: row.started_at,
  submitted_at: row.submitted_at,
  closed_by: row.closed_by,
  closed_at: row.closed_at,
});

/** Applies pulled rows, counts before the entries that name them; counts with waiting changes stay. */
export function applyCountRows(db: Db, rows: CountRows, waiting: ReadonlySet<string>): void {
  for (const row of rows.counts) if (!waiting.has(row.id)) counts.saveCount(db, toCount(row));
  for (const row of rows.entries) {
    // An entry of a count this computer could not take (a row it refused) waits for that count.
    if (!counts.hasCount(db, row.count_id)) continue;
    counts.saveEntry(db, {
      id: row.id,
      count_id: row.count_id,
      item_id: row.item_id,
      storage_area_id: row.storage_area_id,
      kind: row.kind,
      quantity_milli: milliFromQuantity(row.quantity),
      parts: JSON.stringify(row.parts),
      voids: row.voids,
      counted_by: row.counted_by,
      device_id: row.device_id,
      recorded_at: row.recorded_at,
      occurred_at: row.occurred_at,
      clock_offset_ms: row.clock_offset_ms,
      received_at: row.received_at,
    });
  }
  for (const row of rows.results) {
    if (waiting.has(row.count_id) || !counts.hasCount(db, row.count_id)) continue;
    counts.saveResult(db, {
      count_id: row.count_id,
      item_id: row.item_id,
      movement_id: row.movement_id,
      quantity_milli: milliFromQuantity(row.quantity),
      occurred_at: row.occurred_at,
      decision: row.decision,
    });
  }
}

/** Refused count changes, as what to undo. */
export interface RefusedCounts {
  /** Counts whose row becomes the server's again (or goes, when the server holds none). */
  counts: Set<string>;
  /** Entries the server did not take. */
  entries: string[];
  /** What refused approvals posted here: their movements, on these items. */
  movements: { id: string; itemId: string }[];
}

export const noRefusedCounts = (): RefusedCounts => ({ counts: new Set(), entries: [], movements: [] });

/** The server's rows of counts whose changes were refused: the counts and what their approval posted. */
export async function countsFromServer(query: Query, ids: ReadonlySet<string>): Promise<CountRows> {
  if (ids.size === 0) return { counts: [], entries: [], results: [] };
  const select = async (sql: string) => (await query(sql, [[...ids]])).rows;
  return {
    counts: checkRows(
      serverCount,
      await select(`SELECT ${SERVER_COUNT_COLUMNS} FROM kg.counts WHERE id = ANY($1::uuid[])`),
      'count',
    ).valid,
    entries: [],
    results: checkRows(
      serverCountResult,
      await select(`SELECT ${SERVER_COUNT_RESULT_COLUMNS} FROM kg.count_results WHERE count_id = ANY($1::uuid[])`),
      'count result',
    ).valid,
  };
}

/**
 * Undoes refused count changes: a refused entry goes, a refused approval's movements and results go
 * (the approval the server took comes with the server's rows), and each count becomes the server's,
 * or goes when the server never took it.
 */
export function undoCountChanges(db: Db, refused: RefusedCounts, fromServer: CountRows): void {
  for (const id of refused.entries) counts.removeUnsyncedEntry(db, id);
  for (const movement of refused.movements) {
    counts.removeResultsOf(db, movement.id);
    removeUnsyncedMovement(db, movement.id);
  }
  const held = new Set(fromServer.counts.map((row) => row.id));
  for (const id of refused.counts) if (!held.has(id)) counts.removeCount(db, id);
  applyCountRows(db, fromServer, new Set());
  refreshItems(db, new Set(refused.movements.map((movement) => movement.itemId)));
}

export const checkCountRows = (page: { counts: unknown[]; countEntries: unknown[]; countResults: unknown[] }) => ({
  counts: checkRows(serverCount, page.counts, 'count'),
  entries: checkRows(serverCountEntry, page.countEntries, 'count line'),
  results: checkRows(serverCountResult, page.countResults, 'count result'),
});
