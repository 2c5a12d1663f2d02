import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { formatTime } from '../../ui/format';
import type { IssuedCode } from './team-api';

/** The code is shown this once: copy it or read it out, then it is gone from the screen. */
interface ResetCodeDialogProps {
  opened: boolean;
  /** Kept while the dialog closes, so the text does not vanish mid-animation. */
  issued: IssuedCode | null;
  onClose: () => void;
}

export function ResetCodeDialog({ opened, issued: shown, onClose }: ResetCodeDialogProps) {
  return (
    <Modal opened={opened && shown !== null} onClose={onClose} title={`Reset code for ${shown?.fullName ?? ''}`}>
      {shown && (
        <Stack gap="md">
          <Code block fz={26} ta="center" py="md" style={{ letterSpacing: '0.12em' }} data-testid="reset-code">
            {shown.code}
          </Code>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Works once, until {formatTime(shown.expiresAt)} (one hour).
            </Text>
            <CopyButton value={shown.code}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy code'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert variant="light" icon={<IconInfoCircle size={18} />}>
            On the sign-in screen, {shown.fullName} chooses “Forgot password? Use a reset code” and enters the username{' '}
            <b>{shown.username}</b>, this code and a new password. The code is not shown again.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
