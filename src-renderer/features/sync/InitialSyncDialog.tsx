import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatCount } from '../../ui/format';
import { useSyncStatus } from './sync-api';

/**
 * The first sync of a computer (or a full resync) brings the whole restaurant down: say so, with how
 * far it got, rather than showing empty lists. It may be closed; the status bar keeps the progress.
 */
export function InitialSyncDialog() {
  const status = useSyncStatus().data;
  const progress = status?.progress ?? null;
  const [closed, setClosed] = useState(false);
  // Reopens for the next initial sync, not for the rest of this one.
  const [shownFor, setShownFor] = useState(false);
  if (Boolean(progress) !== shownFor) {
    setShownFor(Boolean(progress));
    if (progress) setClosed(false);
  }
  const percent = progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0;

  return (
    <Modal
      opened={progress !== null && !closed}
      onClose={() => setClosed(true)}
      title="Getting your restaurant from the server"
      size={520}
    >
      <Stack gap="sm">
        <Progress value={percent} size="lg" animated aria-label="Initial sync progress" />
        <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {progress ? `${formatCount(progress.done)} of ${formatCount(progress.total)}` : 'Done'}
        </Text>
        <Text size="sm" c="dimmed">
          This computer is taking its own copy of the items, stock and team from {status?.server ?? 'the server'}. It
          happens once; afterwards only changes travel.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setClosed(true)}>
            Keep working
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
