import { Alert, Button, Center, EmptyState, Group, Loader } from '@mantine/core';
import { IconPackage, IconPlus, IconSearchOff } from '@tabler/icons-react';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { type Area, COMMON_UNITS, canManage } from '../../../shared/domain';
import { capitalise } from '../../ui/format';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { useSignedIn } from '../auth/signed-in';
import { DeleteItemDialog } from './DeleteItemDialog';
import { HistoryDrawer } from './HistoryDrawer';
import { ItemDialog } from './ItemDialog';
import { ItemRowActions, rowActionsWidth } from './ItemRowActions';
import { useStock } from './inventory-api';
import { QuickEntryButton } from './QuickEntryButton';
import { StockFilters } from './StockFilters';
import { StockSummary } from './StockSummary';
import { StockTable } from './StockTable';
import type { ItemAction } from './stock-actions';
import { sortStock } from './stock-columns';
import { distinctValues, filterStock, isFiltering, NO_FILTER, needsOrdering } from './stock-filter';

const NO_ITEMS: Item[] = [];

/** One screen for the kitchen and for the bar: what is on the shelves, its value, what to order. */
export function StockScreen({ area }: { area: Area }) {
  const { user } = useSignedIn();
  const manager = canManage(user.role);
  const stock = useStock(area);
  const items = stock.data?.items ?? NO_ITEMS;

  // Typing and header clicks answer at once; the list follows when it is ready (deferred).
  const [filter, setFilter] = useState(NO_FILTER);
  const [sorting, setSorting] = useState<SortingState>([]);
  const appliedFilter = useDeferredValue(filter);
  const appliedSorting = useDeferredValue(sorting);
  const ordered = useMemo(() => sortStock(items, appliedSorting), [items, appliedSorting]);
  const shown = useMemo(() => filterStock(ordered, appliedFilter), [ordered, appliedFilter]);
  const toOrder = useMemo(() => items.filter(needsOrdering).length, [items]);
  const categories = useMemo(() => distinctValues(items, 'category'), [items]);
  const suppliers = useMemo(() => distinctValues(items, 'supplier'), [items]);
  const suggestions = useMemo(
    () => ({
      names: area === 'kitchen' ? user.kitchenProduceList : user.barProduceList,
      categories,
      suppliers,
      units: [...new Set([...COMMON_UNITS, ...distinctValues(items, 'unit')])],
    }),
    [area, user, categories, suppliers, items],
  );

  // The dialog keeps showing its item while it closes.
  const [action, setAction] = useState<ItemAction>({ kind: 'add' });
  const [open, setOpen] = useState(false);
  const openAction = useCallback((next: ItemAction) => {
    setAction(next);
    setOpen(true);
  }, []);
  const close = () => setOpen(false);
  const showing = (kind: ItemAction['kind']) => open && action.kind === kind;
  const actionItem = 'item' in action ? action.item : undefined;
  const rowActions = useCallback(
    (item: Item) => <ItemRowActions item={item} canManage={manager} onAction={openAction} />,
    [manager, openAction],
  );

  const areaName = capitalise(area);
  // One "Add item" at a time: in the header once there are items, in the empty list before.
  const addRef = useRef<HTMLButtonElement>(null);
  const addButton = manager && (
    <Group gap="sm" wrap="nowrap">
      <QuickEntryButton area={area} suggestions={suggestions} />
      <Button ref={addRef} leftSection={<IconPlus size={16} />} onClick={() => openAction({ kind: 'add' })}>
        Add item
      </Button>
    </Group>
  );
  // A dialog gives the focus back to what opened it. When that is gone (the empty list's "Add item"
  // after the first item, a deleted item's row), "Add item" takes it rather than the page.
  const keepFocus = () => {
    if (document.activeElement === null || document.activeElement === document.body) addRef.current?.focus();
  };

  return (
    <Page fill>
      <PageHeader
        title={`${areaName} stock`}
        description={`What is on the ${area} shelves, what it is worth, and what to order.`}
        actions={items.length > 0 && addButton}
      />
      {stock.isPending && (
        <Center flex={1}>
          <Loader aria-label={`Loading ${area} stock`} />
        </Center>
      )}
      {stock.isError && (
        <Alert color="red" title={`The ${area} stock could not be loaded`}>
          {stock.error.message}{' '}
          <Button size="compact-sm" variant="white" onClick={() => stock.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {stock.data && items.length === 0 && (
        <Center flex={1}>
          <EmptyState
            icon={<IconPackage />}
            title={`No ${area} items yet — add your first item`}
            description={
              manager
                ? `Add what you buy for the ${area}: its unit, its cost and what is on the shelf. KitchenGuard keeps its stock and value from then on.`
                : `An owner or manager adds the ${area} items. Then you can record deliveries, usage, waste and counts here.`
            }
          >
            {manager && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        </Center>
      )}
      {stock.data && items.length > 0 && (
        <>
          <StockSummary
            area={area}
            totalValue={stock.data.totalValue}
            itemCount={items.length}
            shown={shown}
            filtering={isFiltering(appliedFilter)}
            toOrder={toOrder}
          />
          <StockFilters filter={filter} onChange={setFilter} categories={categories} suppliers={suppliers} />
          {shown.length > 0 ? (
            <StockTable
              items={shown}
              sorting={sorting}
              onSortingChange={setSorting}
              scrollResetKey={appliedFilter}
              actions={rowActions}
              actionsWidth={rowActionsWidth(manager)}
              label={`${areaName} stock`}
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
      )}
      <ItemDialog
        opened={showing('add') || showing('edit')}
        area={area}
        item={action.kind === 'edit' ? action.item : undefined}
        suggestions={suggestions}
        onClose={close}
        onClosed={keepFocus}
      />
      <DeleteItemDialog opened={showing('delete')} item={actionItem} onClose={close} onClosed={keepFocus} />
      <HistoryDrawer opened={showing('history')} item={actionItem} onClose={close} />
    </Page>
  );
}
