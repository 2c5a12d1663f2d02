import { Button, Group, Select, Stack } from '@mantine/core';
import { IconArrowLeft, IconDatabaseImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { type LegacyInput, legacyInput, type LegacyPreview as Preview } from '../../../shared/contract/legacy';
import { Form } from '../../forms/Form';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { CURRENCY_OPTIONS, OWN_CURRENCY } from '../../ui/currency-options';
import { notifyDone, READ_MS } from '../../ui/notify';
import { StepHeading } from '../auth/StepHeading';
import { LegacyFields } from './LegacyForm';
import { LegacyPreview } from './LegacyPreview';
import { useLegacyCall, useLegacyImport } from './legacy-api';

const BLANK: LegacyInput = {
  host: '',
  port: 5432,
  authDatabase: 'kitchenguard_auth',
  inventoryDatabase: 'kitchenguard_inventory',
  user: '',
  password: '',
  caFile: '',
  login: '',
  oldPassword: '',
};

/**
 * The sign-in screen's "Bring over from the old KitchenGuard": the old server and the person's old
 * sign-in, then the plan for their restaurant, then the import, which signs them in.
 */
export function LegacyImportStep({ onCancel }: { onCancel: () => void }) {
  const form = useContractForm(legacyInput, { defaultValues: BLANK });
  const preview = useLegacyCall('legacy.preview');
  const importing = useLegacyImport();
  const [shown, setShown] = useState<{ preview: Preview; input: LegacyInput } | null>(null);
  // The old KitchenGuard had no currency: a restaurant brought over now is given one, as at registration.
  const [currency, setCurrency] = useState<string | null>(OWN_CURRENCY ?? null);

  // The form starts at its first field; the plan at its top, where its heading names the restaurant.
  useEffect(() => {
    if (shown) document.getElementById('legacy-title')?.scrollIntoView({ block: 'start' });
    else form.setFocus('host');
  }, [form, shown]);

  const runPreview = form.handleSubmit(async (values) => {
    try {
      setShown({ preview: await preview.run(values), input: values });
    } catch (error) {
      showBridgeError(form, error);
    }
  });

  const runImport = async () => {
    if (!shown) return;
    try {
      const { report } = await importing.importAndSignIn({ ...shown.input, currency: currency ?? undefined });
      notifyDone(`The report is saved as ${report.file}`, `${shown.preview.restaurant.name} is brought over`, READ_MS);
    } catch (error) {
      // Back to the form, where the error is shown at its field.
      setShown(null);
      showBridgeError(form, error);
    }
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="legacy-title">
      <StepHeading
        id="legacy-title"
        title={shown ? `Bring over ${shown.preview.restaurant.name}` : 'Bring over from the old KitchenGuard'}
      >
        {shown
          ? 'Check the plan. Nothing is written on this computer until you import.'
          : 'Your restaurant, its people and its stock, from the old KitchenGuard into this computer.'}
      </StepHeading>
      {shown ? (
        <>
          <LegacyPreview preview={shown.preview} />
          {!shown.preview.restaurant.importedBefore && (
            <Select
              label="Currency"
              description="The old KitchenGuard showed money without one. Every computer shows it in this; owners and managers can change it in Settings."
              placeholder="Choose…"
              searchable
              data={CURRENCY_OPTIONS}
              value={currency}
              onChange={setCurrency}
            />
          )}
          <Group justify="space-between">
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setShown(null)}>
              Back
            </Button>
            <Button leftSection={<IconDatabaseImport size={16} />} loading={importing.pending} onClick={runImport}>
              Import and sign in
            </Button>
          </Group>
        </>
      ) : (
        <Form form={form} onSubmit={runPreview} aria-labelledby="legacy-title">
          <Stack gap="md">
            <LegacyFields form={form} />
            <Group justify="space-between">
              <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onCancel}>
                Back to sign in
              </Button>
              <Button type="submit" loading={preview.pending}>
                Preview
              </Button>
            </Group>
          </Stack>
        </Form>
      )}
    </Stack>
  );
}
