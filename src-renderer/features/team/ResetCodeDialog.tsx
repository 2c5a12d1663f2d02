import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core';
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
          <TextInput
            label="Reset code"
            description={`Works once, until ${formatTime(shown.expiresAt)} (one hour).`}
            inputWrapperOrder={['label', 'input', 'description']}
            value={shown.code}
            readOnly
            data-autofocus
            onFocus={(event) => event.currentTarget.select()}
            variant="filled"
            rightSectionWidth={120}
            rightSection={
              <CopyButton value={shown.code}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-md"
                    variant={copied ? 'light' : 'filled'}
                    leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    onClick={copy}
                  >
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            }
            styles={{
              input: {
                height: 64,
                fontFamily: 'var(--mantine-font-family-monospace)',
                fontSize: 26,
                letterSpacing: '0.12em',
                paddingInlineStart: 120,
                textAlign: 'center',
              },
              description: { marginTop: 6 },
            }}
          />
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
