import { Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Backup } from '../../../shared/contract/backups';
import { formatDateTime, plural } from '../../ui/format';
import { notifyDone } from '../../ui/notify';
import { useBackups, useMakeBackup, useRestoreBackup, useSaveBackupCopy } from './backups-api';

const why = (label: string): string => {
  if (label === 'daily') return 'Daily';
  if (label === 'manual') return 'By hand';
  if (label.startsWith('before-')) return 'Before an update';
  return label;
};

const size = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Copies of this computer's data: list them, make one now, save one elsewhere, put one back (asked first). */
export function BackupsPanel() {
  const backups = useBackups();
  const make = useMakeBackup();
  const saveCopy = useSaveBackupCopy();
  const [restoring, setRestoring] = useState<Backup | null>(null);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="backups-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="backups-title">
            Backups
          </Title>
          <Button
            size="xs"
            variant="light"
            loading={make.isPending}
            onClick={() => make.mutate({}, { onSuccess: () => notifyDone('Backup made.') })}
          >
            Make a backup now
          </Button>
        </Group>
        {backups.isPending && <Loader size="sm" aria-label="Loading" />}
        {backups.isError && <Text c="red">{backups.error.message}</Text>}
        {backups.data && backups.data.backups.length === 0 && (
          <Text size="sm" c="dimmed">
            No backups yet. One is made every day and before every update.
          </Text>
        )}
        {backups.data && backups.data.backups.length > 0 && (
          <Table fz="sm" verticalSpacing={6} aria-label="Backups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Made</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Items</Table.Th>
                <Table.Th>Check</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.data.backups.map((backup) => (
                <Table.Tr key={backup.name}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(backup.madeAt)}
                    <Text size="xs" c="dimmed">
                      {size(backup.bytes)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{why(backup.label)}</Table.Td>
                  <Table.Td>{backup.items ?? '–'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} c={backup.checked ? 'teal' : 'red'}>
                      {backup.checked ? 'Sound' : 'Damaged'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={!backup.checked}
                        loading={saveCopy.isPending && saveCopy.variables?.name === backup.name}
                        onClick={() => saveCopy.mutate({ name: backup.name })}
                        aria-label={`Save a copy of the backup made ${formatDateTime(backup.madeAt)}`}
                      >
                        Save a copy…
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={!backup.checked}
                        onClick={() => setRestoring(backup)}
                        aria-label={`Restore the backup made ${formatDateTime(backup.madeAt)}`}
                      >
                        Restore
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {backups.data && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            Kept in {backups.data.folder}
          </Text>
        )}
      </Stack>
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </Paper>
  );
}

function RestoreDialog({ backup, onClose }: { backup: Backup | null; onClose: () => void }) {
  const restore = useRestoreBackup();
  return (
    <Modal
      opened={backup !== null}
      onClose={onClose}
      title={backup ? `Restore the backup made ${formatDateTime(backup.madeAt)}?` : ''}
      size="md"
    >
      <Stack gap="xs">
        <Text size="sm">
          Everything on this computer goes back to how it was then ({plural(backup?.items ?? 0, 'item')}). The data as
          it is now is kept aside in the data folder, so nothing is thrown away.
        </Text>
        <Text size="sm">With a central server, this computer then catches up with what the others did since.</Text>
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} data-autofocus>
          Keep the current data
        </Button>
        <Button color="red" loading={restore.isPending} onClick={() => backup && restore.mutate({ name: backup.name })}>
          Restore this backup
        </Button>
      </Group>
    </Modal>
  );
}
