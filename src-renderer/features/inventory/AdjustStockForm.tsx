import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useRef, useState } from 'react';
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
import { localMinute, typedTime } from '../../ui/local-time';
import { notifyDone } from '../../ui/notify';
import { useSaveInProgress } from '../../ui/use-save-in-progress';
import { useAdjustStock } from './inventory-api';
import { goesNegative, levelAfter, signedChange } from './stock-math';

const REASONS: Record<MovementReason, { label: string; amount: string; help: string }> = {
  delivery: { label: 'Delivery', amount: 'Amount received', help: 'Added to what is on hand.' },
  usage: { label: 'Usage', amount: 'Amount used', help: 'Taken off what is on hand.' },
  waste: { label: 'Waste', amount: 'Amount thrown away', help: 'Taken off what is on hand.' },
  correction: { label: 'Correction', amount: 'Change', help: 'Signed: 2 adds two, -2 takes two off.' },
  count: { label: 'Count', amount: 'Counted on the shelf', help: 'Replaces what is on hand.' },
};
const REASON_OPTIONS = Object.entries(REASONS).map(([value, { label }]) => ({ value, label }));

const typedChange = (reason: MovementReason, amount: string) => signedChange(reason, normaliseDecimal(amount));

/**
 * When it happened: now, unless the person says earlier ("arrived this morning at 7"); a count's
 * as-of time. Typed in this computer's local time.
 */
function WhenField({ form, reason }: { form: AdjustForm; reason: MovementReason }) {
  const [earlier, setEarlier] = useState(false);
  const label = reason === 'count' ? 'As of' : 'When';
  if (!earlier)
    return (
      <Group gap="xs" wrap="nowrap">
        <Text size="sm">
          {label}: <b>now</b>
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => {
            form.setValue('occurredAt', localMinute(new Date()));
            setEarlier(true);
            setTimeout(() => form.setFocus('occurredAt'));
          }}
        >
          Earlier…
        </Button>
      </Group>
    );
  return (
    <TextField
      form={form}
      name="occurredAt"
      type="datetime-local"
      label={label}
      description="When it happened, if earlier than now"
      max={localMinute(new Date())}
    />
  );
}

type AdjustForm = ReturnType<typeof useAdjustForm>;

const useAdjustForm = (item: Item) =>
  useContractForm(adjustStockInput, {
    defaultValues: { itemId: item.id, reason: 'delivery', quantity: '', note: '', occurredAt: '' },
    normalise: (values) => ({
      ...values,
      quantity: typedChange(values.reason, values.quantity),
      occurredAt: typedTime(values.occurredAt),
    }),
    // The amount has the focus as the popover opens: choosing a reason first must not call it wrong.
    mode: 'onSubmit',
  });

export function AdjustStockForm({ item, onDone }: { item: Item; onDone: () => void }) {
  const save = useAdjustStock();
  const form = useAdjustForm(item);
  const [reason = 'delivery', amount = '', occurredAt = ''] = form.watch(['reason', 'quantity', 'occurredAt']);
  // A movement placed earlier may land before the latest count: the level after is the core's to say.
  const after =
    amount.trim() === '' || occurredAt !== '' ? null : levelAfter(item.onHand, reason, typedChange(reason, amount));
  const negative = goesNegative(item.onHand, after);
  // A reason chosen with the mouse leaves the focus where it was, then sends it to the amount;
  // the arrow keys keep it on the reasons, to move on through them.
  const byPointer = useRef(false);

  const saving = useSaveInProgress();

  const submit = form.handleSubmit((values) =>
    saving.run(async () => {
      try {
        const updated = await save(values);
        notifyDone(`${item.name}: ${formatAmount(updated.onHand, updated.unit)} on hand`);
        onDone();
      } catch (error) {
        showBridgeError(form, error);
      }
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
              onMouseDown={(event) => {
                byPointer.current = true;
                event.preventDefault();
              }}
              onKeyDown={() => {
                byPointer.current = false;
              }}
              onChange={(value) => {
                field.onChange(value as MovementReason);
                if (byPointer.current) form.setFocus('quantity');
              }}
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
        {/* After the note: amount, Tab, note stays the quick way for what happens now. */}
        <WhenField form={form} reason={reason} />
        {negative && (
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} role="status">
            <Text size="sm">
              This takes {item.name} below zero. Save anyway if it is right (a delivery not booked yet).
            </Text>
          </Alert>
        )}
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
            <Button type="submit" size="xs" color={negative ? 'orange' : undefined} loading={saving.slow}>
              {negative ? 'Save anyway' : 'Save'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Form>
  );
}
