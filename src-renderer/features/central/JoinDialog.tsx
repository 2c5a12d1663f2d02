import { Alert, Button, Group, List, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface JoinDialogProps {
  opened: boolean;
  restaurant: string;
  server: string;
  /** The connection form's `ownerPassword` field, and its error. */
  password: UseFormRegisterReturn;
  error: string | undefined;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Connecting a computer that holds a restaurant copies it up once: say what goes where, and ask. */
export function JoinDialog({
  opened,
  restaurant,
  server,
  password,
  error,
  pending,
  onConfirm,
  onCancel,
}: JoinDialogProps) {
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
          <PasswordInput
            label="Your password"
            description="To confirm that you, an owner or manager, are sending this restaurant's data"
            autoComplete="current-password"
            data-autofocus
            {...password}
            error={error}
          />
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
