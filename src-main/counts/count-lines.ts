/**
 * A count's lines, folded from its append-only entries. A line is one item in one storage area.
 * Each counter has their own line there: `set` replaces it, `add` adds to it, a void takes an entry
 * back out. Two counters who disagree on one line are a conflict, never summed nor overwritten,
 * until a manager's `settle` gives the line its quantity; entries after a settle start from it.
 * The same on every computer: entries fold in the order they happened, then by id.
 */
import type { FoldedEntry } from './counts-store';

export interface Line {
  itemId: string;
  storageAreaId: string | null;
  /** Each counter's quantity on this line since the last settle. */
  byCounter: Map<string, number>;
  /** A manager's settled quantity, which lines after it start from; null: none. */
  settled: number | null;
  /** When the line was first counted. */
  firstAt: string;
  /** When it was last counted. */
  lastAt: string;
}

export const lineKey = (itemId: string, storageAreaId: string | null): string => `${itemId}:${storageAreaId ?? ''}`;

/** The quantity a line stands at; null while uncounted or in conflict. */
export function lineQuantity(line: Line | undefined): number | null {
  if (!line) return null;
  const values = new Set(line.byCounter.values());
  if (values.size === 0) return line.settled;
  // Two people who found the same quantity agree: nothing to settle, nothing summed.
  return values.size === 1 ? [...values][0]! : null;
}

export const inConflict = (line: Line | undefined): boolean =>
  line !== undefined && new Set(line.byCounter.values()).size > 1;

/** Folds entries (in the order they happened) into lines, by `lineKey`. */
export function foldLines(entries: readonly FoldedEntry[]): Map<string, Line> {
  const voided = new Set(entries.filter((entry) => entry.kind === 'void').map((entry) => entry.voids));
  const lines = new Map<string, Line>();
  for (const entry of entries) {
    if (entry.kind === 'void' || voided.has(entry.id)) continue;
    const key = lineKey(entry.item_id, entry.storage_area_id);
    let line = lines.get(key);
    if (!line) {
      line = {
        itemId: entry.item_id,
        storageAreaId: entry.storage_area_id,
        byCounter: new Map(),
        settled: null,
        firstAt: entry.occurred_at,
        lastAt: entry.occurred_at,
      };
      lines.set(key, line);
    }
    // A settle is a decision about what was counted: it does not move the line in time.
    if (entry.kind !== 'settle') line.lastAt = entry.occurred_at;
    apply(line, entry);
  }
  return lines;
}

function apply(line: Line, entry: FoldedEntry): void {
  if (entry.kind === 'settle') {
    line.settled = entry.quantity_milli;
    line.byCounter.clear();
    return;
  }
  const current = line.byCounter.get(entry.counted_by) ?? line.settled ?? 0;
  line.byCounter.set(entry.counted_by, entry.kind === 'set' ? entry.quantity_milli : current + entry.quantity_milli);
}

/** Each item's lines, by item id. */
export function linesByItem(lines: Map<string, Line>): Map<string, Line[]> {
  const byItem = new Map<string, Line[]>();
  for (const line of lines.values()) {
    const list = byItem.get(line.itemId);
    if (list) list.push(line);
    else byItem.set(line.itemId, [line]);
  }
  return byItem;
}
