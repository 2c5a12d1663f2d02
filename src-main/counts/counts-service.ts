/**
 * Count sessions, scoped to the session's restaurant. Owners and managers start, review, settle,
 * approve and abandon counts; anyone on the team counts and submits. Every write commits locally
 * with its mutation in the outbox, in its own transaction, before the call answers: a line saved is
 * a line kept, whatever happens to the process next.
 */
import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import type { CountLine, CountSummary } from '../../shared/contract/counts';
import { evaluateCountLine } from '../../shared/count-units';
import { fail } from '../../shared/errors';
import { milliFromQuantity, quantityFromMilli } from '../../shared/quantity';
import { countUnitsOf } from '../inventory/count-units-store';
import { findItem } from '../inventory/items-store';
import { type Actor, requireManager } from '../ipc/actor';
import { findStorageArea } from '../storage/storage-store';
import { serverTime } from '../store/clock-offset';
import type { StoreContext } from '../store/context';
import { newId } from '../store/ids';
import type { NewMutation } from '../store/outbox';
import { appendMutation } from '../store/outbox';
import { foldLines, lineKey } from './count-lines';
import { approvalResults, postResults, reviewCount } from './count-review';
import { buildSheet } from './count-sheet';
import { countUsage } from './count-usage';
import { type LineKey, listOf, toEntry, toLine, toSummary } from './count-views';
import * as store from './counts-store';

export type CountsService = ReturnType<typeof createCountsService>;

type Part = ParsedInput<'counts.enter'>['parts'][number];
/** What an entry says; who, where and when are added as it is saved. */
type NewEntry = Pick<store.EntryRow, 'item_id' | 'storage_area_id' | 'kind' | 'quantity_milli' | 'parts' | 'voids'>;

export function createCountsService(context: StoreContext) {
  const { db, clock, deviceId } = context;
  const now = () => clock.now().toISOString();

  function countOf(actor: Actor, id: string): store.CountRow {
    const row = store.findCount(db, actor.restaurantId, id);
    if (!row) throw fail.notFound('That count no longer exists.');
    return row;
  }

  /** A count still taking lines: open, or submitted and waiting for its review. */
  function countingOf(actor: Actor, id: string): store.CountRow {
    const row = countOf(actor, id);
    if (row.status === 'approved') throw fail.conflict('This count was approved: it can no longer change.');
    if (row.status === 'abandoned') throw fail.conflict('This count was abandoned: it can no longer change.');
    return row;
  }

  function mutate(actor: Actor, mutation: Omit<NewMutation, 'at' | 'authorId'>): void {
    appendMutation(db, { ...mutation, at: now(), authorId: actor.userId } as NewMutation);
  }

  /** Brings a count to a new status (and recount list), with its mutation, in one transaction. */
  function changeStatus(
    actor: Actor,
    row: store.CountRow,
    changes: Partial<store.CountRow>,
    mutation: Omit<NewMutation, 'at' | 'authorId'>,
  ): CountSummary {
    const next = { ...row, ...changes };
    db.transaction(() => {
      store.saveCount(db, next);
      mutate(actor, mutation);
    })();
    return toSummary(db, next);
  }

  /**
   * When an entry happened: now on the server's clock as this computer knows it, after the counter's
   * previous entry in this count (a clock offset measured meanwhile never reorders them), and after
   * `after` (a settle comes after the entries it settles).
   */
  function entryTime(
    countId: string,
    userId: string,
    after: string | null,
  ): { occurredAt: string; clockOffsetMs: number | null } {
    const time = serverTime(db, clock);
    const previous = [store.latestEntryAt(db, countId, userId), after].filter((at) => at !== null);
    const ms = Math.max(time.ms, ...previous.map((at) => Date.parse(at) + 1));
    return { occurredAt: new Date(ms).toISOString(), clockOffsetMs: time.offsetMs };
  }

  function lineOf(actor: Actor, count: store.CountRow, key: LineKey): CountLine {
    const lines = foldLines(store.lineEntries(db, count.id, key.itemId, key.storageAreaId));
    const recount = listOf<LineKey>(count.recount).some(
      (line) => line.itemId === key.itemId && line.storageAreaId === key.storageAreaId,
    );
    return toLine(key, lines.get(lineKey(key.itemId, key.storageAreaId)), actor.userId, recount);
  }

  /** Appends an entry with its mutation; committed before it returns. */
  function append(actor: Actor, count: store.CountRow, entry: NewEntry, after: string | null = null): store.EntryRow {
    const time = entryTime(count.id, actor.userId, after);
    const row: store.EntryRow = {
      ...entry,
      id: newId(),
      count_id: count.id,
      counted_by: actor.userId,
      device_id: deviceId,
      recorded_at: now(),
      occurred_at: time.occurredAt,
      clock_offset_ms: time.clockOffsetMs,
      received_at: null,
    };
    db.transaction(() => {
      store.saveEntry(db, row);
      mutate(actor, {
        name: 'count.enter',
        args: {
          id: row.id,
          countId: row.count_id,
          itemId: row.item_id,
          storageAreaId: row.storage_area_id,
          kind: row.kind,
          quantityMilli: row.quantity_milli,
          parts: listOf(row.parts),
          voids: row.voids,
          by: row.counted_by,
          at: row.recorded_at,
          occurredAt: row.occurred_at,
          clockOffsetMs: row.clock_offset_ms,
        },
      });
    })();
    return row;
  }

  /** The item and storage area of a line, checked: both of the restaurant, on the same side. */
  function checkLine(actor: Actor, count: store.CountRow, key: LineKey) {
    const item = findItem(db, actor.restaurantId, key.itemId);
    if (!item) throw fail.notFound('That item no longer exists.');
    if (!listOf(count.areas).includes(item.area)) {
      throw fail.validation(
        'itemId',
        `${item.name} is a ${item.area} item, and this count is not of the ${item.area}.`,
      );
    }
    if (key.storageAreaId === null) return item;
    const area = findStorageArea(db, actor.restaurantId, key.storageAreaId);
    if (!area) throw fail.notFound('That storage area no longer exists.');
    if (area.area !== item.area) {
      throw fail.validation(
        'storageAreaId',
        `${item.name} is a ${item.area} item: count it in a ${item.area} storage area.`,
      );
    }
    return item;
  }

  /** The parts typed must come to the quantity saved ("2 cases + 5 bottles" is 29 bottles). */
  function checkParts(itemId: string, unit: string, parts: readonly Part[], quantity: string): void {
    if (parts.length === 0) return;
    const line = evaluateCountLine(parts.map((part) => `${part.amount} ${part.unit}`).join(' + '), {
      unit,
      countUnits: countUnitsOf(db, itemId),
    });
    if (!line.ok) throw fail.validation('parts', line.problem);
    if (line.milli !== milliFromQuantity(quantity)) {
      throw fail.validation('parts', `The parts come to ${quantityFromMilli(line.milli)}, not ${quantity}`);
    }
  }

  return {
    list(actor: Actor): ChannelOutput<'counts.list'> {
      return { counts: store.countsOf(db, actor.restaurantId).map((row) => toSummary(db, row)) };
    },

    start(actor: Actor, input: ParsedInput<'counts.start'>): CountSummary {
      requireManager(actor);
      for (const [index, id] of input.storageAreaIds.entries()) {
        const area = findStorageArea(db, actor.restaurantId, id);
        if (!area) throw fail.validation(`storageAreaIds.${index}`, 'That storage area no longer exists');
        if (!input.areas.includes(area.area)) {
          throw fail.validation(
            `storageAreaIds.${index}`,
            `${area.name} is in the ${area.area}, which this count leaves out`,
          );
        }
      }
      if (input.asOf !== null && Date.parse(input.asOf) > serverTime(db, clock).ms + 60_000) {
        throw fail.validation('asOf', 'A count cannot be as of a time in the future');
      }
      const row: store.CountRow = {
        id: newId(),
        restaurant_id: actor.restaurantId,
        areas: JSON.stringify(input.areas),
        scope: input.scope,
        storage_area_ids: JSON.stringify([...new Set(input.storageAreaIds)]),
        categories: JSON.stringify([...new Set(input.categories)]),
        as_of: input.asOf,
        blind: input.blind ? 1 : 0,
        status: 'open',
        recount: '[]',
        started_by: actor.userId,
        started_at: new Date(serverTime(db, clock).ms).toISOString(),
        submitted_at: null,
        closed_by: null,
        closed_at: null,
      };
      db.transaction(() => {
        store.saveCount(db, row);
        mutate(actor, {
          name: 'count.start',
          args: {
            id: row.id,
            restaurantId: row.restaurant_id,
            areas: input.areas,
            scope: row.scope,
            storageAreaIds: listOf(row.storage_area_ids),
            categories: listOf(row.categories),
            asOf: row.as_of,
            blind: input.blind,
            by: row.started_by,
            at: row.started_at,
          },
        });
      })();
      return toSummary(db, row);
    },

    get(actor: Actor, countId: string): ChannelOutput<'counts.get'> {
      return buildSheet(db, actor, countOf(actor, countId));
    },

    enter(actor: Actor, input: ParsedInput<'counts.enter'>): ChannelOutput<'counts.enter'> {
      const count = countingOf(actor, input.countId);
      const item = checkLine(actor, count, input);
      checkParts(item.id, item.unit, input.parts, input.quantity);
      const row = append(actor, count, {
        item_id: item.id,
        storage_area_id: input.storageAreaId,
        kind: input.kind,
        quantity_milli: milliFromQuantity(input.quantity),
        parts: JSON.stringify(input.parts),
        voids: null,
      });
      const entry = toEntry({ ...row, kind: input.kind }, { id: actor.userId, name: actor.fullName }, false);
      return { entry, line: lineOf(actor, count, input) };
    },

    undoEntry(actor: Actor, input: ParsedInput<'counts.undoEntry'>): ChannelOutput<'counts.undoEntry'> {
      const count = countingOf(actor, input.countId);
      const entry = store.findEntry(db, count.id, input.entryId);
      if (!entry || entry.kind === 'void') throw fail.notFound('That entry is not in this count.');
      if (entry.counted_by !== actor.userId) requireManager(actor);
      const key = { itemId: entry.item_id, storageAreaId: entry.storage_area_id };
      if (!store.isVoided(db, entry.id)) {
        append(actor, count, {
          ...VOID,
          item_id: entry.item_id,
          storage_area_id: entry.storage_area_id,
          voids: entry.id,
        });
      }
      return { line: lineOf(actor, count, key) };
    },

    settle(actor: Actor, input: ParsedInput<'counts.settle'>): ChannelOutput<'counts.settle'> {
      requireManager(actor);
      const count = countingOf(actor, input.countId);
      const item = checkLine(actor, count, input);
      const settled = store.lineEntries(db, count.id, item.id, input.storageAreaId).at(-1)?.occurred_at ?? null;
      const entry = { item_id: item.id, storage_area_id: input.storageAreaId, kind: 'settle' as const };
      append(
        actor,
        count,
        { ...entry, quantity_milli: milliFromQuantity(input.quantity), parts: '[]', voids: null },
        settled,
      );
      return { line: lineOf(actor, count, input) };
    },

    submit(actor: Actor, countId: string): CountSummary {
      const count = countingOf(actor, countId);
      if (count.status === 'submitted') return toSummary(db, count);
      return changeStatus(
        actor,
        count,
        { status: 'submitted', submitted_at: now() },
        {
          name: 'count.submit',
          args: { countId: count.id, at: now() },
        },
      );
    },

    requestRecount(actor: Actor, input: ParsedInput<'counts.requestRecount'>): CountSummary {
      requireManager(actor);
      const count = countingOf(actor, input.countId);
      return changeStatus(
        actor,
        count,
        { status: 'open', recount: JSON.stringify(input.lines) },
        {
          name: 'count.reopen',
          args: { countId: count.id, recount: input.lines, at: now() },
        },
      );
    },

    abandon(actor: Actor, countId: string): CountSummary {
      requireManager(actor);
      const count = countingOf(actor, countId);
      return changeStatus(
        actor,
        count,
        { status: 'abandoned', closed_by: actor.userId, closed_at: now() },
        {
          name: 'count.abandon',
          args: { countId: count.id, at: now() },
        },
      );
    },

    review(actor: Actor, countId: string): ChannelOutput<'counts.review'> {
      requireManager(actor);
      return reviewCount(db, countOf(actor, countId));
    },

    approve(actor: Actor, input: ParsedInput<'counts.approve'>): ChannelOutput<'counts.approve'> {
      requireManager(actor);
      const count = countingOf(actor, input.countId);
      const results = approvalResults(db, count, input.decisions);
      const at = now();
      const next = { ...count, status: 'approved' as const, closed_by: actor.userId, closed_at: at };
      db.transaction(() => {
        postResults(db, actor, count.id, results, at);
        store.saveCount(db, next);
        mutate(actor, {
          name: 'count.approve',
          args: { countId: count.id, at, entriesSeen: store.entryCount(db, count.id), results },
        });
      })();
      return { count: toSummary(db, next), movements: results.length };
    },

    usage(actor: Actor, input: ParsedInput<'counts.usage'>): ChannelOutput<'counts.usage'> {
      const count = countOf(actor, input.countId);
      if (count.status !== 'approved')
        throw fail.conflict('Usage is worked out between approved counts: approve this one first.');
      const since = input.sinceCountId === undefined ? null : countOf(actor, input.sinceCountId);
      return countUsage(db, count, since);
    },
  };
}

/** An undo: a void entry on the line of the entry it undoes. */
const VOID = { kind: 'void' as const, quantity_milli: 0, parts: '[]' };
