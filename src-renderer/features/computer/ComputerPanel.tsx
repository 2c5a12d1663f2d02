import { Badge, Code, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { FactRow as Row } from '../../ui/FactRow';
import { formatDateTime, plural } from '../../ui/format';
import { useComputerStatus } from './computer-api';
import { KEYCHAIN_MISSING } from './KeychainNote';

/** Where this computer keeps the data, and the state of its keychain, backups and sync. */
export function ComputerPanel() {
  const status = useComputerStatus();
  const data = status.data;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="computer-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="computer-title">
          This computer
        </Title>
        {status.isPending && <Loader size="sm" aria-label="Loading" />}
        {status.isError && <Text c="red">{status.error.message}</Text>}
        {data && (
          <Table verticalSpacing={6} withRowBorders={false} fz="sm">
            <Table.Tbody>
              <Row label="App version">{data.appVersion}</Row>
              <Row label="Data">
                Saved on this computer, in
                <Code block mt={4} fz="xs" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                  {data.dataFolder}
                </Code>
              </Row>
              <Row label="Local schema">Version {data.localStore.schemaVersion}</Row>
              <Row label="Last backup">{formatDateTime(data.localStore.lastBackupAt, 'None yet')}</Row>
              <Row label="Keychain">
                {data.keychain.available ? (
                  <Badge color="teal" variant="light">
                    Sign-in remembered
                  </Badge>
                ) : (
                  <Stack gap={4} align="flex-start">
                    <Badge color="yellow" variant="light">
                      Not available
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {KEYCHAIN_MISSING}
                    </Text>
                  </Stack>
                )}
              </Row>
              <Row label="Central server">{data.centralServer.configured ? 'Set up' : 'Not set up'}</Row>
              {/* Without a server the changes wait for nothing; connecting brings the data up whole. */}
              {data.centralServer.configured && (
                <Row label="Waiting to sync">{plural(data.outbox.waiting, 'change')}</Row>
              )}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
