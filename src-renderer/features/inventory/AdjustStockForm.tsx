import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { adjustStockInput, type Item } from '../../../shared/contract/inventory';
import type { MovementReason } from '../../../shared/domain';
import { normaliseDecimal } from '../../forms/decimal-text';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { formatAmount } from '../../ui/format';
import { notifyDone } from '../../ui/notify';
import { useAdjustStock } from './inventory-api';
import { levelAfter, signedChange } from './stock-math';

const REASONS: Record<MovementReason, { label: string; amount: string; help: string }> = {
  delivery: { label: 'Delivery', amount: 'Amount received', help: 'Added to what is on hand.' },
  usage: { label: 'Usage', amount: 'Amount used', help: 'Taken off what is on hand.' },
  waste: { label: 'Waste', amount: 'Amount thrown away', help: 'Taken off what is on hand.' },
  correction: { label: 'Correction', amount: 'Change', help: 'Signed: 2 adds two, -2 takes two off.' },
  count: { label: 'Count', amount: 'Counted on the shelf', help: 'Replaces what is on hand.' },
};
const REASON_OPTIONS = Object.entries(REASONS).map(([value, { label }]) => ({ value, label }));

const typedChange = (reason: MovementReason, amount: string) => signedChange(reason, normaliseDecimal(amount));

export function AdjustStockForm({ item, onDone }: { item: Item; onDone: () => void }) {
  const adjust = useAdjustStock();
  const form = useContractForm(adjustStockInput, {
    defaultValues: { itemId: item.id, reason: 'delivery', quantity: '', note: '' },
    normalise: (values) => ({ ...values, quantity: typedChange(values.reason, values.quantity) }),
  });
  const [reason = 'delivery', amount = ''] = form.watch(['reason', 'quantity']);
  const after = amount.trim() === '' ? null : levelAfter(item.onHand, reason, typedChange(reason, amount));

  const submit = form.handleSubmit((values) =>
    adjust.mutate(values, {
      onSuccess: (updated) => {
        notifyDone(`${item.name}: ${formatAmount(updated.onHand, updated.unit)} on hand`);
        onDone();
      },
      onError: (error) => showBridgeError(form, error),
    }),
  );

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600} size="sm" truncate="end">
          {item.name}
        </Text>
        <Controller
          control={form.control}
          name="reason"
          render={({ field }) => (
            <SegmentedControl
              size="xs"
              fullWidth
              data={REASON_OPTIONS}
              value={field.value}
              onChange={(value) => field.onChange(value as MovementReason)}
              aria-label="Reason"
            />
          )}
        />
        <FormAlert form={form} />
        <TextField
          form={form}
          name="quantity"
          label={`${REASONS[reason].amount} (${item.unit})`}
          description={REASONS[reason].help}
          inputMode="decimal"
          autoComplete="off"
          data-autofocus
        />
        <TextField form={form} name="note" label="Note" placeholder="Optional, e.g. invoice 1042" autoComplete="off" />
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6} wrap="nowrap" aria-live="polite">
            <Text size="sm" c="dimmed">
              {formatAmount(item.onHand, item.unit)}
            </Text>
            {after !== null && (
              <>
                <IconArrowRight size={14} aria-label="becomes" />
                <Text size="sm" fw={600}>
                  {formatAmount(after, item.unit)}
                </Text>
              </>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" size="xs" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" size="xs" loading={adjust.isPending}>
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </Form>
  );
}
