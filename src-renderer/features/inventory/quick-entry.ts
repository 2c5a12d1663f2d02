/**
 * The quick-entry grid's rows: what was typed, checked by the contract's own schema row by row,
 * each error kept at its cell and naming its column. Nothing typed is dropped: a row leaves the
 * grid only once the core has saved it.
 */
import { type CreateItemInput, createItemInput } from '../../../shared/contract/inventory';
import type { Area } from '../../../shared/domain';
import type { AppError } from '../../../shared/errors';
import { normaliseDecimal, optionalDecimal } from '../../forms/decimal-text';

export const GRID_COLUMNS = [
  { field: 'name', label: 'Name' },
  { field: 'category', label: 'Category' },
  { field: 'supplier', label: 'Supplier' },
  { field: 'unit', label: 'Unit' },
  { field: 'unitCost', label: 'Unit cost' },
  { field: 'par', label: 'Par level' },
  { field: 'openingStock', label: 'Opening stock' },
] as const;
export type GridField = (typeof GRID_COLUMNS)[number]['field'];

export type GridValues = Record<GridField, string>;
export interface GridRow {
  key: number;
  values: GridValues;
  /** By column; `row` for what is about no one cell. */
  errors: Partial<Record<GridField | 'row', string>>;
}

let nextKey = 0;
/** A blank row, or one with the values given. */
export const gridRow = (values: Partial<GridValues> = {}): GridRow => ({
  key: nextKey++,
  values: { name: '', category: '', supplier: '', unit: '', unitCost: '', par: '', openingStock: '', ...values },
  errors: {},
});

export const isBlank = (row: GridRow): boolean => Object.values(row.values).every((value) => value.trim() === '');

/** The item form's reading of typed decimals: "12,5" is 12.5, a blank par is "not set", no opening stock is 0. */
export const normaliseItem = <V extends Pick<CreateItemInput, 'unitCost' | 'par' | 'openingStock'>>(values: V): V => ({
  ...values,
  unitCost: normaliseDecimal(values.unitCost),
  par: optionalDecimal(values.par),
  openingStock: normaliseDecimal(values.openingStock ?? '') || '0',
});

const labelOf = (field: string) => GRID_COLUMNS.find((column) => column.field === field)?.label;

/** "Unit cost: cannot be negative"; a message that names its field already is kept as it is. */
function atColumn(field: string, message: string): string {
  const label = labelOf(field);
  if (!label || message.startsWith(label)) return message;
  return `${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

const isGridField = (field: string | undefined): field is GridField => labelOf(field ?? '') !== undefined;

/** The row as the core's input, or its errors by column. */
export function checkRow(area: Area, row: GridRow): { input: CreateItemInput } | { errors: GridRow['errors'] } {
  const parsed = createItemInput.safeParse(normaliseItem({ area, ...row.values }));
  if (parsed.success) return { input: parsed.data };
  const errors: GridRow['errors'] = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const at = isGridField(field) ? field : 'row';
    errors[at] ??= atColumn(field, issue.message);
  }
  return { errors };
}

/** The core's refusal, at the cell it names (a name already taken) or for the row. */
export function errorsFromCore(error: AppError): GridRow['errors'] {
  const errors: GridRow['errors'] = {};
  const place = (field: string | undefined, message: string) => {
    const at = isGridField(field) ? field : 'row';
    errors[at] ??= isGridField(field) ? atColumn(field, message) : message;
  };
  if (error.kind === 'validation' && error.issues.length > 0)
    for (const issue of error.issues) place(issue.path.split('.')[0], issue.message);
  else place(error.kind === 'conflict' ? error.field : undefined, error.message);
  return errors;
}
