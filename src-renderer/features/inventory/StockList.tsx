import { Button, Center, EmptyState } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import { memo, type ReactNode, useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import type { ShelvedArea } from '../../../shared/contract/storage';
import type { Area } from '../../../shared/domain';
import { arrangeByStorage, filterByStorage } from '../storage/stock-by-storage';
import { StockFilters } from './StockFilters';
import { StockSummary } from './StockSummary';
import { StockTable } from './StockTable';
import { nextSorting, type SortableColumn, type StockSorting, sortStock } from './stock-columns';
import { filterStock, isFiltering, NO_FILTER, needsOrdering, type StockFilter } from './stock-filter';

interface StockListProps {
  area: Area;
  items: readonly Item[];
  /** Worked out by the core over the whole area. */
  totalValue: string;
  categories: string[];
  suppliers: string[];
  /** The side's storage areas in order, each with its shelf, archived ones left out. */
  storageAreas: readonly ShelvedArea[];
  actions: (item: Item) => ReactNode;
  actionsWidth: string;
  label: string;
}

/**
 * The value cards, the search and filters, and the table. The search and the order live here, so a
 * keystroke renders this part of the screen alone. Filtering reuses each item's lower-cased text, so
 * a keystroke draws the box and the table together, in one frame; sorting and grouping, which take
 * longer, follow when they are ready (deferred) and never hold up typing.
 */
export const StockList = memo(function StockList({
  area,
  items,
  totalValue,
  categories,
  suppliers,
  storageAreas,
  actions,
  actionsWidth,
  label,
}: StockListProps) {
  const [filter, setFilter] = useState(NO_FILTER);
  const [sorting, setSorting] = useState<StockSorting>(null);
  const [grouped, setGrouped] = useState(false);
  const appliedSorting = useDeferredValue(sorting);
  const appliedGrouped = useDeferredValue(grouped);
  const ordered = useMemo(() => sortStock(items, appliedSorting), [items, appliedSorting]);
  const shown = useMemo(
    () => filterByStorage(filterStock(ordered, filter), storageAreas, filter.storageArea),
    [ordered, filter, storageAreas],
  );
  // A new filter or grouping starts from the top; a save does not.
  const view = useMemo(() => ({ filter, appliedGrouped }), [filter, appliedGrouped]);
  const arranged = useMemo(
    () =>
      arrangeByStorage(shown, storageAreas, {
        choice: filter.storageArea,
        grouped: appliedGrouped,
        ordered: appliedSorting !== null,
      }),
    [shown, storageAreas, filter.storageArea, appliedGrouped, appliedSorting],
  );
  const toOrder = useMemo(() => items.reduce((count, item) => count + (needsOrdering(item) ? 1 : 0), 0), [items]);
  const changeFilter = useCallback((change: Partial<StockFilter>) => setFilter((now) => ({ ...now, ...change })), []);
  const sortBy = useCallback((column: SortableColumn) => setSorting((now) => nextSorting(now, column)), []);

  return (
    <>
      <StockSummary
        area={area}
        totalValue={totalValue}
        itemCount={items.length}
        shown={shown}
        filtering={isFiltering(filter)}
        toOrder={toOrder}
      />
      <StockFilters
        filter={filter}
        onChange={changeFilter}
        categories={categories}
        suppliers={suppliers}
        storageAreas={storageAreas}
        grouped={grouped}
        onGroup={setGrouped}
      />
      {shown.length > 0 ? (
        <StockTable
          items={arranged.items}
          headings={arranged.headings}
          sorting={sorting}
          onSort={sortBy}
          scrollResetKey={view}
          actions={actions}
          actionsWidth={actionsWidth}
          label={label}
        />
      ) : (
        <Center flex={1}>
          <EmptyState
            icon={<IconSearchOff />}
            title="No items match"
            description="Nothing in this list matches your search and filters."
          >
            <EmptyState.Actions>
              <Button variant="default" onClick={() => setFilter(NO_FILTER)}>
                Clear filters
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Center>
      )}
    </>
  );
});
