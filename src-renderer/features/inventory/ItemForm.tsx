import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useRef } from 'react';
import { type CreateItemInput, createItemInput, type Item } from '../../../shared/contract/inventory';
import type { Area } from '../../../shared/domain';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { TextField } from '../../forms/fields';
import { SuggestField } from '../../forms/SuggestField';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { notifyDone } from '../../ui/notify';
import { useCreateItem, useUpdateItem } from './inventory-api';
import { normaliseItem } from './quick-entry';

export interface ItemSuggestions {
  names: string[];
  categories: string[];
  suppliers: string[];
  units: string[];
}

interface ItemFormProps {
  area: Area;
  /** The item being edited; absent when adding one. */
  item?: Item;
  suggestions: ItemSuggestions;
  onDone: () => void;
}

const EDITABLE = ['name', 'category', 'supplier', 'unit', 'unitCost', 'par'] as const;

const valuesOf = (area: Area, item?: Item): CreateItemInput => ({
  area,
  name: item?.name ?? '',
  category: item?.category ?? '',
  supplier: item?.supplier ?? '',
  unit: item?.unit ?? '',
  unitCost: item?.unitCost ?? '',
  par: item?.par ?? '',
  openingStock: '',
});

/**
 * Add or edit an item. Both validate with the create schema (the fields are the same); an edit sends
 * only the fields that changed, so edits from two devices to different fields both survive a sync.
 */
export function ItemForm({ area, item, suggestions, onDone }: ItemFormProps) {
  const create = useCreateItem();
  const update = useUpdateItem();
  const form = useContractForm(createItemInput, {
    defaultValues: valuesOf(area, item),
    normalise: normaliseItem,
  });
  const { dirtyFields } = form.formState;
  const saving = create.isPending || update.isPending;
  const done = (verb: string) => (saved: Item) => {
    notifyDone(`${saved.name} ${verb}.`);
    onDone();
  };
  const onError = (error: unknown) => showBridgeError(form, error);
  // "Save and add another": the next item of a delivery often shares its category, supplier and unit.
  const another = useRef(false);
  const next = (saved: Item) => {
    notifyDone(`${saved.name} added to the ${area}.`);
    const { category, supplier, unit } = form.getValues();
    form.reset({ ...valuesOf(area), category, supplier, unit });
    // After the reset's render, which registers the fields afresh.
    requestAnimationFrame(() => form.setFocus('name'));
  };

  const submit = form.handleSubmit((values) => {
    if (!item) {
      const onSuccess = another.current ? next : done(`added to the ${area}`);
      return create.mutate(values, { onSuccess, onError });
    }
    const changed = EDITABLE.filter((field) => dirtyFields[field]);
    if (changed.length === 0) return onDone();
    const patch = Object.fromEntries(changed.map((field) => [field, values[field]]));
    update.mutate({ id: item.id, ...patch }, { onSuccess: done('saved'), onError });
  });

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <FormAlert form={form} />
        <SuggestField
          control={form.control}
          name="name"
          label="Name"
          required
          autoFocus
          placeholder={area === 'bar' ? 'e.g. Gin, London dry' : 'e.g. Tomatoes, vine'}
          data={suggestions.names}
        />
        <SimpleGrid cols={2}>
          <SuggestField control={form.control} name="category" label="Category" data={suggestions.categories} />
          <SuggestField control={form.control} name="supplier" label="Supplier" data={suggestions.suppliers} />
          <SuggestField
            control={form.control}
            name="unit"
            label="Unit"
            required
            description="How you count it: kg, bottle, case…"
            data={suggestions.units}
          />
          <TextField
            form={form}
            name="unitCost"
            label="Unit cost"
            withAsterisk
            placeholder="0.00"
            description="Price of one unit"
            inputMode="decimal"
            autoComplete="off"
          />
          <TextField
            form={form}
            name="par"
            label="Par level"
            placeholder="Not set"
            description="Order when stock falls below this"
            inputMode="decimal"
            autoComplete="off"
          />
          {!item && (
            <TextField
              form={form}
              name="openingStock"
              label="Opening stock"
              placeholder="0"
              description="What is on the shelf now"
              inputMode="decimal"
              autoComplete="off"
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          {/* Not a submit button: Enter keeps meaning "Add item" (the form's first submit button). */}
          {!item && (
            <Button
              variant="light"
              onClick={() => {
                if (saving) return;
                another.current = true;
                submit();
              }}
            >
              Save and add another
            </Button>
          )}
          <Button
            type="submit"
            loading={saving}
            onClick={() => {
              another.current = false;
            }}
          >
            {item ? 'Save changes' : 'Add item'}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
