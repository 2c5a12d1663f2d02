/**
 * The review of a count: variance per item against what was expected at its time, in quantity and
 * money, largest money first; flagged lines, each with "Ask for a recount"; lines two people counted
 * differently, to settle; items nobody counted (in a full count: keep expected, or zero); approve.
 */
import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CountReview, CountSummary, ReviewItem } from '../../../shared/contract/counts';
import { formatAmount, plural } from '../../ui/format';
import { notifyDone, notifyProblem } from '../../ui/notify';
import { useMoney } from '../auth/signed-in';
import { flagWords } from './count-words';
import { useApproveCount, useRequestRecount, useReview, useSettleLine } from './counts-api';

type Decision = 'keep' | 'zero';

const WRAP = { label: { whiteSpace: 'normal' } } as const;

export function ReviewPanel({ count }: { count: CountSummary }) {
  const review = useReview(count.id);
  if (!review.data) return null;
  return <Review count={count} review={review.data} />;
}

function Review({ count, review }: { count: CountSummary; review: CountReview }) {
  const money = useMoney();
  const approve = useApproveCount();
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const reviewing = count.status === 'submitted';
  const conflicted = review.items.filter((item) => item.lines.some((line) => line.conflict.length > 0));

  const approveCount = () =>
    approve.mutate(
      {
        countId: count.id,
        decisions: Object.entries(decisions).map(([itemId, decision]) => ({ itemId, decision })),
      },
      {
        onSuccess: ({ movements }) =>
          notifyDone(`Count approved: ${plural(movements, 'item')} set to what was counted.`),
        onError: (error) => notifyProblem('Not approved', error.message),
      },
    );

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between">
          <div>
            <Title order={2} fz="lg">
              Review
            </Title>
            <Text size="sm" c="dimmed">
              {plural(review.items.length, 'item')} counted · variance {money(review.varianceValue)} ·{' '}
              {plural(review.uncounted.length, 'item')} not counted
              {review.conflicts > 0 && ` · ${plural(review.conflicts, 'conflict')} to settle`}
            </Text>
          </div>
          {reviewing && (
            <Button onClick={approveCount} loading={approve.isPending} disabled={review.conflicts > 0}>
              Approve and set stock
            </Button>
          )}
        </Group>
        {reviewing && review.conflicts > 0 && (
          <Alert color="orange" variant="light">
            Settle each line two people counted differently before approving.
          </Alert>
        )}
        {conflicted.length > 0 && <Conflicts count={count} items={conflicted} editable={reviewing} />}
        <VarianceTable count={count} items={review.items} editable={reviewing} />
        {review.uncounted.length > 0 && (
          <Uncounted
            review={review}
            full={count.scope === 'full'}
            editable={reviewing}
            decisions={decisions}
            decide={(itemId, decision) => setDecisions((all) => ({ ...all, [itemId]: decision }))}
          />
        )}
      </Stack>
    </Paper>
  );
}

function VarianceTable({ count, items, editable }: { count: CountSummary; items: ReviewItem[]; editable: boolean }) {
  const money = useMoney();
  const recount = useRequestRecount();
  const ask = (item: ReviewItem) =>
    recount.mutate(
      {
        countId: count.id,
        lines: item.lines.map((line) => ({ itemId: item.itemId, storageAreaId: line.storageAreaId })),
      },
      {
        onSuccess: () => notifyDone(`${item.name}: asked for a recount. The count is open for it again.`),
        onError: (error) => notifyProblem('Recount not asked', error.message),
      },
    );
  return (
    <Table aria-label="Variance by item" verticalSpacing="xs" striped>
      <Table.Thead>
        <Table.Tr>
          {/* The item's name on one line: the check column would otherwise take the width. */}
          <Table.Th w="35%">Item</Table.Th>
          <Table.Th ta="right">Counted</Table.Th>
          <Table.Th ta="right">Expected</Table.Th>
          <Table.Th ta="right">Variance</Table.Th>
          <Table.Th ta="right">Value</Table.Th>
          <Table.Th>Check</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.itemId}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {item.name}
              </Text>
              <Text size="xs" c="dimmed">
                {item.lines.map((line) => line.storageAreaName).join(' + ')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{item.counted === null ? '—' : formatAmount(item.counted, item.unit)}</Table.Td>
            <Table.Td ta="right">{formatAmount(item.expected, item.unit)}</Table.Td>
            <Table.Td ta="right">{item.variance === null ? '—' : formatAmount(item.variance, item.unit)}</Table.Td>
            <Table.Td ta="right">{item.varianceValue === null ? '—' : money(item.varianceValue)}</Table.Td>
            <Table.Td>
              <Group gap={6}>
                {flagWords(item.flags).map((words) => (
                  // In sentence case and wrapping: in capitals one line, the longest were cut short.
                  <Badge key={words} color="orange" variant="light" size="sm" tt="none" h="auto" py={2} styles={WRAP}>
                    {words}
                  </Badge>
                ))}
                {item.flags.length > 0 && editable && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => ask(item)}
                    aria-label={`Ask for a recount of ${item.name}`}
                  >
                    Ask for a recount
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Conflicts({ count, items, editable }: { count: CountSummary; items: ReviewItem[]; editable: boolean }) {
  const settle = useSettleLine();
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        Counted differently by two people
      </Title>
      {items.flatMap((item) =>
        item.lines
          .filter((line) => line.conflict.length > 0)
          .map((line) => (
            <Group key={`${item.itemId}:${line.storageAreaId}`} gap="sm">
              <Text size="sm" fw={500} miw={200}>
                {item.name} · {line.storageAreaName}
              </Text>
              {line.conflict.map((counter) => (
                <Button
                  key={counter.countedBy.id}
                  size="xs"
                  variant="light"
                  disabled={!editable}
                  loading={settle.isPending}
                  onClick={() =>
                    settle.mutate(
                      {
                        countId: count.id,
                        itemId: item.itemId,
                        storageAreaId: line.storageAreaId,
                        quantity: counter.quantity,
                      },
                      { onError: (error) => notifyProblem('Not settled', error.message) },
                    )
                  }
                >
                  Take {counter.countedBy.name}’s {formatAmount(counter.quantity, item.unit)}
                </Button>
              ))}
            </Group>
          )),
      )}
    </Stack>
  );
}

interface UncountedProps {
  review: CountReview;
  full: boolean;
  editable: boolean;
  decisions: Record<string, Decision>;
  decide: (itemId: string, decision: Decision) => void;
}

function Uncounted({ review, full, editable, decisions, decide }: UncountedProps) {
  const money = useMoney();
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        Not counted
      </Title>
      <Text size="sm" c="dimmed">
        {full
          ? 'A full count: for each, keep what is expected, or set it to zero (nothing left on any shelf).'
          : 'A partial count leaves these as they are.'}
      </Text>
      <Table aria-label="Items not counted" verticalSpacing="xs">
        <Table.Tbody>
          {review.uncounted.map((item) => (
            <Table.Tr key={item.itemId}>
              <Table.Td fw={500}>{item.name}</Table.Td>
              <Table.Td ta="right">Expected {formatAmount(item.expected, item.unit)}</Table.Td>
              <Table.Td ta="right">{money(item.expectedValue)}</Table.Td>
              {full && (
                <Table.Td w={260}>
                  <SegmentedControl
                    size="xs"
                    disabled={!editable}
                    aria-label={`${item.name}: keep or zero`}
                    value={decisions[item.itemId] ?? 'keep'}
                    onChange={(value) => decide(item.itemId, value as Decision)}
                    data={[
                      { value: 'keep', label: 'Keep expected' },
                      { value: 'zero', label: 'Zero' },
                    ]}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
