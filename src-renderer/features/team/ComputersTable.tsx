import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { Computer } from '../../../shared/contract/team';
import { formatDateTime } from '../../ui/format';
import { useComputers, useRevokeComputer } from './team-api';

/**
 * Team → Computers: every computer enrolled on the central server for the restaurant, when it last
 * synced, and revoking one that is lost. Shown only where a central server is set up.
 */
export function ComputersTable() {
  const computers = useComputers();
  const revoke = useRevokeComputer();
  const [asked, setAsked] = useState<Computer | null>(null);
  const confirm = () => {
    if (asked) revoke.mutate({ deviceId: asked.deviceId }, { onSettled: () => setAsked(null) });
  };

  return (
    <Stack gap="xs">
      <div>
        <Title order={2} fz={18}>
          Computers
        </Title>
        <Text c="dimmed" size="sm">
          Each computer that reaches the central server for you, enrolled by an owner or a manager signing in on it.
          Revoke one that is lost: it can no longer reach the server.
        </Text>
      </div>
      <Paper withBorder radius="md">
        <Table layout="fixed" verticalSpacing="sm" horizontalSpacing="sm" aria-label="Computers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Computer</Table.Th>
              <Table.Th w={184}>Enrolled</Table.Th>
              <Table.Th w={184}>Last synced</Table.Th>
              <Table.Th w={130}>Status</Table.Th>
              <Table.Th w={110}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {computers.data?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    No computer is enrolled yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {computers.data?.map((computer) => (
              <ComputerRow key={computer.deviceId} computer={computer} onRevoke={() => setAsked(computer)} />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {computers.isError && (
        <Text size="sm" c="red">
          The computers could not be loaded: {computers.error.message}
        </Text>
      )}
      <Modal opened={asked !== null} onClose={() => setAsked(null)} title={`Revoke ${asked?.name ?? ''}?`}>
        <Stack gap="md">
          <Text size="sm">
            It can no longer reach the central server, and whoever is signed in on it is signed out there. Changes it
            has not sent stay on it; an owner or a manager signing in on it enrols it again.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsked(null)}>
              Keep it
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={confirm}>
              Revoke
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ComputerRow({ computer, onRevoke }: { computer: Computer; onRevoke: () => void }) {
  const revoked = computer.revokedAt !== null;
  return (
    <Table.Tr c={revoked ? 'dimmed' : undefined}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500} truncate="end">
            {computer.name}
          </Text>
          {computer.thisComputer && (
            <Badge size="sm" variant="light" tt="none" style={{ flex: 'none' }}>
              This computer
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate="end">
          by {computer.enrolledBy}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(computer.enrolledAt)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(computer.lastSyncAt)}</Table.Td>
      <Table.Td>
        <Badge color={revoked ? 'gray' : 'teal'} variant="light" tt="none">
          {revoked ? 'Revoked' : 'Active'}
        </Badge>
      </Table.Td>
      <Table.Td>
        {!revoked && !computer.thisComputer && (
          <Group justify="flex-end">
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              aria-label={`Revoke ${computer.name}`}
              onClick={onRevoke}
            >
              Revoke
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
