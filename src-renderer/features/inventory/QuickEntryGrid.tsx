import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import type { Area } from '../../../shared/domain';
import { toBridgeError } from '../../api/bridge-error';
import { plural } from '../../ui/format';
import { notifyDone } from '../../ui/notify';
import type { ItemSuggestions } from './ItemForm';
import { useCreateItem } from './inventory-api';
import classes from './QuickEntryGrid.module.css';
import { checkRow, errorsFromCore, GRID_COLUMNS, type GridField, type GridRow, gridRow, isBlank } from './quick-entry';

const FIRST_ROWS = 5;
/** Columns that complete from what the restaurant already uses. */
const LISTS: Partial<Record<GridField, keyof ItemSuggestions>> = {
  category: 'categories',
  supplier: 'suppliers',
  unit: 'units',
};

interface QuickEntryGridProps {
  area: Area;
  suggestions: ItemSuggestions;
  onClose: () => void;
}

/**
 * Many items at once: type, Tab to the next cell, Enter to the next row's name (a row is added at
 * the end). Category, supplier and unit complete from what the restaurant uses. Save adds the rows
 * that are right and keeps the others, each error at its cell, for fixing.
 */
export function QuickEntryGrid({ area, suggestions, onClose }: QuickEntryGridProps) {
  const create = useCreateItem();
  const [rows, setRows] = useState(() => Array.from({ length: FIRST_ROWS }, () => gridRow()));
  const [saving, setSaving] = useState(false);
  const table = useRef<HTMLTableElement>(null);
  const listId = (field: GridField) => `${area}-quick-${field}`;

  const focusName = (index: number) =>
    requestAnimationFrame(() =>
      table.current?.querySelectorAll<HTMLInputElement>('input[name="name"]')[index]?.focus(),
    );

  const change = (key: number, field: GridField, value: string) =>
    setRows((all) =>
      all.map((row) => (row.key === key ? { ...row, values: { ...row.values, [field]: value }, errors: {} } : row)),
    );

  const nextRow = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (index === rows.length - 1) setRows((all) => [...all, gridRow()]);
    focusName(index + 1);
  };

  const save = async () => {
    setSaving(true);
    const kept: GridRow[] = [];
    let added = 0;
    for (const row of rows) {
      if (isBlank(row)) continue;
      const checked = checkRow(area, row);
      if ('errors' in checked) {
        kept.push({ ...row, errors: checked.errors });
        continue;
      }
      try {
        await create.mutateAsync(checked.input);
        added++;
      } catch (error) {
        kept.push({ ...row, errors: errorsFromCore(toBridgeError(error).appError) });
      }
    }
    setSaving(false);
    setRows(kept.length > 0 ? kept : [gridRow()]);
    if (added > 0) notifyDone(`${plural(added, 'item')} added to the ${area}.`);
    if (kept.length === 0) onClose();
    else focusName(0);
  };

  const withErrors = rows.filter((row) => Object.keys(row.errors).length > 0).length;

  return (
    <Stack gap="sm">
      {withErrors > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {plural(withErrors, 'row')} to fix: the rest are saved. Each error is at its cell.
        </Alert>
      )}
      <div className={classes.scroll}>
        <Table ref={table} withTableBorder withColumnBorders className={classes.grid} aria-label={`New ${area} items`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th className={classes.number}>#</Table.Th>
              {GRID_COLUMNS.map((column) => (
                <Table.Th key={column.field}>{column.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={row.key} data-invalid={Object.keys(row.errors).length > 0 || undefined}>
                <Table.Td className={classes.number}>{index + 1}</Table.Td>
                {GRID_COLUMNS.map(({ field, label }) => {
                  const error = row.errors[field] ?? (field === 'name' ? row.errors.row : undefined);
                  const errorId = `${listId(field)}-${row.key}-error`;
                  const list = LISTS[field];
                  return (
                    <Table.Td key={field} className={classes.cell}>
                      <input
                        className={classes.input}
                        name={field}
                        aria-label={`${label}, row ${index + 1}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        list={list ? listId(field) : undefined}
                        autoComplete="off"
                        inputMode={
                          field === 'unitCost' || field === 'par' || field === 'openingStock' ? 'decimal' : undefined
                        }
                        value={row.values[field]}
                        onChange={(event) => change(row.key, field, event.currentTarget.value)}
                        onKeyDown={nextRow(index)}
                      />
                      {error && (
                        <Text id={errorId} size="xs" c="red.7" className={classes.error}>
                          {error}
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {Object.entries(LISTS).map(([field, list]) => (
        <datalist key={field} id={listId(field as GridField)}>
          {suggestions[list].map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      ))}
      <Group justify="space-between">
        <Button variant="subtle" onClick={() => setRows((all) => [...all, gridRow()])}>
          Add a row
        </Button>
        <Group gap="sm">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button onClick={save} loading={saving}>
            Save items
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
