/**
 * Counts: every count of the restaurant (counting, to review, approved, abandoned) with who started
 * it, as of when, what it covers and how far it has got; "Start a count"; a count's own page.
 */
import { Alert, Button, Center, Loader } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { useState } from 'react';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { CountPage } from './CountPage';
import { CountsTable } from './CountsTable';
import { useCounts } from './counts-api';
import { StartCountDialog } from './StartCountDialog';

export function CountsScreen() {
  const counts = useCounts();
  const [starting, setStarting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  if (openId) return <CountPage countId={openId} onBack={() => setOpenId(null)} />;
  return (
    <Page>
      <PageHeader
        title="Counts"
        description="Stock counts storage area by storage area, by one person or several at once, online or not."
        actions={
          <Button leftSection={<IconClipboardList size={16} />} onClick={() => setStarting(true)}>
            Start a count
          </Button>
        }
      />
      {counts.isPending && (
        <Center py="xl">
          <Loader aria-label="Loading the counts" />
        </Center>
      )}
      {counts.isError && (
        <Alert color="red" title="The counts could not be loaded">
          {counts.error.message}
        </Alert>
      )}
      {counts.data && <CountsTable counts={counts.data.counts} onOpen={setOpenId} />}
      <StartCountDialog
        opened={starting}
        onClose={() => setStarting(false)}
        onStarted={(countId) => {
          setStarting(false);
          setOpenId(countId);
        }}
      />
    </Page>
  );
}
