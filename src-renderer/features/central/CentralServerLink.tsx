import { Button } from '@mantine/core';
import { IconServer } from '@tabler/icons-react';
import { configuredServer, useCentralSettings } from './central-api';

/** Under the sign-in card, out of the way: where this computer syncs, and the way to change it. */
export function CentralServerLink({ onOpen }: { onOpen: () => void }) {
  const current = useCentralSettings().data;
  if (!current) return null;
  const server = configuredServer(current);
  return (
    <Button
      variant="subtle"
      color="gray"
      size="xs"
      leftSection={<IconServer size={14} />}
      onClick={onOpen}
      styles={{ label: { fontWeight: 500 } }}
    >
      {server ? `Central server: ${server}` : 'Central server…'}
    </Button>
  );
}
