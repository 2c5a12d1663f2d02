/**
 * Start a count: the kitchen, the bar or both; everything (full) or chosen storage areas and
 * categories (partial); as of a time (last night's close) or each line as of when it is counted;
 * blind (counters see no expected quantities) or not.
 */
import { Button, Checkbox, Group, Modal, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { countsChannels } from '../../../shared/contract/counts';
import { AREAS } from '../../../shared/domain';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { MultiSelectField, TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { capitalise } from '../../ui/format';
import { localMinute, typedTime } from '../../ui/local-time';
import { notifyDone } from '../../ui/notify';
import { useStock } from '../inventory/inventory-api';
import { useStorage } from '../storage/storage-api';
import { useStartCount } from './counts-api';

const startInput = countsChannels['counts.start'].input;

interface StartCountDialogProps {
  opened: boolean;
  onClose: () => void;
  onStarted: (countId: string) => void;
}

export function StartCountDialog({ opened, onClose, onStarted }: StartCountDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Start a count" size="lg">
      {opened && <StartCountForm onCancel={onClose} onStarted={onStarted} />}
    </Modal>
  );
}

/** Categories of the chosen sides' items, in name order. */
function useCategories(): Record<(typeof AREAS)[number], string[]> {
  const kitchen = useStock('kitchen');
  const bar = useStock('bar');
  const of = (items: { category: string }[] = []) =>
    [...new Set(items.map((item) => item.category).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  return { kitchen: of(kitchen.data?.items), bar: of(bar.data?.items) };
}

function StartCountForm({ onCancel, onStarted }: { onCancel: () => void; onStarted: (countId: string) => void }) {
  const start = useStartCount();
  const storage = useStorage();
  const categories = useCategories();
  const [asOfTime, setAsOfTime] = useState(false);
  const form = useContractForm(startInput, {
    defaultValues: { areas: [...AREAS], scope: 'full', storageAreaIds: [], categories: [], asOf: null, blind: false },
    normalise: (values) => ({
      ...values,
      asOf: asOfTime ? (typedTime(values.asOf ?? '') ?? '') : null,
      storageAreaIds: values.scope === 'partial' ? values.storageAreaIds : [],
      categories: values.scope === 'partial' ? values.categories : [],
    }),
  });
  const [areas = [], scope] = form.watch(['areas', 'scope']);
  const storageAreas = (storage.data?.areas ?? [])
    .filter((one) => !one.archived && areas.includes(one.area))
    .map((one) => ({ value: one.id, label: areas.length > 1 ? `${one.name} (${one.area})` : one.name }));
  const categoryChoices = [...new Set(areas.flatMap((side) => categories[side]))];

  const submit = form.handleSubmit((values) =>
    start.mutate(values, {
      onSuccess: (count) => {
        notifyDone('Count started: count each storage area on its sheet.');
        onStarted(count.id);
      },
      onError: (error) => showBridgeError(form, error),
    }),
  );

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <FormAlert form={form} />
        <Controller
          control={form.control}
          name="areas"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label="What is counted"
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            >
              <Group mt={6}>
                {AREAS.map((side) => (
                  <Checkbox key={side} value={side} label={capitalise(side)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={form.control}
          name="scope"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Full or partial
              </Text>
              <SegmentedControl
                value={field.value}
                onChange={field.onChange}
                data={[
                  { value: 'full', label: 'Full count: every item' },
                  { value: 'partial', label: 'Partial: chosen storage areas or categories' },
                ]}
              />
              <Text size="xs" c="dimmed">
                {field.value === 'full'
                  ? 'Items nobody counts are listed in review: keep what is expected, or set them to zero.'
                  : 'A partial count changes only what is counted: nothing else is set to zero.'}
              </Text>
            </Stack>
          )}
        />
        {scope === 'partial' && (
          <>
            <MultiSelectField
              form={form}
              name="storageAreaIds"
              label="Storage areas"
              placeholder="Walk-in cooler, cellar…"
              data={storageAreas}
            />
            <MultiSelectField
              form={form}
              name="categories"
              label="Categories"
              placeholder="Spirits, dairy…"
              data={categoryChoices}
            />
          </>
        )}
        <Radio.Group
          label="As of"
          value={asOfTime ? 'time' : 'each'}
          onChange={(value) => {
            setAsOfTime(value === 'time');
            if (value === 'time' && !form.getValues('asOf')) form.setValue('asOf', localMinute(new Date()));
          }}
        >
          <Stack gap={6} mt={6}>
            <Radio value="each" label="Each line as of when it is counted (the shop may stay open)" />
            <Radio value="time" label="One time for the whole count (last night's close)" />
          </Stack>
        </Radio.Group>
        {asOfTime && (
          <TextField
            form={form}
            name="asOf"
            type="datetime-local"
            label="Count as of"
            description="What was on the shelves at this time, on this computer's clock"
            max={localMinute(new Date())}
          />
        )}
        <Controller
          control={form.control}
          name="blind"
          render={({ field }) => (
            <Checkbox
              label="Blind count: counters do not see the expected quantities"
              checked={field.value ?? false}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
            />
          )}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={start.isPending}>
            Start the count
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
