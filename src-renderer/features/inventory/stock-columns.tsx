/**
 * The stock table's columns: what each shows, how it sorts (exactly, for decimals), how wide it is.
 * Cells are plain elements: thousands of rows mount as the list scrolls.
 */
import { VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown } from '@tabler/icons-react';
import { type ColumnDef, createColumnHelper, type RowData, type SortingState } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { formatAmount, formatMoney, formatQuantity } from '../../ui/format';
import classes from './StockTable.module.css';
import { compareMoney, compareQuantity, stockLevel } from './stock-math';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Numbers line up on the right. */
    numeric?: boolean;
    /** A fixed width; columns without one share what is left. */
    width?: string;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const column = createColumnHelper<Item>();

const LEVEL_MARKS = {
  'below-par': { icon: IconArrowDown, label: 'Below par: order more' },
  negative: { icon: IconAlertTriangle, label: 'Negative: usage booked before its delivery?' },
} as const;

/** On hand, marked when the level needs attention (the row is tinted too). */
function OnHand({ item }: { item: Item }) {
  const level = stockLevel(item);
  const mark = level === 'ok' ? null : LEVEL_MARKS[level];
  return (
    <span className={classes.onHand} data-level={level} title={mark?.label}>
      {mark && (
        <span className={classes.mark}>
          <mark.icon size={12} aria-hidden />
          <VisuallyHidden>{mark.label}</VisuallyHidden>
        </span>
      )}
      {formatAmount(item.onHand, item.unit)}
    </span>
  );
}

/** Long text takes two lines, then is cut with an ellipsis; the full text shows on hover. */
const orDash = (text: string): ReactNode =>
  text ? (
    <span className={classes.text} title={text}>
      {text}
    </span>
  ) : (
    <span className={classes.blank}>—</span>
  );

type Order = (a: Item, b: Item) => number;
const byText =
  (field: 'name' | 'category' | 'supplier'): Order =>
  (a, b) =>
    collator.compare(a[field], b[field]);

/** How each sortable column orders the items: exactly, for decimals. */
const ORDERS: Record<string, Order> = {
  name: byText('name'),
  category: byText('category'),
  supplier: byText('supplier'),
  onHand: (a, b) => compareQuantity(a.onHand, b.onHand),
  // Items without a par sort after every level.
  par: ({ par: x }, { par: y }) => {
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return compareQuantity(x, y);
  },
  unitCost: (a, b) => compareMoney(a.unitCost, b.unitCost),
  stockValue: (a, b) => compareMoney(a.stockValue, b.stockValue),
};

/**
 * The whole list in the order a column header asks for (ties keep the list's order), sorted once per
 * order and list: search and filters then keep that order, so typing never sorts.
 */
export function sortStock(items: readonly Item[], sorting: SortingState): readonly Item[] {
  const [by] = sorting;
  const order = by && ORDERS[by.id];
  if (!order) return items;
  return by.desc ? items.toSorted((a, b) => order(b, a)) : items.toSorted(order);
}

/**
 * The numbers' widths fit each title with its sort arrow; the text columns share what is left in
 * proportion (Name the rest, the most), so a wider window shows longer names and suppliers.
 */
export function stockColumns(actions: (item: Item) => ReactNode, actionsWidth: string): ColumnDef<Item, string>[] {
  return [
    column.accessor('name', {
      header: 'Name',
      cell: (info) => (
        <span className={`${classes.text} ${classes.name}`} title={info.getValue()}>
          {info.getValue()}
        </span>
      ),
    }),
    column.accessor('category', {
      header: 'Category',
      meta: { width: '12%' },
      cell: (info) => orDash(info.getValue()),
    }),
    column.accessor('supplier', {
      header: 'Supplier',
      meta: { width: '17%' },
      cell: (info) => orDash(info.getValue()),
    }),
    column.accessor('onHand', {
      header: 'On hand',
      meta: { numeric: true, width: '120px' },
      cell: (info) => <OnHand item={info.row.original} />,
    }),
    column.accessor((item) => item.par ?? '', {
      id: 'par',
      header: 'Par',
      meta: { numeric: true, width: '68px' },
      cell: (info) => (info.getValue() ? formatQuantity(info.getValue()) : orDash('')),
    }),
    column.accessor('unitCost', {
      header: 'Unit cost',
      meta: { numeric: true, width: '112px' },
      cell: (info) => formatMoney(info.getValue()),
    }),
    column.accessor('stockValue', {
      header: 'Stock value',
      meta: { numeric: true, width: '132px' },
      cell: (info) => formatMoney(info.getValue()),
    }),
    column.display({
      id: 'actions',
      header: () => <VisuallyHidden>Actions</VisuallyHidden>,
      meta: { width: actionsWidth },
      cell: (info) => actions(info.row.original),
    }),
  ];
}
