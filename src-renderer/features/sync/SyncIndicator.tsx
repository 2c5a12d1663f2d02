import { Badge, Button, Group, Progress, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconCloud, IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { SyncStatus } from '../../../shared/contract/sync';
import { formatAgo, formatCount, formatDateTime, plural } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { RejectionsDrawer } from './RejectionsDrawer';
import { useSyncNow, useSyncStatus } from './sync-api';
import { canSyncNow, clockWarning, describeState, STATE_LABELS } from './sync-states';

const ICON = 14;
/** Everything but the last error keeps its size when the bar is short of room. */
const KEEP = { flexShrink: 0, whiteSpace: 'nowrap' } as const;

function StateBadge({ status }: { status: SyncStatus }) {
  const { label, color } = STATE_LABELS[status.state];
  const Icon = status.state === 'online' || status.state === 'syncing' ? IconCloud : IconCloudOff;
  return (
    <Tooltip label={describeState(status)} multiline maw={360} events={{ hover: true, focus: true, touch: true }}>
      <Badge
        color={color}
        variant="light"
        tt="none"
        leftSection={<Icon size={12} />}
        tabIndex={0}
        role="status"
        style={KEEP}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}

/** Being offline is expected now and then (orange); anything else needs someone (red). */
function LastError({ message, offline }: { message: string; offline: boolean }) {
  const color = offline ? 'orange.8' : 'red.8';
  return (
    <Tooltip label={message} multiline maw={420} events={{ hover: true, focus: true, touch: true }}>
      <Group
        gap={4}
        wrap="nowrap"
        c={color}
        tabIndex={0}
        maw={300}
        miw={60}
        style={{ flexShrink: 1 }}
        aria-label={message}
      >
        <IconAlertTriangle size={ICON} style={{ flexShrink: 0 }} />
        <Text size="xs" c={color} truncate="end">
          {message}
        </Text>
      </Group>
    </Tooltip>
  );
}

/** A clock more than two minutes off the server's, in words, with what to do on hover. */
function ClockWarning({ label, detail }: { label: string; detail: string }) {
  return (
    <Tooltip label={detail} multiline maw={420} events={{ hover: true, focus: true, touch: true }}>
      <Group gap={4} wrap="nowrap" c="orange.8" tabIndex={0} style={KEEP} aria-label={detail}>
        <IconClockExclamation size={ICON} />
        <Text size="xs" c="orange.8">
          {label}
        </Text>
      </Group>
    </Tooltip>
  );
}

function InitialSyncBar({ done, total }: { done: number; total: number }) {
  return (
    <Group gap={6} wrap="nowrap" style={KEEP}>
      <Progress value={total > 0 ? (100 * done) / total : 0} w={90} size="sm" animated aria-label="Initial sync" />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatCount(done)} of {formatCount(total)}
      </Text>
    </Group>
  );
}

/**
 * The status bar's sync corner: the state in words and colour, what waits to go up, when it last
 * synced, the last error, what the server refused, and "Sync now".
 */
export function SyncIndicator({ signedIn }: { signedIn: boolean }) {
  const status = useSyncStatus().data;
  const syncNow = useSyncNow();
  const now = useNow();
  const [showRefused, setShowRefused] = useState(false);
  if (!status) return null;
  const configured = status.state !== 'not_configured';
  const clock = clockWarning(status);

  return (
    <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
      {status.lastError && <LastError message={status.lastError} offline={status.state === 'offline'} />}
      {status.progress && <InitialSyncBar {...status.progress} />}
      {configured && clock && <ClockWarning {...clock} />}
      {signedIn && status.rejections > 0 && (
        <Button size="compact-xs" variant="light" color="red" onClick={() => setShowRefused(true)} style={KEEP}>
          {plural(status.rejections, 'change')} refused
        </Button>
      )}
      {configured && status.waiting > 0 && (
        <Text size="xs" fw={500} style={KEEP}>
          {plural(status.waiting, 'change')} to send
        </Text>
      )}
      {configured && status.lastSyncedAt && (
        <Text size="xs" c="dimmed" title={formatDateTime(status.lastSyncedAt)} style={KEEP}>
          Synced {formatAgo(status.lastSyncedAt, now)}
        </Text>
      )}
      <StateBadge status={status} />
      {canSyncNow(status.state) && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconRefresh size={ICON} />}
          loading={syncNow.isPending}
          onClick={() => syncNow.mutate({})}
          style={KEEP}
        >
          Sync now
        </Button>
      )}
      {signedIn && <RejectionsDrawer opened={showRefused} onClose={() => setShowRefused(false)} />}
    </Group>
  );
}
