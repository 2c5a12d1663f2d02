/**
 * Review and approval. Each counted item's lines sum (an item in two storage areas), placed at the
 * count's as-of time, or without one at the item's first line (docs/decisions: a count's lines in
 * time): what was recorded after that time applies after the count. Its variance is against the
 * on-hand derived as of then, in quantity and money. Approval posts one count movement per item at
 * that time, and in a full count zeroes the uncounted items the manager chose; a partial count
 * never zeroes anything.
 */
import type { CountReview, ReviewItem } from '../../shared/contract/counts';
import { fail } from '../../shared/errors';
import { moneyFromCents, stockValueCents } from '../../shared/money';
import type { MutationArgs } from '../../shared/mutations';
import { quantityFromMilli } from '../../shared/quantity';
import { insertMovement, moveOnHand } from '../inventory/movements-store';
import type { Actor } from '../ipc/actor';
import { storageAreaName } from '../storage/storage-store';
import type { Db } from '../store/database';
import { newId } from '../store/ids';
import { foldLines, inConflict, type Line, lineQuantity, linesByItem } from './count-lines';
import { toSummary } from './count-views';
import {
  type CountedItemRow,
  type CountRow,
  changesBetween,
  countItems,
  entriesOf,
  onHandAt,
  personName,
  saveResult,
} from './counts-store';

type Flag = ReviewItem['flags'][number];
type Result = MutationArgs<'count.approve'>['results'][number];

/** Under half, over twice, or about ten times off (a likely typo) of `reference`. */
export function flagsAgainst(counted: number, reference: number | null, against: Flag['against']): Flag[] {
  if (reference === null || reference <= 0) return [];
  if (
    (counted >= 9 * reference && counted <= 11 * reference) ||
    (9 * counted <= reference && 11 * counted >= reference)
  ) {
    return [{ kind: 'ten-times', against }];
  }
  if (counted * 2 < reference) return [{ kind: 'under-half', against }];
  if (counted > reference * 2) return [{ kind: 'over-twice', against }];
  return [];
}

/** A counted item: its lines, when its count is placed, its sum (null in conflict). */
interface Counted {
  item: CountedItemRow;
  lines: Line[];
  at: string;
  milli: number | null;
}

function countedItems(db: Db, count: CountRow): { counted: Counted[]; uncounted: CountedItemRow[] } {
  const byItem = linesByItem(foldLines(entriesOf(db, count.id)));
  const counted: Counted[] = [];
  const uncounted: CountedItemRow[] = [];
  for (const item of countItems(db, count)) {
    const lines = byItem.get(item.id);
    if (!lines) {
      uncounted.push(item);
      continue;
    }
    const quantities = lines.map(lineQuantity);
    const milli = quantities.includes(null) ? null : quantities.reduce<number>((sum, q) => sum + (q ?? 0), 0);
    // ISO times in UTC sort as text.
    const first = lines.map((line) => line.firstAt).sort()[0]!;
    counted.push({ item, lines, at: count.as_of ?? first, milli });
  }
  return { counted, uncounted };
}

const money = (milli: number, cents: number) => moneyFromCents(stockValueCents(milli, cents));

/** An item in review, with its variance in cents (null in conflict) to sort and total by. */
function reviewItem(
  db: Db,
  count: CountRow,
  { item, lines, at, milli }: Counted,
): { review: ReviewItem; cents: bigint | null } {
  const { onHandMilli, lastCountMilli } = onHandAt(db, item.id, at, count.id);
  const variance = milli === null ? null : milli - onHandMilli;
  const cents = variance === null ? null : stockValueCents(variance, item.unit_cost_cents);
  const lastAt = lines
    .map((line) => line.lastAt)
    .sort()
    .at(-1)!;
  const between =
    count.as_of === null && lastAt > at
      ? changesBetween(db, item.id, at, lastAt).reduce((sum, change) => sum + change.milli, 0)
      : 0;
  const review: ReviewItem = {
    itemId: item.id,
    name: item.name,
    category: item.category,
    unit: item.unit,
    unitCost: moneyFromCents(item.unit_cost_cents),
    expected: quantityFromMilli(onHandMilli),
    counted: milli === null ? null : quantityFromMilli(milli),
    variance: variance === null ? null : quantityFromMilli(variance),
    varianceValue: cents === null ? null : moneyFromCents(cents),
    lastCount: lastCountMilli === null ? null : quantityFromMilli(lastCountMilli),
    countedAt: at,
    flags:
      milli === null
        ? []
        : [...flagsAgainst(milli, onHandMilli, 'expected'), ...flagsAgainst(milli, lastCountMilli, 'last count')],
    lines: lines.map((line) => ({
      storageAreaId: line.storageAreaId,
      storageAreaName: line.storageAreaId === null ? 'Not on a shelf' : (storageAreaName(db, line.storageAreaId) ?? ''),
      counted: lineQuantity(line) === null ? null : quantityFromMilli(lineQuantity(line)!),
      conflict: inConflict(line)
        ? [...line.byCounter]
            .map(([id, quantity]) => ({
              countedBy: { id, name: personName(db, id) },
              quantity: quantityFromMilli(quantity),
            }))
            .sort((a, b) => a.countedBy.name.localeCompare(b.countedBy.name))
        : [],
    })),
    changedBetweenLines: between === 0 ? null : quantityFromMilli(between),
  };
  return { review, cents };
}

const size = (cents: bigint | null): bigint | null => (cents === null ? null : cents < 0n ? -cents : cents);

/** Conflicts first (they need a decision), then by the money the variance is worth, largest first. */
function byMoney(a: { review: ReviewItem; cents: bigint | null }, b: { review: ReviewItem; cents: bigint | null }) {
  const [x, y] = [size(a.cents), size(b.cents)];
  if (x !== y) {
    if (x === null) return -1;
    if (y === null) return 1;
    return x > y ? -1 : 1;
  }
  return a.review.name.localeCompare(b.review.name);
}

export function reviewCount(db: Db, count: CountRow): CountReview {
  const { counted, uncounted } = countedItems(db, count);
  const reviewed = counted.map((one) => reviewItem(db, count, one)).sort(byMoney);
  const total = reviewed.reduce((sum, { cents }) => sum + (cents ?? 0n), 0n);
  return {
    count: toSummary(db, count),
    items: reviewed.map(({ review }) => review),
    uncounted: uncounted.map((item) => {
      const expected =
        count.as_of === null ? item.on_hand_milli : onHandAt(db, item.id, count.as_of, count.id).onHandMilli;
      return {
        itemId: item.id,
        name: item.name,
        unit: item.unit,
        expected: quantityFromMilli(expected),
        expectedValue: money(expected, item.unit_cost_cents),
      };
    }),
    conflicts: reviewed.filter(({ cents }) => cents === null).length,
    varianceValue: moneyFromCents(total),
  };
}

/** What approving posts: a count movement per counted item, and per uncounted item chosen to be zeroed. */
export function approvalResults(
  db: Db,
  count: CountRow,
  decisions: readonly { itemId: string; decision: 'keep' | 'zero' }[],
): Result[] {
  const { counted, uncounted } = countedItems(db, count);
  const conflicts = counted.filter((one) => one.milli === null).length;
  if (conflicts > 0) {
    throw fail.conflict(
      `Settle the ${conflicts === 1 ? 'conflict' : `${conflicts} conflicts`} in review before approving.`,
    );
  }
  const open = new Set(uncounted.map((item) => item.id));
  const zeroed = decisions.flatMap((decision, index) => {
    if (decision.decision === 'keep') return [];
    if (count.scope === 'partial') {
      throw fail.validation(
        `decisions.${index}.decision`,
        'A partial count never zeroes anything: keep the expected level',
      );
    }
    if (!open.has(decision.itemId))
      throw fail.validation(`decisions.${index}.itemId`, 'That item is not uncounted in this count');
    return [decision.itemId];
  });
  return [
    ...counted.map(({ item, at, milli }) => ({
      itemId: item.id,
      movementId: newId(),
      quantityMilli: milli!,
      occurredAt: at,
      decision: 'counted' as const,
    })),
    // An item found missing is gone as of the count's time, or as of its start.
    ...zeroed.map((itemId) => ({
      itemId,
      movementId: newId(),
      quantityMilli: 0,
      occurredAt: count.as_of ?? count.started_at,
      decision: 'zero' as const,
    })),
  ];
}

/** Posts an approval's count movements and records them as the count's results (inside the caller's transaction). */
export function postResults(db: Db, actor: Actor, countId: string, results: readonly Result[], at: string): void {
  for (const result of results) {
    const movement = {
      id: result.movementId,
      restaurantId: actor.restaurantId,
      itemId: result.itemId,
      reason: 'count' as const,
      quantityMilli: result.quantityMilli,
      note: '',
      by: actor.userId,
      at,
      occurredAt: result.occurredAt,
      clockOffsetMs: null,
    };
    insertMovement(db, movement);
    moveOnHand(db, movement);
    saveResult(db, {
      count_id: countId,
      item_id: result.itemId,
      movement_id: result.movementId,
      quantity_milli: result.quantityMilli,
      occurred_at: result.occurredAt,
      decision: result.decision,
    });
  }
}
