import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import type { CentralSettings } from '../../../shared/contract/central';
import { canManage } from '../../../shared/domain';
import { plural } from '../../ui/format';
import { notifyDone } from '../../ui/notify';
import { useSignedIn } from '../auth/signed-in';
import { useSyncStatus } from '../sync/sync-api';
import { STATE_LABELS } from '../sync/sync-states';
import { ConnectionForm } from './ConnectionForm';
import { configuredServer, useCentralSettings, useDisconnect } from './central-api';
import { useSetupDialog } from './SetupServerDialog';

function DisconnectButton({ server, waiting }: { server: string; waiting: number }) {
  const [asking, setAsking] = useState(false);
  const disconnect = useDisconnect();
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        leftSection={<IconPlugConnectedX size={14} />}
        onClick={() => setAsking(true)}
      >
        Disconnect…
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Disconnect this computer?">
        <Stack gap="md">
          <Text size="sm">
            This computer stops syncing with <b>{server}</b>. Everything stays saved here, and the server keeps its
            copy.
          </Text>
          {waiting > 0 && (
            <Alert color="orange" variant="light">
              {plural(waiting, 'change')} made here {waiting === 1 ? 'has' : 'have'} not reached the server yet and will
              not while disconnected.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={disconnect.isPending}
              onClick={() =>
                disconnect.mutate(
                  {},
                  {
                    onSuccess: () => {
                      setAsking(false);
                      notifyDone(`Disconnected from ${server}.`);
                    },
                  },
                )
              }
            >
              Disconnect
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Staff see where this computer syncs, not how to change it. */
function ReadOnlySettings({ current }: { current: CentralSettings }) {
  if (!current.settings) return null;
  const rows = [
    ['Host', `${current.settings.host}:${current.settings.port}`],
    ['Database', current.settings.database],
    ['User', current.settings.user],
    ['CA bundle', current.settings.caFile],
  ];
  return (
    <Stack gap="xs">
      <Table verticalSpacing={6} withRowBorders={false} fz="sm">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={120} fw={500} c="dimmed">
                {label}
              </Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        Only an owner or a manager can change the central server.
      </Text>
    </Stack>
  );
}

/** Settings → Central server: where this computer syncs, and (owners, managers) how to change it. */
export function CentralServerPanel() {
  const { user, restaurant } = useSignedIn();
  const settings = useCentralSettings();
  const status = useSyncStatus().data;
  const setup = useSetupDialog();
  const current = settings.data;
  const server = configuredServer(current);
  const state = status ? STATE_LABELS[status.state] : null;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="central-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} fz="lg" id="central-title">
              Central server
            </Title>
            <Text size="sm" c="dimmed">
              {server
                ? `This computer syncs ${restaurant.name} with ${server}.`
                : 'Not connected: the data stays on this computer. Connect a PostgreSQL server (e.g. AWS RDS) to share it between computers.'}
            </Text>
          </div>
          {server && state && (
            <Badge color={state.color} variant="light" style={{ flexShrink: 0 }}>
              {state.label}
            </Badge>
          )}
        </Group>
        {settings.isPending && <Loader size="sm" aria-label="Loading the central server settings" />}
        {settings.isError && <Alert color="red">{settings.error.message}</Alert>}
        {current && !canManage(user.role) && <ReadOnlySettings current={current} />}
        {current && canManage(user.role) && (
          <ConnectionForm
            current={current}
            joining={current.restaurantId === null ? restaurant.name : undefined}
            onSetUp={setup.open}
            extraActions={server && <DisconnectButton server={server} waiting={status?.waiting ?? 0} />}
          />
        )}
      </Stack>
      {setup.dialog}
    </Paper>
  );
}
