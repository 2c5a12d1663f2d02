/**
 * A count's page: its storage areas with their progress (each opens its sheet, or prints), submit
 * for review; for owners and managers the review (variance, flags, conflicts, uncounted items),
 * approve or abandon; once approved, usage since the count before it.
 */
import { Alert, Badge, Button, Center, Group, Loader, Paper, Progress, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { CountSheet as Sheet } from '../../../shared/contract/counts';
import { canManage } from '../../../shared/domain';
import { formatDateTime, plural } from '../../ui/format';
import { notifyDone, notifyProblem } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { useSignedIn } from '../auth/signed-in';
import { CountSheet } from './CountSheet';
import { countAsOf, countCovers, STATUS_WORDS } from './count-words';
import { useAbandonCount, useCount, useSubmitCount } from './counts-api';
import { PrintSheets } from './PrintSheet';
import { ReviewPanel } from './ReviewPanel';
import { UsagePanel } from './UsagePanel';

export function CountPage({ countId, onBack }: { countId: string; onBack: () => void }) {
  const sheet = useCount(countId);
  const back = (
    <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} w="fit-content" px={0}>
      All counts
    </Button>
  );
  if (sheet.isPending)
    return (
      <Page>
        {back}
        <Center py="xl">
          <Loader aria-label="Loading the count" />
        </Center>
      </Page>
    );
  if (sheet.isError)
    return (
      <Page>
        {back}
        <Alert color="red" title="The count could not be loaded">
          {sheet.error.message}
        </Alert>
      </Page>
    );
  return (
    <Page>
      {back}
      <CountDetails sheet={sheet.data} />
    </Page>
  );
}

function CountDetails({ sheet }: { sheet: Sheet }) {
  const { user } = useSignedIn();
  const { count } = sheet;
  const manager = canManage(user.role);
  const [counting, setCounting] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);
  const submit = useSubmitCount();
  const abandon = useAbandonCount();
  const status = STATUS_WORDS[count.status];
  const closed = count.status === 'approved' || count.status === 'abandoned';
  const failed = (title: string) => (error: Error) => notifyProblem(title, error.message);

  return (
    <>
      <PageHeader
        title={`Count: ${countCovers(count)}`}
        description={`As of: ${countAsOf(count)} · started ${formatDateTime(count.startedAt)} by ${count.startedBy.name}${count.blind ? ' · blind' : ''}`}
        actions={
          <Group gap="sm">
            <Badge size="lg" color={status.color} variant="light">
              {status.label}
            </Badge>
            {!closed && manager && (
              <Button
                variant="default"
                color="red"
                loading={abandon.isPending}
                onClick={() =>
                  abandon.mutate(
                    { countId: count.id },
                    {
                      onSuccess: () => notifyDone('Count abandoned: kept in history, nothing posted.'),
                      onError: failed('Not abandoned'),
                    },
                  )
                }
              >
                Abandon
              </Button>
            )}
          </Group>
        }
      />
      {count.status === 'submitted' && count.submittedAt && (
        <Alert color={status.color} variant="light">
          Submitted for review, {formatDateTime(count.submittedAt)}.
          {manager ? ' Review it below, then approve it.' : ' An owner or a manager reviews and approves it.'}
        </Alert>
      )}
      {count.closedBy && count.closedAt && (
        <Alert color={status.color} variant="light">
          {status.label} by {count.closedBy.name}, {formatDateTime(count.closedAt)}.
          {count.status === 'abandoned' && ' Nothing was posted.'}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg">
            Storage areas
          </Title>
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)}>
              Print sheets
            </Button>
            {count.status === 'open' && (
              <Button
                loading={submit.isPending}
                // No toast: the notice above says it, where a toast would cover the end of the review.
                onClick={() => submit.mutate({ countId: count.id }, { onError: failed('Not submitted') })}
              >
                Submit for review
              </Button>
            )}
          </Group>
        </Group>
        <Table aria-label="Storage areas of this count" verticalSpacing="xs">
          <Table.Tbody>
            {sheet.storageAreas.map((area, index) => (
              <Table.Tr key={area.storageAreaId ?? 'none'}>
                <Table.Td fw={500}>{area.name}</Table.Td>
                <Table.Td w={220}>
                  <Text size="xs" mb={4}>
                    {area.progress.counted} of {plural(area.progress.total, 'line')} counted
                  </Text>
                  <Progress
                    value={area.progress.total ? (100 * area.progress.counted) / area.progress.total : 0}
                    size="sm"
                    aria-hidden
                  />
                </Table.Td>
                <Table.Td w={160} ta="right">
                  {!closed && (
                    <Button size="xs" onClick={() => setCounting(index)} aria-label={`Count ${area.name}`}>
                      Count
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {manager && (count.status === 'submitted' || count.status === 'approved') && <ReviewPanel count={count} />}
      {count.status === 'approved' && <UsagePanel countId={count.id} />}
      {counting !== null && <CountSheet sheet={sheet} startAt={counting} onClose={() => setCounting(null)} />}
      {printing && <PrintSheets count={count} areas={sheet.storageAreas} onClose={() => setPrinting(false)} />}
    </>
  );
}
