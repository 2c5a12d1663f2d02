import { Alert, Button, Center, EmptyState, Group, Loader } from '@mantine/core';
import { IconBuildingWarehouse, IconPackage, IconPlus } from '@tabler/icons-react';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import type { ShelvedArea } from '../../../shared/contract/storage';
import { type Area, COMMON_UNITS, canManage } from '../../../shared/domain';
import { capitalise } from '../../ui/format';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { useSignedIn } from '../auth/signed-in';
import { StorageDrawer } from '../storage/StorageDrawer';
import { useStorage } from '../storage/storage-api';
import { DeleteItemDialog } from './DeleteItemDialog';
import { HistoryDrawer } from './HistoryDrawer';
import { ItemDialog } from './ItemDialog';
import { ItemRowActions, rowActionsWidth } from './ItemRowActions';
import { useStock } from './inventory-api';
import { QuickEntryButton } from './QuickEntryButton';
import { StockList } from './StockList';
import type { ItemAction } from './stock-actions';
import { distinctValues } from './stock-filter';

const NO_ITEMS: Item[] = [];
const NO_STORAGE_AREAS: ShelvedArea[] = [];

/** One screen for the kitchen and for the bar: what is on the shelves, its value, what to order. */
export function StockScreen({ area }: { area: Area }) {
  const { user } = useSignedIn();
  const manager = canManage(user.role);
  const stock = useStock(area);
  const items = stock.data?.items ?? NO_ITEMS;
  const storage = useStorage();
  const storageAreas = useMemo(
    () => storage.data?.areas.filter((one) => one.area === area && !one.archived) ?? NO_STORAGE_AREAS,
    [storage.data, area],
  );
  const [storageOpen, setStorageOpen] = useState(false);
  const openStorage = useCallback(() => setStorageOpen(true), []);
  const closeStorage = useCallback(() => setStorageOpen(false), []);

  // What the filters, suggestions and the storage drawer offer follows a save once its row is drawn:
  // the same lists while what they hold is the same, so a save does not render them again either.
  const offered = useDeferredValue(items);
  const categories = useSameList(useMemo(() => distinctValues(offered, 'category'), [offered]));
  const suppliers = useSameList(useMemo(() => distinctValues(offered, 'supplier'), [offered]));
  const units = useSameList(
    useMemo(() => [...new Set([...COMMON_UNITS, ...distinctValues(offered, 'unit')])], [offered]),
  );
  const suggestions = useMemo(
    () => ({ names: area === 'kitchen' ? user.kitchenProduceList : user.barProduceList, categories, suppliers, units }),
    [area, user, categories, suppliers, units],
  );

  // The dialog keeps showing its item while it closes.
  const [action, setAction] = useState<ItemAction>({ kind: 'add' });
  const [open, setOpen] = useState(false);
  const openAction = useCallback((next: ItemAction) => {
    setAction(next);
    setOpen(true);
  }, []);
  const close = useCallback(() => setOpen(false), []);
  const showing = (kind: ItemAction['kind']) => open && action.kind === kind;
  const actionItem = 'item' in action ? action.item : undefined;
  const rowActions = useCallback(
    (item: Item) => <ItemRowActions item={item} canManage={manager} onAction={openAction} />,
    [manager, openAction],
  );

  const areaName = capitalise(area);
  // One "Add item" at a time: in the header once there are items, in the empty list before.
  const addRef = useRef<HTMLButtonElement>(null);
  const addButton = useMemo(
    () =>
      manager && (
        <Group gap="sm" wrap="nowrap">
          <QuickEntryButton area={area} suggestions={suggestions} />
          <Button ref={addRef} leftSection={<IconPlus size={16} />} onClick={() => openAction({ kind: 'add' })}>
            Add item
          </Button>
        </Group>
      ),
    [manager, area, suggestions, openAction],
  );
  // A dialog gives the focus back to what opened it. When that is gone (the empty list's "Add item"
  // after the first item, a deleted item's row), "Add item" takes it rather than the page.
  const keepFocus = useCallback(() => {
    if (document.activeElement === null || document.activeElement === document.body) addRef.current?.focus();
  }, []);

  // A save re-renders this screen with the patched list: what does not show the list stays as it was.
  const hasItems = items.length > 0;
  const headerActions = useMemo(
    () =>
      hasItems && (
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" leftSection={<IconBuildingWarehouse size={16} />} onClick={openStorage}>
            Storage areas
          </Button>
          {addButton}
        </Group>
      ),
    [hasItems, addButton, openStorage],
  );

  return (
    <Page fill>
      <PageHeader
        title={`${areaName} stock`}
        description={`What is on the ${area} shelves, what it is worth, and what to order.`}
        actions={headerActions}
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
        <StockList
          area={area}
          items={items}
          totalValue={stock.data.totalValue}
          categories={categories}
          suppliers={suppliers}
          storageAreas={storageAreas}
          actions={rowActions}
          actionsWidth={rowActionsWidth(manager)}
          label={`${areaName} stock`}
        />
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
      <StorageDrawer opened={storageOpen} area={area} items={offered} canManage={manager} onClose={closeStorage} />
    </Page>
  );
}

/** The list given last time while it holds the same values in the same order. */
function useSameList(list: string[]): string[] {
  const kept = useRef(list);
  const same = kept.current.length === list.length && kept.current.every((value, i) => value === list[i]);
  if (!same) kept.current = list;
  return kept.current;
}
