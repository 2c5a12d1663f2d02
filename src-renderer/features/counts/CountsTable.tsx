import { Badge, Button, Group, Paper, Progress, Table, Text } from '@mantine/core';
import type { CountSummary } from '../../../shared/contract/counts';
import { formatDateTime, plural } from '../../ui/format';
import { countAsOf, countCovers, STATUS_WORDS } from './count-words';

/** The counts, newest first: a row opens its count. */
export function CountsTable({ counts, onOpen }: { counts: CountSummary[]; onOpen: (countId: string) => void }) {
  if (counts.length === 0)
    return (
      <Paper withBorder p="xl" ta="center">
        <Text fw={500}>No count yet</Text>
        <Text size="sm" c="dimmed">
          Start one: each storage area gets its sheet, items in shelf order, for the keyboard or for paper.
        </Text>
      </Paper>
    );
  return (
    <Paper withBorder>
      <Table verticalSpacing="sm" aria-label="Counts" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Status</Table.Th>
            <Table.Th>Counted</Table.Th>
            <Table.Th>As of</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th>Progress</Table.Th>
            <Table.Th aria-label="Open" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counts.map((count) => {
            const { counted, total } = count.progress;
            const status = STATUS_WORDS[count.status];
            return (
              <Table.Tr key={count.id}>
                <Table.Td>
                  <Badge color={status.color} variant="light">
                    {status.label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{countCovers(count)}</Text>
                    {count.blind && (
                      <Badge size="xs" variant="outline" color="gray">
                        Blind
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{countAsOf(count)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(count.startedAt)}</Text>
                  <Text size="xs" c="dimmed">
                    by {count.startedBy.name}
                  </Text>
                </Table.Td>
                <Table.Td w={180}>
                  <Text size="xs" mb={4}>
                    {counted} of {plural(total, 'item')} counted
                  </Text>
                  <Progress value={total ? (100 * counted) / total : 0} size="sm" aria-hidden />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onOpen(count.id)}
                    aria-label={`Open count started ${formatDateTime(count.startedAt)}`}
                  >
                    Open
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
