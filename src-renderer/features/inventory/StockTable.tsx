/**
 * The stock list: sortable columns (header buttons, mouse or keyboard) and virtualised rows, so
 * 5,000 items scroll as smoothly as 50. Rows below par or negative are tinted. Rows are plain
 * elements drawn straight from the items: no row objects are built for the whole list.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type ReactNode, useLayoutEffect, useMemo, useRef } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { SortableHeader } from '../../ui/SortableHeader';
import { useMoney } from '../auth/signed-in';
import { groupsOfShared, type StockHeading } from '../storage/stock-by-storage';
import classes from './StockTable.module.css';
import { isSortable, type SortableColumn, type StockColumn, type StockSorting, stockColumns } from './stock-columns';
import { stockLevel } from './stock-math';

const ROW_HEIGHT = 48;

interface StockTableProps {
  /** In the order shown: sorted by the screen (sortStock), which keeps the order the headers ask for. */
  items: readonly Item[];
  sorting: StockSorting;
  onSort: (column: SortableColumn) => void;
  /** When this changes (other filters), the list starts again from the top. */
  scrollResetKey: unknown;
  /** The buttons at the end of each row, and how wide their column is. */
  actions: (item: Item) => ReactNode;
  actionsWidth: string;
  label: string;
  /** Group headings (by storage area) between the rows; an item may then show in two groups. */
  headings?: readonly StockHeading[];
}

const NO_HEADINGS: readonly StockHeading[] = [];

/**
 * What a place in the scrolled list shows: heading `n` stands just before the item at its `at`, so
 * it takes place `at + n`. A few headings: found by walking them.
 */
function slotOf(
  headings: readonly StockHeading[],
  slot: number,
): { heading: number } | { item: number; group: number } {
  let group = -1;
  while (group + 1 < headings.length && headings[group + 1]!.at + group + 1 <= slot) group += 1;
  if (group >= 0 && headings[group]!.at + group === slot) return { heading: group };
  return { item: slot - group - 1, group };
}

const numericClass = (numeric: boolean | undefined) => (numeric ? classes.numeric : undefined);

/** Rendered again only when what it shows changes, not on every keystroke of a search. */
export const StockTable = memo(function StockTable({
  items,
  sorting,
  onSort,
  scrollResetKey,
  actions,
  actionsWidth,
  label,
  headings = NO_HEADINGS,
}: StockTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const formatMoney = useMoney();
  const columns = useMemo(() => stockColumns(actions, actionsWidth, formatMoney), [actions, actionsWidth, formatMoney]);
  const virtualizer = useVirtualizer({
    count: items.length + headings.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  // A new order or a new filter shows its first rows, not some rows halfway down. The offset the
  // virtualiser follows is read, not the element's: reading that would lay the table out at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys are what trigger the reset
  useLayoutEffect(() => {
    if (virtualizer.scrollOffset) scroller.current?.scrollTo({ top: 0 });
  }, [sorting, scrollResetKey]);
  const shared = useMemo(() => groupsOfShared(items, headings), [items, headings]);
  /** Grouped, the other headings an item shows under, said in its row: its on hand is its total. */
  const alsoIn = (id: string, group: number) =>
    shared
      .get(id)
      ?.filter((other) => other !== group)
      .map((other) => headings[other]?.title)
      .join(', ');
  const visible = virtualizer.getVirtualItems();
  const spaceAbove = visible[0]?.start ?? 0;
  const spaceBelow = virtualizer.getTotalSize() - (visible.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} className={classes.scroller}>
      <table className={classes.table} aria-label={label} aria-rowcount={items.length + headings.length + 1}>
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} sorting={sorting} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {spaceAbove > 0 && <Spacer height={spaceAbove} columns={columns.length} />}
          {visible.map((slot) => {
            const place = slotOf(headings, slot.index);
            if ('heading' in place) {
              const heading = headings[place.heading]!;
              return (
                <HeadingRow key={`h${place.heading}`} heading={heading} index={slot.index} columns={columns.length} />
              );
            }
            const item = items[place.item];
            // Grouped, an item on two shelves shows twice: its key says which group it is in.
            const key = place.group < 0 ? item?.id : `${place.group}:${item?.id}`;
            return (
              item && (
                <StockRow
                  key={key}
                  item={item}
                  index={slot.index}
                  columns={columns}
                  alsoIn={alsoIn(item.id, place.group)}
                />
              )
            );
          })}
          {spaceBelow > 0 && <Spacer height={spaceBelow} columns={columns.length} />}
        </tbody>
      </table>
    </div>
  );
});

const ariaSort = (direction: false | 'asc' | 'desc') =>
  direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';

function HeaderCell({
  column,
  sorting,
  onSort,
}: {
  column: StockColumn;
  sorting: StockSorting;
  onSort: (column: SortableColumn) => void;
}) {
  if (!isSortable(column)) {
    return (
      <th>
        <span className={classes.visuallyHidden}>{column.title}</span>
      </th>
    );
  }
  const direction = sorting?.column === column.id && (sorting.desc ? 'desc' : 'asc');
  return (
    <th className={numericClass(column.numeric)} aria-sort={ariaSort(direction)}>
      <SortableHeader direction={direction} numeric={column.numeric} onToggle={() => onSort(column.id)}>
        {column.title}
      </SortableHeader>
    </th>
  );
}

interface StockRowProps {
  item: Item;
  index: number;
  columns: StockColumn[];
  /** Grouped by storage area: the other storage areas the item also stands in. */
  alsoIn: string | undefined;
}

/**
 * Rendered again only when its item, position or columns change — not on every scroll, nor when a
 * search or a save elsewhere gives the table a new list holding the same item.
 */
const StockRow = memo(function StockRow({ item, index, columns, alsoIn }: StockRowProps) {
  return (
    <tr
      className={classes.row}
      data-level={stockLevel(item)}
      data-odd={index % 2 === 1 || undefined}
      aria-rowindex={index + 2}
      style={{ height: ROW_HEIGHT }}
    >
      {columns.map((column) => (
        <td key={column.id} className={numericClass(column.numeric)}>
          {column.cell(item, alsoIn)}
        </td>
      ))}
    </tr>
  );
});

/** A group's title (a storage area) across the row, with how many items it holds. */
function HeadingRow({ heading, index, columns }: { heading: StockHeading; index: number; columns: number }) {
  return (
    <tr className={classes.heading} aria-rowindex={index + 2} style={{ height: ROW_HEIGHT }}>
      <th colSpan={columns} scope="colgroup">
        {heading.title}{' '}
        <span className={classes.headingCount}>
          · {heading.count} {heading.count === 1 ? 'item' : 'items'}
        </span>
      </th>
    </tr>
  );
}

/** Stands in for the rows scrolled out of view, so the scrollbar stays true. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden className={classes.spacer} style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
