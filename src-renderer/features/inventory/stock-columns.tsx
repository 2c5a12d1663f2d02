/**
 * The stock table's columns: what each shows, how it sorts (exactly, for decimals), how wide it is.
 * Cells are plain elements: thousands of rows mount as the list scrolls.
 */
import { VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown } from '@tabler/icons-react';
import { type ColumnDef, createColumnHelper, type RowData } from '@tanstack/react-table';
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

/** Long text is cut with an ellipsis; the full text shows on hover. */
const orDash = (text: string): ReactNode =>
  text ? <span title={text}>{text}</span> : <span className={classes.blank}>—</span>;

const byText = (field: 'name' | 'category' | 'supplier') => (a: { original: Item }, b: { original: Item }) =>
  collator.compare(a.original[field], b.original[field]);

/**
 * Widths fit each title with its sort arrow (the numbers are narrower); Name takes what is left,
 * the most room, so names are cut last.
 */
export function stockColumns(actions: (item: Item) => ReactNode, actionsWidth: string): ColumnDef<Item, string>[] {
  return [
    column.accessor('name', {
      header: 'Name',
      sortingFn: byText('name'),
      cell: (info) => (
        <span className={classes.name} title={info.getValue()}>
          {info.getValue()}
        </span>
      ),
    }),
    column.accessor('category', {
      header: 'Category',
      meta: { width: '112px' },
      sortingFn: byText('category'),
      cell: (info) => orDash(info.getValue()),
    }),
    column.accessor('supplier', {
      header: 'Supplier',
      meta: { width: '13%' },
      sortingFn: byText('supplier'),
      cell: (info) => orDash(info.getValue()),
    }),
    column.accessor('onHand', {
      header: 'On hand',
      meta: { numeric: true, width: '120px' },
      sortingFn: (a, b) => compareQuantity(a.original.onHand, b.original.onHand),
      cell: (info) => <OnHand item={info.row.original} />,
    }),
    column.accessor((item) => item.par ?? '', {
      id: 'par',
      header: 'Par',
      meta: { numeric: true, width: '68px' },
      // Items without a par sort after every level.
      sortingFn: (a, b) => {
        const [x, y] = [a.original.par, b.original.par];
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        return compareQuantity(x, y);
      },
      cell: (info) => (info.getValue() ? formatQuantity(info.getValue()) : orDash('')),
    }),
    column.accessor('unitCost', {
      header: 'Unit cost',
      meta: { numeric: true, width: '112px' },
      sortingFn: (a, b) => compareMoney(a.original.unitCost, b.original.unitCost),
      cell: (info) => formatMoney(info.getValue()),
    }),
    column.accessor('stockValue', {
      header: 'Stock value',
      meta: { numeric: true, width: '132px' },
      sortingFn: (a, b) => compareMoney(a.original.stockValue, b.original.stockValue),
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
