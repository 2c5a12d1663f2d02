/**
 * The stock list: sortable columns (header buttons, mouse or keyboard) and virtualised rows, so
 * 5,000 items scroll as smoothly as 50. Rows below par or negative are tinted.
 */
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type OnChangeFn,
  type Row,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type ReactNode, useLayoutEffect, useMemo, useRef } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { SortableHeader } from '../../ui/SortableHeader';
import classes from './StockTable.module.css';
import { stockColumns } from './stock-columns';
import { stockLevel } from './stock-math';

const ROW_HEIGHT = 48;

interface StockTableProps {
  /** In the order shown: sorted by the screen (sortStock), which keeps the order the headers ask for. */
  items: readonly Item[];
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  /** When this changes (other filters), the list starts again from the top. */
  scrollResetKey: unknown;
  /** The buttons at the end of each row, and how wide their column is. */
  actions: (item: Item) => ReactNode;
  actionsWidth: string;
  label: string;
}

const ariaSort = (direction: false | 'asc' | 'desc') =>
  direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';

const numericClass = (numeric: boolean | undefined) => (numeric ? classes.numeric : undefined);

/** Rendered again only when what it shows changes, not on every keystroke of a search. */
export const StockTable = memo(function StockTable({
  items,
  sorting,
  onSortingChange,
  scrollResetKey,
  actions,
  actionsWidth,
  label,
}: StockTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // A new order or a new filter shows its first rows, not some rows halfway down.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys are what trigger the reset
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [sorting, scrollResetKey]);
  const columns = useMemo(() => stockColumns(actions, actionsWidth), [actions, actionsWidth]);
  const table = useReactTable({
    data: items as Item[],
    columns,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (item) => item.id,
  });
  const { rows } = table.getRowModel();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const visible = virtualizer.getVirtualItems();
  const spaceAbove = visible[0]?.start ?? 0;
  const spaceBelow = virtualizer.getTotalSize() - (visible.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} className={classes.scroller}>
      <table className={classes.table} aria-label={label} aria-rowcount={rows.length + 1}>
        <colgroup>
          {table.getVisibleLeafColumns().map((column) => (
            <col key={column.id} style={{ width: column.columnDef.meta?.width }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const { column } = header;
                const title = flexRender(column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    className={numericClass(column.columnDef.meta?.numeric)}
                    aria-sort={column.getCanSort() ? ariaSort(column.getIsSorted()) : undefined}
                  >
                    {column.getCanSort() ? (
                      <SortableHeader
                        direction={column.getIsSorted()}
                        numeric={column.columnDef.meta?.numeric}
                        onToggle={column.getToggleSortingHandler()}
                      >
                        {title}
                      </SortableHeader>
                    ) : (
                      title
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {spaceAbove > 0 && <Spacer height={spaceAbove} columns={columns.length} />}
          {visible.map((slot) => {
            const row = rows[slot.index];
            return row && <StockRow key={row.id} row={row} index={slot.index} columns={columns} />;
          })}
          {spaceBelow > 0 && <Spacer height={spaceBelow} columns={columns.length} />}
        </tbody>
      </table>
    </div>
  );
});

interface StockRowProps {
  row: Row<Item>;
  index: number;
  /** Not read: a change of columns (of row buttons) renders the row again. */
  columns: ColumnDef<Item, string>[];
}

/**
 * Rendered again only when its item, position or columns change — not on every scroll, nor when a
 * search or a save elsewhere gives the table new row objects for the same items.
 */
const StockRow = memo(function StockRow({ row, index }: StockRowProps) {
  return (
    <tr
      className={classes.row}
      data-level={stockLevel(row.original)}
      data-odd={index % 2 === 1 || undefined}
      aria-rowindex={index + 2}
      style={{ height: ROW_HEIGHT }}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={numericClass(cell.column.columnDef.meta?.numeric)}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}, sameRow);

function sameRow(before: StockRowProps, after: StockRowProps): boolean {
  return before.row.original === after.row.original && before.index === after.index && before.columns === after.columns;
}

/** Stands in for the rows scrolled out of view, so the scrollbar stays true. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden className={classes.spacer} style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
