import { Alert, Button, Drawer, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { formatDateTime } from '../../ui/format';
import { useDismissRejections, useRejections } from './sync-api';

/** Changes made here that the server refused (and that were undone here), with its reasons. */
export function RejectionsDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const rejections = useRejections(opened);
  const dismiss = useDismissRejections();
  const list = rejections.data ?? [];

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size={520} title="Changes the server refused">
      <Stack gap="md">
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
          These changes were made on this computer, but the central server did not accept them, so they were undone
          here. If one is still needed, make it again.
        </Alert>
        {rejections.isPending && <Loader size="sm" aria-label="Loading refused changes" />}
        {rejections.isError && <Alert color="red">{rejections.error.message}</Alert>}
        {rejections.data && list.length === 0 && (
          <Text c="dimmed" size="sm">
            Nothing was refused.
          </Text>
        )}
        {list.length > 0 && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Refused changes">
            {list.map((rejection) => (
              <Paper component="li" key={rejection.mutationId} withBorder radius="md" p="sm">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                  <Text fw={600} size="sm">
                    {rejection.what}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(rejection.rejectedAt)}
                  </Text>
                </Group>
                <Text size="sm" c="red.8" mt={4}>
                  {rejection.reason}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
        {list.length > 0 && (
          <Group justify="flex-end">
            <Button
              variant="default"
              loading={dismiss.isPending}
              onClick={() => dismiss.mutate({}, { onSuccess: onClose })}
            >
              Dismiss all
            </Button>
          </Group>
        )}
      </Stack>
    </Drawer>
  );
}
