import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconServerCog } from '@tabler/icons-react';
import { useState } from 'react';
import { setupInput } from '../../../shared/contract/central';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { PasswordField, TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { type SetupResult, useServerSetup } from './central-api';
import { type ServerAddress, ServerAddressFields } from './ServerAddressFields';

export type SetupStart = ServerAddress & { user: string };

function setupSummary(result: SetupResult, appUser: string): string {
  const schema =
    result.fromVersion === result.toVersion
      ? `The schema was already at version ${result.toVersion}: nothing needed changing.`
      : result.fromVersion === 0
        ? `The schema was created (version ${result.toVersion}).`
        : `The schema was upgraded from version ${result.fromVersion} to ${result.toVersion}.`;
  const role = result.roleCreated
    ? `The application user “${appUser}” was created.`
    : `The application user “${appUser}” was already there.`;
  return `${schema} ${role}`;
}

function SetupForm({ start, onDone }: { start: SetupStart; onDone: () => void }) {
  const setup = useServerSetup();
  const [result, setResult] = useState<{ text: string } | null>(null);
  const form = useContractForm(setupInput, {
    defaultValues: {
      host: start.host,
      port: start.port,
      database: start.database,
      caFile: start.caFile,
      adminUser: '',
      adminPassword: '',
      appUser: start.user,
      appPassword: '',
    },
    normalise: (values) => ({ ...values, appPassword: values.appPassword ? values.appPassword : undefined }),
  });
  const submit = form.handleSubmit(async (values) => {
    setResult(null);
    try {
      const done = await setup.run(values);
      setResult({ text: setupSummary(done, values.appUser) });
    } catch (error) {
      showBridgeError(form, error);
    } finally {
      // Asked for once, kept nowhere: the administrator's password leaves the form with the call.
      form.setValue('adminPassword', '');
      form.setValue('appPassword', '');
    }
  });

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Creates or upgrades KitchenGuard's tables on the server, and the application user the computers connect as. It
          needs a database administrator's account once (on AWS RDS, the master user); that password is not saved.
        </Text>
        <FormAlert form={form} />
        <ServerAddressFields form={form} />
        <SimpleGrid cols={2}>
          <TextField
            form={form}
            name="adminUser"
            label="Administrator user"
            withAsterisk
            placeholder="e.g. postgres"
            autoComplete="off"
          />
          <PasswordField
            form={form}
            name="adminPassword"
            label="Administrator password"
            withAsterisk
            description="Used for this set-up only, never saved"
            autoComplete="off"
          />
          <TextField
            form={form}
            name="appUser"
            label="Application user"
            withAsterisk
            description="The user the computers connect as"
            autoComplete="off"
          />
          <PasswordField
            form={form}
            name="appPassword"
            label="Application user's password"
            description="Optional: sets it (12 characters or more)"
            autoComplete="new-password"
          />
        </SimpleGrid>
        {result && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="The server is set up">
            {result.text}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {result ? 'Done' : 'Cancel'}
          </Button>
          <Button type="submit" loading={setup.pending} leftSection={<IconServerCog size={16} />}>
            Set up server
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

/** Opens with what the connection form held when "Set up server…" was chosen. */
export function useSetupDialog() {
  const [start, setStart] = useState<SetupStart | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (from: SetupStart) => {
    setStart(from);
    setOpened(true);
  };
  const dialog = (
    <Modal opened={opened} onClose={() => setOpened(false)} title="Set up the central server" size="lg">
      {/* The modal unmounts its content once closed: nothing typed here outlives the dialog. */}
      {start && <SetupForm start={start} onDone={() => setOpened(false)} />}
    </Modal>
  );
  return { open, dialog };
}
