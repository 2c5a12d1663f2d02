import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { setCurrencyInput } from '../../../shared/contract/auth';
import { currencyLabel } from '../../../shared/currency';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { SelectField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { CURRENCY_OPTIONS } from '../../ui/currency-options';
import { notifyDone } from '../../ui/notify';
import { useSignedIn } from '../auth/signed-in';
import { useSetCurrency } from './settings-api';

/** The restaurant's currency (owners and managers): every computer of the restaurant shows money in it. */
export function CurrencyForm() {
  const { restaurant } = useSignedIn();
  const save = useSetCurrency();
  const form = useContractForm(setCurrencyInput, { defaultValues: { currency: restaurant.currency ?? undefined } });
  const submit = form.handleSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => notifyDone(`Money now shows in ${currencyLabel(saved.currency ?? values.currency)}.`),
      onError: (error) => showBridgeError(form, error),
    }),
  );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="currency-title">
      <Form form={form} onSubmit={submit}>
        <Stack gap="md">
          <Title order={2} fz="lg" id="currency-title">
            Restaurant currency
          </Title>
          <Text size="sm" c="dimmed">
            Unit costs and stock values of {restaurant.name} show in it, on every computer of the restaurant.
          </Text>
          <FormAlert form={form} />
          <SelectField
            form={form}
            name="currency"
            label="Currency"
            placeholder="Choose…"
            searchable
            data={CURRENCY_OPTIONS}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save currency
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
