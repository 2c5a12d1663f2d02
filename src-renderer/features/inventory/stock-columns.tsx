/**
 * The stock table's columns: what each shows, how it sorts (exactly, for decimals), how wide it is.
 * Cells are plain elements: thousands of rows mount as the list scrolls.
 */
import type { ReactNode } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { formatAmount, formatQuantity } from '../../ui/format';
import classes from './StockTable.module.css';
import { compareMoney, compareQuantity, stockLevel } from './stock-math';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Each drawn by the stylesheet (an arrow down, a warning triangle) after the level. */
const LEVEL_MARKS = {
  'below-par': 'Below par: order more',
  negative: 'Negative: usage booked before its delivery?',
} as const;

/** On hand, marked when the level needs attention (the row is tinted too). */
function OnHand({ item }: { item: Item }) {
  const level = stockLevel(item);
  const mark = level === 'ok' ? null : LEVEL_MARKS[level];
  return (
    <span className={classes.onHand} data-level={level} title={mark ?? undefined}>
      {mark && (
        <span className={classes.mark}>
          <span className={classes.icon} aria-hidden />
          <span className={classes.visuallyHidden}>{mark}</span>
        </span>
      )}
      {formatAmount(item.onHand, item.unit)}
    </span>
  );
}

/**
 * Grouped by storage area, an item that stands in two shows under both headings with its whole on
 * hand: its row says where else it stands, and that its on hand is for all of them.
 */
function ItemName({ name, alsoIn }: { name: string; alsoIn: string | undefined }) {
  return (
    <>
      <span className={`${classes.text} ${classes.name}`} data-lines={alsoIn ? 1 : undefined} title={name}>
        {name}
      </span>
      {alsoIn && <span className={classes.note} title={`Also in ${alsoIn}`}>{`Also in ${alsoIn}`}</span>}
    </>
  );
}

function OnHandInAll({ item, alsoIn }: { item: Item; alsoIn: string | undefined }) {
  if (!alsoIn) return <OnHand item={item} />;
  return (
    <>
      <OnHand item={item} />
      <span className={classes.note} title="What is on hand in all its storage areas together">
        in all areas
      </span>
    </>
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
const ORDERS = {
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
} satisfies Record<string, Order>;

export type SortableColumn = keyof typeof ORDERS;

/** The order a column header asked for; null: the list's own order (by name). */
export type StockSorting = { column: SortableColumn; desc: boolean } | null;

/** A header pressed again: ascending, then descending, then the list's own order again. */
export function nextSorting(sorting: StockSorting, column: SortableColumn): StockSorting {
  if (sorting?.column !== column) return { column, desc: false };
  return sorting.desc ? null : { column, desc: true };
}

/**
 * The whole list in the order a column header asks for (ties keep the list's order), sorted once per
 * order and list: search and filters then keep that order, so typing never sorts.
 */
export function sortStock(items: readonly Item[], sorting: StockSorting): readonly Item[] {
  if (!sorting) return items;
  const order: Order = ORDERS[sorting.column];
  return sorting.desc ? items.toSorted((a, b) => order(b, a)) : items.toSorted(order);
}

export interface StockColumn {
  id: SortableColumn | 'actions';
  title: string;
  /** Numbers line up on the right. */
  numeric?: boolean;
  /** A fixed width; columns without one share what is left. */
  width?: string;
  /** `alsoIn`: grouped by storage area, the other storage areas the item stands in. */
  cell: (item: Item, alsoIn?: string) => ReactNode;
}

export const isSortable = (column: StockColumn): column is StockColumn & { id: SortableColumn } => column.id in ORDERS;

/**
 * The numbers' widths fit each title with its sort arrow; the text columns share what is left in
 * proportion (Name the rest, the most), so a wider window shows longer names and suppliers.
 */
export function stockColumns(
  actions: (item: Item) => ReactNode,
  actionsWidth: string,
  formatMoney: (text: string) => string,
): StockColumn[] {
  return [
    {
      id: 'name',
      title: 'Name',
      cell: ({ name }, alsoIn) => <ItemName name={name} alsoIn={alsoIn} />,
    },
    { id: 'category', title: 'Category', width: '12%', cell: ({ category }) => orDash(category) },
    { id: 'supplier', title: 'Supplier', width: '17%', cell: ({ supplier }) => orDash(supplier) },
    {
      id: 'onHand',
      title: 'On hand',
      numeric: true,
      width: '120px',
      cell: (item, alsoIn) => <OnHandInAll item={item} alsoIn={alsoIn} />,
    },
    {
      id: 'par',
      title: 'Par',
      numeric: true,
      width: '68px',
      cell: ({ par }) => (par ? formatQuantity(par) : orDash('')),
    },
    { id: 'unitCost', title: 'Unit cost', numeric: true, width: '112px', cell: (item) => formatMoney(item.unitCost) },
    {
      id: 'stockValue',
      title: 'Stock value',
      numeric: true,
      width: '132px',
      cell: (item) => formatMoney(item.stockValue),
    },
    // Named for screen readers only.
    { id: 'actions', title: 'Actions', width: actionsWidth, cell: actions },
  ];
}
