/**
 * A side's storage areas (walk-in cooler, dry store…) in their order, and the shelf of the one
 * picked: its items in the order they stand. Both lists reorder by drag or Alt+↑/↓. Owners and
 * managers add, rename and archive storage areas; anyone puts items on shelves and orders them.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Drawer,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { memo, useMemo, useState } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import type { ShelvedArea, StorageArea } from '../../../shared/contract/storage';
import type { Area } from '../../../shared/domain';
import { capitalise } from '../../ui/format';
import { SortableList } from '../../ui/SortableList';
import { StorageAreaNameDialog } from './StorageAreaNameDialog';
import { useArchiveStorageArea, useMoveStorageArea, usePlaceItem, useRemoveFromShelf, useStorage } from './storage-api';

interface StorageDrawerProps {
  opened: boolean;
  area: Area;
  items: readonly Item[];
  canManage: boolean;
  onClose: () => void;
}

/** Rendered again when what it shows changes, not with every save on the stock screen behind it. */
export const StorageDrawer = memo(function StorageDrawer({
  opened,
  area,
  items,
  canManage,
  onClose,
}: StorageDrawerProps) {
  const storage = useStorage();
  const areas = useMemo(() => (storage.data?.areas ?? []).filter((one) => one.area === area), [storage.data, area]);
  const live = areas.filter((one) => !one.archived);
  const archived = areas.filter((one) => one.archived);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const picked = live.find((one) => one.id === pickedId) ?? live[0];
  const [naming, setNaming] = useState<{ renaming?: StorageArea } | null>(null);
  const move = useMoveStorageArea();
  const archive = useArchiveStorageArea();

  const areaActions = (row: ShelvedArea & { label: string }) => (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color="gray" size="sm">
        {row.itemIds.length} {row.itemIds.length === 1 ? 'item' : 'items'}
      </Badge>
      {canManage && (
        <>
          <Tooltip label="Rename">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Rename ${row.name}`}
              onClick={() => setNaming({ renaming: row })}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Archive: kept for past counts, no longer listed">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Archive ${row.name}`}
              onClick={() => archive.mutate({ id: row.id, archived: true })}
            >
              <IconArchive size={16} />
            </ActionIcon>
          </Tooltip>
        </>
      )}
    </Group>
  );

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={`${capitalise(area)} storage areas`}>
      <SimpleGrid cols={2} spacing="lg">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h5">
              Storage areas
            </Title>
            {canManage && (
              <Button size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setNaming({})}>
                New storage area
              </Button>
            )}
          </Group>
          {live.length === 0 ? (
            <Text size="sm" c="dimmed">
              {canManage
                ? `No ${area} storage areas yet. Add the places you count in: walk-in cooler, dry store, cellar…`
                : `No ${area} storage areas yet: an owner or a manager adds them.`}
            </Text>
          ) : (
            <SortableList
              rows={live.map((one) => ({ ...one, label: one.name }))}
              label={`${capitalise(area)} storage areas`}
              onMove={(row, toIndex) => move({ id: row.id, toIndex })}
              movable={canManage}
              selectedId={picked?.id ?? null}
              onSelect={(row) => setPickedId(row.id)}
              extra={areaActions}
            />
          )}
          {archived.length > 0 && (
            <Stack gap={4} mt="sm">
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Archived
              </Text>
              {archived.map((one) => (
                <Group key={one.id} justify="space-between" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    {one.name}
                  </Text>
                  {canManage && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconArchiveOff size={14} />}
                      onClick={() => archive.mutate({ id: one.id, archived: false })}
                    >
                      Restore
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
        {picked && <Shelf storageArea={picked} items={items} />}
      </SimpleGrid>
      <StorageAreaNameDialog
        opened={naming !== null}
        area={area}
        renaming={naming?.renaming}
        onClose={() => setNaming(null)}
        onSaved={(saved) => setPickedId(saved.id)}
      />
    </Drawer>
  );
});

/** One storage area's shelf: its items in the order they stand, and a way to put more there. */
function Shelf({ storageArea, items }: { storageArea: ShelvedArea; items: readonly Item[] }) {
  const place = usePlaceItem();
  const remove = useRemoveFromShelf();
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const rows = storageArea.itemIds.flatMap((id) => {
    const item = byId.get(id);
    return item ? [{ id, label: item.name }] : [];
  });
  const onShelf = new Set(storageArea.itemIds);
  const offShelf = items.filter((item) => !onShelf.has(item.id)).map((item) => ({ value: item.id, label: item.name }));
  const [choice, setChoice] = useState<string | null>(null);

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {storageArea.name}: shelf order
      </Title>
      <Select
        aria-label={`Put an item on the ${storageArea.name} shelf`}
        placeholder="Put an item on this shelf…"
        data={offShelf}
        value={choice}
        searchable
        clearable
        nothingFoundMessage="No such item, or it is on this shelf already"
        onChange={(itemId) => {
          setChoice(null);
          if (itemId) place({ storageAreaId: storageArea.id, itemId });
        }}
      />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing on this shelf yet. Put the items here in the order they stand, and counts follow it.
        </Text>
      ) : (
        <SortableList
          rows={rows}
          label={`${storageArea.name} shelf`}
          onMove={(row, toIndex) => place({ storageAreaId: storageArea.id, itemId: row.id, toIndex })}
          extra={(row) => (
            <Tooltip label="Take off this shelf">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Take ${row.label} off the ${storageArea.name} shelf`}
                onClick={() => remove.mutate({ storageAreaId: storageArea.id, itemId: row.id })}
              >
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        />
      )}
    </Stack>
  );
}
