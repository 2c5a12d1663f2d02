/**
 * An item's count units in its dialog: a case of 12 bottles, a keg of 50 L, a bottle of 0.7 L
 * counted in tenths. Saved on their own (one list, the last saved wins); a trial count line shows
 * what a count would make of them, in words.
 */
import { ActionIcon, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { type CountUnit, evaluateCountLine, pluralUnit } from '../../../shared/count-units';
import { toBridgeError } from '../../api/bridge-error';
import { channelQuery, useChannelMutation } from '../../api/hooks';
import { notifyDone } from '../../ui/notify';

interface Row {
  name: string;
  size: string;
  step: string;
}

const toRow = (unit: CountUnit): Row => ({ name: unit.name, size: unit.size, step: unit.step ?? '' });
const toUnit = (row: Row): CountUnit => ({
  name: row.name,
  size: row.size,
  step: row.step.trim() === '' ? null : row.step,
});

export function CountUnitsEditor({ item }: { item: Item }) {
  const saved = useQuery(channelQuery('inventory.countUnits', { itemId: item.id }));
  if (!saved.data) return null;
  return <Editor key={JSON.stringify(saved.data.units)} item={item} units={saved.data.units} />;
}

function Editor({ item, units }: { item: Item; units: CountUnit[] }) {
  const [rows, setRows] = useState(units.map(toRow));
  const [trial, setTrial] = useState('');
  const save = useChannelMutation('inventory.setCountUnits', { invalidates: ['inventory.countUnits'], inForm: true });
  const issues = save.error ? issuesOf(save.error) : {};
  const change = (index: number, field: keyof Row, value: string) =>
    setRows((now) => now.map((row, n) => (n === index ? { ...row, [field]: value } : row)));
  const counted = trial.trim() === '' ? null : evaluateCountLine(trial, { unit: item.unit, countUnits: units });
  const stock = pluralUnit(item.unit);

  return (
    <Stack gap="xs">
      <Divider label="Count units" labelPosition="left" />
      <Text size="xs" c="dimmed">
        Other units this item is counted in, each an exact number of {stock}: a case of 12, a keg of 50… Parts of 0.1
        count in tenths; left empty, whole ones only. Saved on their own, with the button below.
      </Text>
      {rows.length > 0 && (
        <Group gap="xs" wrap="nowrap" aria-hidden>
          <Text size="xs" fw={600} w={140}>
            Unit
          </Text>
          <Text size="xs" fw={600} w={150}>
            Holds
          </Text>
          <Text size="xs" fw={600} w={90}>
            Parts
          </Text>
        </Group>
      )}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; their place is who they are
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`Count unit ${index + 1}: name`}
            placeholder="case"
            value={row.name}
            onChange={(event) => change(index, 'name', event.currentTarget.value)}
            error={issues[`units.${index}.name`]}
            w={140}
          />
          <TextInput
            aria-label={`Count unit ${index + 1}: ${stock} in one`}
            placeholder="12"
            leftSection={<Text size="xs">=</Text>}
            rightSection={<Text size="xs">{stock}</Text>}
            rightSectionWidth={64}
            value={row.size}
            onChange={(event) => change(index, 'size', event.currentTarget.value)}
            error={issues[`units.${index}.size`]}
            inputMode="decimal"
            w={150}
          />
          <TextInput
            aria-label={`Count unit ${index + 1}: parts counted`}
            placeholder="whole"
            value={row.step}
            onChange={(event) => change(index, 'step', event.currentTarget.value)}
            error={issues[`units.${index}.step`]}
            inputMode="decimal"
            w={90}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={4}
            aria-label={`Remove count unit ${index + 1}`}
            onClick={() => setRows((now) => now.filter((_, n) => n !== index))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {issues[''] && (
        <Text size="sm" c="red">
          {issues['']}
        </Text>
      )}
      <Group gap="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => setRows((now) => [...now, { name: '', size: '', step: '' }])}
        >
          Add a count unit
        </Button>
        <Button
          variant="light"
          size="compact-sm"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { itemId: item.id, units: rows.map(toUnit) },
              { onSuccess: () => notifyDone(`Count units of ${item.name} saved.`) },
            )
          }
        >
          Save count units
        </Button>
      </Group>
      <TextInput
        label="Try a count"
        placeholder={units[0] ? `2 ${pluralUnit(units[0].name)} + 5` : '3 + 2'}
        value={trial}
        onChange={(event) => setTrial(event.currentTarget.value)}
        description={counted?.ok ? counted.words : 'How a count line of saved units reads'}
        error={counted && !counted.ok ? counted.problem : undefined}
      />
    </Stack>
  );
}

/** The core's field messages by path ("units.0.size"), and "" for the rest. */
function issuesOf(error: unknown): Record<string, string> {
  const { appError } = toBridgeError(error);
  if (appError.kind !== 'validation') return { '': appError.message };
  return Object.fromEntries(
    appError.issues.map((issue) => [issue.path.startsWith('units') ? issue.path : '', issue.message]),
  );
}
