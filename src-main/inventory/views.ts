/** Store rows → the contract's item and movement shapes, with exact decimal strings. */
import { type Item, type Movement, type StockRow, stockItem } from '../../shared/contract/inventory';
import { moneyFromCents, stockValueCents } from '../../shared/money';
import { quantityFromMilli } from '../../shared/quantity';
import type { ItemRow, ListedItem } from './items-store';
import type { MovementRow } from './movements-store';

/** Stock below zero (a usage booked before its delivery) is worth nothing, not a negative amount. */
const stockValueOf = (onHandMilli: number, unitCostCents: number): bigint =>
  stockValueCents(Math.max(0, onHandMilli), unitCostCents);

/** An item as the stock list sends it, with its value in cents for the list's total. */
export interface PricedStockRow {
  row: StockRow;
  cents: bigint;
}

/**
 * The stored columns of a stock row (`ListedItem`) → the row the list sends; `person` is the place
 * of who changed it last in the list's people.
 */
export function toStockRow(listed: ListedItem, person: number): PricedStockRow {
  const [id, name, category, supplier, unit, unitCostCents, parMilli, onHandMilli, updatedAt] = listed;
  const cents = stockValueOf(onHandMilli, unitCostCents);
  const row: StockRow = [
    id,
    name,
    category,
    supplier,
    unit,
    moneyFromCents(unitCostCents),
    parMilli === null ? null : quantityFromMilli(parMilli),
    quantityFromMilli(onHandMilli),
    moneyFromCents(cents),
    updatedAt,
    person,
  ];
  return { row, cents };
}

export const listedItem = (row: ItemRow): ListedItem => [
  row.id,
  row.name,
  row.category,
  row.supplier,
  row.unit,
  row.unit_cost_cents,
  row.par_milli,
  row.on_hand_milli,
  row.updated_at,
  row.updated_by_name,
];

export const toItem = (row: ItemRow): Item =>
  stockItem(row.area, toStockRow(listedItem(row), 0).row, [row.updated_by_name]);

export const toMovement = (row: MovementRow, onHandAfter: number): Movement => ({
  id: row.id,
  reason: row.reason,
  quantity: quantityFromMilli(row.quantity_milli),
  onHandAfter: quantityFromMilli(onHandAfter),
  note: row.note,
  recordedByName: row.recorded_by_name,
  recordedAt: row.recorded_at,
  occurredAt: row.occurred_at,
  receivedAt: row.received_at,
});
