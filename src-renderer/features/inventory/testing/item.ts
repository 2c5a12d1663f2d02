/** Test support: an item as `inventory.list` returns it, with only what a test cares about given. */
import type { Item, StockRow } from '../../../../shared/contract/inventory';

let next = 0;

export function item(fields: Partial<Item> = {}): Item {
  next += 1;
  return {
    id: `019b0000-0000-7000-8000-${String(next).padStart(12, '0')}`,
    area: 'kitchen',
    name: `Item ${next}`,
    category: '',
    supplier: '',
    unit: 'kg',
    unitCost: '1.00',
    par: null,
    onHand: '0',
    stockValue: '0.00',
    updatedAt: '2026-11-26T09:00:00.000Z',
    updatedByName: 'Olive Owner',
    ...fields,
  };
}

/** An item as the change feed carries it: a compact row, who changed it by place in `people`. */
export const rowOf = (it: Item): StockRow => [
  it.id,
  it.name,
  it.category,
  it.supplier,
  it.unit,
  it.unitCost,
  it.par,
  it.onHand,
  it.stockValue,
  it.updatedAt,
  0,
];
