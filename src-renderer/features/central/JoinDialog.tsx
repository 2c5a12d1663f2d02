import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface JoinDialogProps {
  opened: boolean;
  restaurant: string;
  server: string;
  /** The connection form's field for the owner's (or manager's) password. */
  password: ReactNode;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Connecting a computer that holds a restaurant copies it up once: say what goes where, and ask. */
export function JoinDialog({ opened, restaurant, server, password, pending, onConfirm, onCancel }: JoinDialogProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title={`Copy ${restaurant} to the server?`} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">
            This computer keeps <b>{restaurant}</b> on its own. Connecting it to <b>{server}</b> copies the restaurant's
            data to the server, once:
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>its team members and their sign-ins,</List.Item>
            <List.Item>its kitchen and bar items,</List.Item>
            <List.Item>every stock movement recorded so far.</List.Item>
          </List>
          <Alert variant="light" color="blue" icon={<IconCloudUpload size={18} />}>
            From then on this computer syncs with the server, and other computers connected to it see the same stock.
            Nothing is deleted here.
          </Alert>
          {password}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} leftSection={<IconCloudUpload size={16} />}>
              Copy and connect
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
