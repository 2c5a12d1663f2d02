/** Store rows → the contract's item and movement shapes, with exact decimal strings. */
import type { Item, Movement } from '../../shared/contract/inventory';
import { moneyFromCents, stockValueCents } from '../../shared/money';
import { quantityFromMilli } from '../../shared/quantity';
import type { ItemRow } from './items-store';
import type { MovementRow } from './movements-store';

/** Stock below zero (a usage booked before its delivery) is worth nothing, not a negative amount. */
export const valueCents = (row: ItemRow): bigint =>
  stockValueCents(Math.max(0, row.on_hand_milli), row.unit_cost_cents);

export const toItem = (row: ItemRow): Item => ({
  id: row.id,
  area: row.area,
  name: row.name,
  category: row.category,
  supplier: row.supplier,
  unit: row.unit,
  unitCost: moneyFromCents(row.unit_cost_cents),
  par: row.par_milli === null ? null : quantityFromMilli(row.par_milli),
  onHand: quantityFromMilli(row.on_hand_milli),
  stockValue: moneyFromCents(valueCents(row)),
  updatedAt: row.updated_at,
  updatedByName: row.updated_by_name,
});

export const toMovement = (row: MovementRow, onHandAfter: number): Movement => ({
  id: row.id,
  reason: row.reason,
  quantity: quantityFromMilli(row.quantity_milli),
  onHandAfter: quantityFromMilli(onHandAfter),
  note: row.note,
  recordedByName: row.recorded_by_name,
  recordedAt: row.recorded_at,
});
