import { Button, Chip, Group, Select, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { memo } from 'react';
import type { ShelvedArea } from '../../../shared/contract/storage';
import { ON_NO_SHELF } from '../storage/stock-by-storage';
import { isFiltering, NO_FILTER, type StockFilter } from './stock-filter';

/** Part of the filter, merged into the rest (a whole filter replaces it). */
type ChangeFilter = (change: Partial<StockFilter>) => void;

interface StockFiltersProps {
  filter: StockFilter;
  /** Kept the same from render to render: a keystroke in the search renders the search box alone. */
  onChange: ChangeFilter;
  categories: string[];
  suppliers: string[];
  storageAreas: readonly ShelvedArea[];
  /** Grouped by storage area. */
  grouped: boolean;
  onGroup: (grouped: boolean) => void;
}

/** Search as you type, narrow by category or supplier, or show only what must be ordered. */
export function StockFilters({
  filter,
  onChange,
  categories,
  suppliers,
  storageAreas,
  grouped,
  onGroup,
}: StockFiltersProps) {
  return (
    <Group gap="sm" wrap="nowrap">
      <TextInput
        aria-label="Search items"
        placeholder="Search name, category or supplier"
        leftSection={<IconSearch size={16} />}
        value={filter.search}
        onChange={(event) => onChange({ search: event.currentTarget.value })}
        style={{ flex: 1, minWidth: 160, maxWidth: 380 }}
        type="search"
      />
      <NarrowBy field="category" all="All categories" data={categories} value={filter.category} onChange={onChange} />
      <NarrowBy field="supplier" all="All suppliers" data={suppliers} value={filter.supplier} onChange={onChange} />
      {storageAreas.length > 0 && (
        <ByStorage
          storageAreas={storageAreas}
          value={filter.storageArea}
          onChange={onChange}
          grouped={grouped}
          onGroup={onGroup}
        />
      )}
      <ToOrderOnly checked={filter.toOrderOnly} onChange={onChange} />
      <ClearFilters shown={isFiltering(filter)} onChange={onChange} />
    </Group>
  );
}

/**
 * A chosen value shows the clear button alone, not the arrow beside it too: with both, "By storage
 * area" or "Coastal Seafood" ran on under them at a laptop's width.
 */
const CHOSEN_FITS = { clearable: true, clearSectionMode: 'clear', searchable: true } as const;

interface NarrowByProps {
  field: 'category' | 'supplier';
  all: string;
  data: string[];
  value: string | null;
  onChange: ChangeFilter;
}

const NarrowBy = memo(function NarrowBy({ field, all, data, value, onChange }: NarrowByProps) {
  return (
    <Select
      aria-label={field === 'category' ? 'Category' : 'Supplier'}
      placeholder={all}
      data={data}
      value={value}
      onChange={(chosen) => onChange({ [field]: chosen })}
      {...CHOSEN_FITS}
      w={180}
      nothingFoundMessage={`No such ${field}`}
    />
  );
});

interface ByStorageProps {
  storageAreas: readonly ShelvedArea[];
  value: string | null;
  onChange: ChangeFilter;
  grouped: boolean;
  onGroup: (grouped: boolean) => void;
}

/** The choice that groups the list by storage area rather than narrowing it. */
const GROUPED = 'grouped';

/**
 * Everything grouped by storage area, one storage area's shelf (in shelf order), or what stands on
 * no shelf: one box, so the row of filters fits a laptop's width.
 */
const ByStorage = memo(function ByStorage({ storageAreas, value, onChange, grouped, onGroup }: ByStorageProps) {
  const data = [
    { value: GROUPED, label: 'By storage area' },
    ...storageAreas.map((area) => ({ value: area.id, label: area.name })),
    { value: ON_NO_SHELF, label: 'On no shelf' },
  ];
  return (
    <Select
      aria-label="Storage area"
      placeholder="All storage areas"
      data={data}
      value={grouped ? GROUPED : value}
      onChange={(chosen) => {
        onGroup(chosen === GROUPED);
        onChange({ storageArea: chosen === GROUPED ? null : chosen });
      }}
      {...CHOSEN_FITS}
      w={190}
      nothingFoundMessage="No such storage area"
    />
  );
});

const ToOrderOnly = memo(function ToOrderOnly({ checked, onChange }: { checked: boolean; onChange: ChangeFilter }) {
  return (
    <Chip checked={checked} onChange={(toOrderOnly) => onChange({ toOrderOnly })} color="orange" variant="light">
      To order only
    </Chip>
  );
});

/** Always laid out, hidden (from screen readers and Tab too) while there is nothing to clear: the row does not shift. */
const ClearFilters = memo(function ClearFilters({ shown, onChange }: { shown: boolean; onChange: ChangeFilter }) {
  return (
    <Button
      variant="subtle"
      color="gray"
      leftSection={<IconX size={14} />}
      onClick={() => onChange(NO_FILTER)}
      style={{ flexShrink: 0, visibility: shown ? 'visible' : 'hidden' }}
    >
      Clear
    </Button>
  );
});
