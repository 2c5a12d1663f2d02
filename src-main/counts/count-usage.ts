/**
 * Usage between two approved counts, per item: opening + deliveries + corrections − waste − closing,
 * in quantity and money. Opening and closing are what each approval posted for the item; what
 * happened between is every movement after the opening count up to the closing one, in the order
 * stock is derived in. Items not in both counts are left out.
 */
import type { CountUsage } from '../../shared/contract/counts';
import { fail } from '../../shared/errors';
import { moneyFromCents, stockValueCents } from '../../shared/money';
import { quantityFromMilli } from '../../shared/quantity';
import { findItem } from '../inventory/items-store';
import type { Db } from '../store/database';
import { toSummary } from './count-views';
import { type CountRow, changesBetween, previousApproved, type ResultRow, resultsOf } from './counts-store';

const q = quantityFromMilli;

export function countUsage(db: Db, count: CountRow, chosen: CountRow | null): CountUsage {
  const since = chosen ?? previousApproved(db, count) ?? null;
  if (!since) return { since: null, items: [], usageValue: '0.00' };
  if (since.status !== 'approved') throw fail.validation('sinceCountId', 'Usage runs from an approved count');
  const opening = new Map(resultsOf(db, since.id).map((row) => [row.item_id, row]));
  let total = 0n;
  const items = resultsOf(db, count.id).flatMap((closing: ResultRow) => {
    const open = opening.get(closing.item_id);
    const item = findItem(db, count.restaurant_id, closing.item_id);
    if (!open || !item || open.occurred_at >= closing.occurred_at) return [];
    const by = Object.fromEntries(
      changesBetween(db, item.id, open.occurred_at, closing.occurred_at).map((change) => [change.reason, change.milli]),
    );
    const [deliveries, waste, corrections, recorded] = [
      by.delivery ?? 0,
      by.waste ?? 0,
      by.correction ?? 0,
      by.usage ?? 0,
    ];
    const usage = open.quantity_milli + deliveries + corrections + waste - closing.quantity_milli;
    const cents = stockValueCents(usage, item.unit_cost_cents);
    total += cents;
    return [
      {
        itemId: item.id,
        name: item.name,
        unit: item.unit,
        opening: q(open.quantity_milli),
        deliveries: q(deliveries),
        waste: q(-waste),
        corrections: q(corrections),
        closing: q(closing.quantity_milli),
        usage: q(usage),
        usageValue: moneyFromCents(cents),
        recordedUsage: q(-recorded),
      },
    ];
  });
  items.sort((a, b) => a.name.localeCompare(b.name));
  return { since: toSummary(db, since), items, usageValue: moneyFromCents(total) };
}
