import { Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UpdateChannel } from '../../../shared/contract/updates';
import { channelQuery, useChannelMutation } from '../../api/hooks';
import { FactRow } from '../../ui/FactRow';
import { formatDateTime } from '../../ui/format';
import { describeUpdate, isBusy } from './update-words';

const useUpdateStatus = () =>
  useQuery({
    ...channelQuery('updates.status', {}),
    refetchInterval: (query) => (query.state.data && isBusy(query.state.data.state) ? 1000 : false),
  });

/** Settings → About: this version, its channel, the last check, and the update's progress. */
export function AboutPanel() {
  const status = useUpdateStatus();
  const check = useChannelMutation('updates.check', { invalidates: ['updates.status'] });
  const setChannel = useChannelMutation('updates.setChannel', { invalidates: ['updates.status'] });
  const restart = useChannelMutation('updates.restart', {
    onSuccess: (outcome) => setConfirm(outcome.outcome === 'confirm' ? outcome.reason : null),
  });
  const [confirm, setConfirm] = useState<string | null>(null);
  const data = status.data;
  if (!data) return null;
  const canCheck = data.state.kind !== 'unavailable' && data.state.kind !== 'ready';

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="about-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="about-title">
          About KitchenGuard
        </Title>
        <Table verticalSpacing={6} withRowBorders={false} fz="sm" aria-label="About KitchenGuard">
          <Table.Tbody>
            <FactRow label="Version">{data.version}</FactRow>
            <FactRow label="Updates">
              <SegmentedControl
                size="xs"
                aria-label="Update channel"
                value={data.channel}
                disabled={setChannel.isPending}
                onChange={(channel) => setChannel.mutate({ channel: channel as UpdateChannel })}
                data={[
                  { value: 'stable', label: 'Stable' },
                  { value: 'beta', label: 'Beta (early versions)' },
                ]}
              />
            </FactRow>
            <FactRow label="Last check">{formatDateTime(data.lastCheckAt, 'Not yet')}</FactRow>
          </Table.Tbody>
        </Table>
        <Text size="sm" role="status" aria-label="Update status">
          {describeUpdate(data.state)}
        </Text>
        <Group gap="xs">
          {data.state.kind === 'ready' && (
            <Button size="xs" loading={restart.isPending} onClick={() => restart.mutate({ confirmed: false })}>
              Restart to update
            </Button>
          )}
          {canCheck && (
            <Button
              size="xs"
              variant="light"
              loading={check.isPending || isBusy(data.state)}
              onClick={() => check.mutate({})}
            >
              Check now
            </Button>
          )}
        </Group>
      </Stack>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Restart now?" centered>
        <Stack gap="md">
          <Text size="sm">{confirm}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              Not now
            </Button>
            <Button loading={restart.isPending} onClick={() => restart.mutate({ confirmed: true })}>
              Restart and update
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
