/** Store rows → the contract's item and movement shapes, with exact decimal strings. */
import { type Item, type Movement, type StockRow, stockItem } from '../../shared/contract/inventory';
import { moneyFromCents, stockValueCents } from '../../shared/money';
import { quantityFromMilli } from '../../shared/quantity';
import type { ItemRow } from './items-store';
import type { MovementRow } from './movements-store';

/** Stock below zero (a usage booked before its delivery) is worth nothing, not a negative amount. */
export const valueCents = (row: ItemRow): bigint =>
  stockValueCents(Math.max(0, row.on_hand_milli), row.unit_cost_cents);

export const toItem = (row: ItemRow): Item => stockItem(row.area, toStockRow(row, 0), [row.updated_by_name]);

export const toMovement = (row: MovementRow, onHandAfter: number): Movement => ({
  id: row.id,
  reason: row.reason,
  quantity: quantityFromMilli(row.quantity_milli),
  onHandAfter: quantityFromMilli(onHandAfter),
  note: row.note,
  recordedByName: row.recorded_by_name,
  recordedAt: row.recorded_at,
});

/** An item as the stock list sends it; `person` is the place of who changed it last in the list's people. */
export const toStockRow = (row: ItemRow, person: number): StockRow => [
  row.id,
  row.name,
  row.category,
  row.supplier,
  row.unit,
  moneyFromCents(row.unit_cost_cents),
  row.par_milli === null ? null : quantityFromMilli(row.par_milli),
  quantityFromMilli(row.on_hand_milli),
  moneyFromCents(valueCents(row)),
  row.updated_at,
  person,
];
