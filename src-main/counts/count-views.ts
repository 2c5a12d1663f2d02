/** Store rows → what the counts channels answer. */
import type { CountEntry, CountLine, CountSummary } from '../../shared/contract/counts';
import type { Area } from '../../shared/domain';
import { memoised } from '../../shared/memo';
import { quantityFromMilli } from '../../shared/quantity';
import { storageAreaName } from '../storage/storage-store';
import type { Db } from '../store/database';
import { inConflict, type Line, lineQuantity } from './count-lines';
import { type CountRow, countItems, type EntryRow, itemsCounted, personName } from './counts-store';

export const listOf = <T = string>(json: string): T[] => JSON.parse(json) as T[];

const person = (db: Db, id: string) => ({ id, name: personName(db, id) });
const quantityOrNull = (milli: number | null) => (milli === null ? null : quantityFromMilli(milli));

export function toSummary(db: Db, row: CountRow): CountSummary {
  const storageAreaIds = listOf(row.storage_area_ids);
  return {
    id: row.id,
    areas: listOf<Area>(row.areas),
    scope: row.scope,
    storageAreaIds,
    storageAreaNames: storageAreaIds.map((id) => storageAreaName(db, id) ?? 'A storage area'),
    categories: listOf(row.categories),
    asOf: row.as_of,
    blind: row.blind === 1,
    status: row.status,
    startedBy: person(db, row.started_by),
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    closedBy: row.closed_by === null ? null : person(db, row.closed_by),
    closedAt: row.closed_at,
    progress: { counted: itemsCounted(db, row.id), total: countItems(db, row).length },
  };
}

type CountedEntry = EntryRow & { kind: Exclude<EntryRow['kind'], 'void'> };
const isCounted = (row: EntryRow): row is CountedEntry => row.kind !== 'void';

type Person = CountEntry['countedBy'];

export function toEntry(row: CountedEntry, countedBy: Person, voided: boolean): CountEntry {
  return {
    id: row.id,
    itemId: row.item_id,
    storageAreaId: row.storage_area_id,
    kind: row.kind,
    quantity: quantityFromMilli(row.quantity_milli),
    parts: listOf(row.parts),
    countedBy,
    deviceId: row.device_id,
    recordedAt: row.recorded_at,
    occurredAt: row.occurred_at,
    voided,
  };
}

/** Entries as listed: voids are not entries of their own, they mark the entry they undo. */
export function toEntries(db: Db, rows: readonly EntryRow[]): CountEntry[] {
  const voided = new Set(rows.filter((row) => row.kind === 'void').map((row) => row.voids));
  // A count has a few counters and thousands of entries: each name is read once.
  const personOf = memoised((id: string): Person => person(db, id));
  return rows.filter(isCounted).map((row) => toEntry(row, personOf(row.counted_by), voided.has(row.id)));
}

export type LineKey = { itemId: string; storageAreaId: string | null };

/** A line as the person `userId` sees it. */
export function toLine(key: LineKey, line: Line | undefined, userId: string, recount: boolean): CountLine {
  return {
    itemId: key.itemId,
    storageAreaId: key.storageAreaId,
    mine: quantityOrNull(line?.byCounter.get(userId) ?? null),
    counted: quantityOrNull(lineQuantity(line)),
    conflict: inConflict(line),
    recount,
  };
}
