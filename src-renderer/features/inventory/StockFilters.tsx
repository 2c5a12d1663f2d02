import { Button, Chip, Group, Select, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { memo } from 'react';
import { isFiltering, NO_FILTER, type StockFilter } from './stock-filter';

/** Part of the filter, merged into the rest (a whole filter replaces it). */
type ChangeFilter = (change: Partial<StockFilter>) => void;

interface StockFiltersProps {
  filter: StockFilter;
  /** Kept the same from render to render: a keystroke in the search renders the search box alone. */
  onChange: ChangeFilter;
  categories: string[];
  suppliers: string[];
}

/** Search as you type, narrow by category or supplier, or show only what must be ordered. */
export function StockFilters({ filter, onChange, categories, suppliers }: StockFiltersProps) {
  return (
    <Group gap="sm" wrap="nowrap">
      <TextInput
        aria-label="Search items"
        placeholder="Search name, category or supplier"
        leftSection={<IconSearch size={16} />}
        value={filter.search}
        onChange={(event) => onChange({ search: event.currentTarget.value })}
        style={{ flex: 1, maxWidth: 380 }}
        type="search"
      />
      <NarrowBy field="category" all="All categories" data={categories} value={filter.category} onChange={onChange} />
      <NarrowBy field="supplier" all="All suppliers" data={suppliers} value={filter.supplier} onChange={onChange} />
      <ToOrderOnly checked={filter.toOrderOnly} onChange={onChange} />
      <ClearFilters shown={isFiltering(filter)} onChange={onChange} />
    </Group>
  );
}

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
      clearable
      searchable
      w={190}
      nothingFoundMessage={`No such ${field}`}
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
