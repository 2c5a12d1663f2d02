import { Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconDeviceDesktop, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useSession } from '../features/auth/session';
import { useComputerStatus } from '../features/computer/computer-api';
import { KEYCHAIN_MISSING } from '../features/computer/KeychainNote';
import { SyncIndicator } from '../features/sync/SyncIndicator';

function Item({ icon, children, color }: { icon: ReactNode; children: ReactNode; color?: string }) {
  return (
    // minWidth 0: when the sync corner needs the room, these texts shorten with an ellipsis.
    <Group gap={6} wrap="nowrap" c={color} miw={0}>
      {icon}
      <Text size="xs" c={color ?? 'dimmed'} truncate="end">
        {children}
      </Text>
    </Group>
  );
}

/**
 * Always visible, in a `footer` labelled "Status": who is signed in, where the data lives, and how
 * syncing with the central server goes. (The local schema's version is in Settings → This computer.)
 */
export function StatusBar() {
  const session = useSession().data;
  const status = useComputerStatus().data;
  const iconSize = 14;

  return (
    <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        {session && (
          <Item icon={<IconUser size={iconSize} />}>
            {session.user.fullName} · {session.restaurant.name}
          </Item>
        )}
        {status && <Item icon={<IconDeviceDesktop size={iconSize} />}>Saved on this computer</Item>}
        {status && !status.keychain.available && (
          // Its explanation shows on keyboard focus as on hover.
          <Tooltip label={KEYCHAIN_MISSING} multiline maw={360} events={{ hover: true, focus: true, touch: true }}>
            <Group tabIndex={0} gap={6} wrap="nowrap" aria-label={`Sign-in not remembered. ${KEYCHAIN_MISSING}`}>
              <Item icon={<IconAlertTriangle size={iconSize} />} color="yellow.8">
                Sign-in not remembered
              </Item>
            </Group>
          </Tooltip>
        )}
      </Group>
      <SyncIndicator signedIn={Boolean(session)} />
    </Group>
  );
}
