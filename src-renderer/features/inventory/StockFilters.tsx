import { Button, Chip, Group, Select, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { isFiltering, NO_FILTER, type StockFilter } from './stock-filter';

interface StockFiltersProps {
  filter: StockFilter;
  onChange: (filter: StockFilter) => void;
  categories: string[];
  suppliers: string[];
}

const NARROW_BY = [
  { field: 'category', label: 'Category', all: 'All categories' },
  { field: 'supplier', label: 'Supplier', all: 'All suppliers' },
] as const;

/** Search as you type, narrow by category or supplier, or show only what must be ordered. */
export function StockFilters({ filter, onChange, categories, suppliers }: StockFiltersProps) {
  const set = (change: Partial<StockFilter>) => onChange({ ...filter, ...change });
  return (
    <Group gap="sm" wrap="nowrap">
      <TextInput
        aria-label="Search items"
        placeholder="Search name, category or supplier"
        leftSection={<IconSearch size={16} />}
        value={filter.search}
        onChange={(event) => set({ search: event.currentTarget.value })}
        style={{ flex: 1, maxWidth: 380 }}
        type="search"
      />
      {NARROW_BY.map(({ field, label, all }) => (
        <Select
          key={field}
          aria-label={label}
          placeholder={all}
          data={field === 'category' ? categories : suppliers}
          value={filter[field]}
          onChange={(value) => set({ [field]: value })}
          clearable
          searchable
          w={190}
          nothingFoundMessage={`No such ${field}`}
        />
      ))}
      <Chip
        checked={filter.toOrderOnly}
        onChange={(toOrderOnly) => set({ toOrderOnly })}
        color="orange"
        variant="light"
      >
        To order only
      </Chip>
      {/* Always laid out, hidden (from screen readers and Tab too) while there is nothing to clear: the row does not shift. */}
      <Button
        variant="subtle"
        color="gray"
        leftSection={<IconX size={14} />}
        onClick={() => onChange(NO_FILTER)}
        style={{ flexShrink: 0, visibility: isFiltering(filter) ? 'visible' : 'hidden' }}
      >
        Clear
      </Button>
    </Group>
  );
}
