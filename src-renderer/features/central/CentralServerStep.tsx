import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { StepHeading } from '../auth/StepHeading';
import { ConnectionForm } from './ConnectionForm';
import { useCentralSettings } from './central-api';
import { useSetupDialog } from './SetupServerDialog';

/**
 * The sign-in screen's central-server step: a new computer connects to the restaurant's server,
 * then signs in with an account on it (or registers a restaurant there).
 */
export function CentralServerStep({ onDone }: { onDone: (connectedTo?: string) => void }) {
  const settings = useCentralSettings();
  const setup = useSetupDialog();

  return (
    <Stack gap="md">
      <StepHeading id="central-server-title" title="Central server">
        To share a restaurant between computers, connect this one to its PostgreSQL server, then sign in with your
        account there. Whoever set up the server has these details.
      </StepHeading>
      {settings.isPending && <Loader size="sm" aria-label="Loading the central server settings" />}
      {settings.isError && <Text c="red">{settings.error.message}</Text>}
      {settings.data && (
        <ConnectionForm
          current={settings.data}
          onSetUp={setup.open}
          onConnected={(server) => onDone(server)}
          autoFocus
        />
      )}
      <Group>
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => onDone()}>
          Back to sign in
        </Button>
      </Group>
      {setup.dialog}
    </Stack>
  );
}

/** Back on the sign-in screen after connecting: what comes next, above the form (not over it). */
export function ConnectedNotice({ server }: { server: string }) {
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={`Connected to ${server}`} w="100%">
      Sign in with your account on that server, or register a new restaurant there.
    </Alert>
  );
}
