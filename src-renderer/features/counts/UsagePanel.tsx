/** Usage between the count before and this one: opening + deliveries − waste ± corrections − closing. */
import { Paper, Table, Text, Title } from '@mantine/core';
import { formatAmount, formatDateTime } from '../../ui/format';
import { useMoney } from '../auth/signed-in';
import { useUsage } from './counts-api';

export function UsagePanel({ countId }: { countId: string }) {
  const usage = useUsage(countId, true);
  const money = useMoney();
  if (!usage.data) return null;
  const { since, items, usageValue } = usage.data;
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg">
        Usage since the count before
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {since
          ? `From the count approved as of ${formatDateTime(since.asOf ?? since.startedAt)} to this one: ${money(usageValue)} used.`
          : `No approved count came before this one: usage from the first stock recorded, ${money(usageValue)}.`}
      </Text>
      <Table aria-label="Usage between counts" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Opening</Table.Th>
            <Table.Th ta="right">+ Deliveries</Table.Th>
            <Table.Th ta="right">− Waste</Table.Th>
            <Table.Th ta="right">± Corrections</Table.Th>
            <Table.Th ta="right">− Closing</Table.Th>
            <Table.Th ta="right">= Used</Table.Th>
            <Table.Th ta="right">Value</Table.Th>
            <Table.Th ta="right">Recorded as usage</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.itemId}>
              <Table.Td fw={500}>{item.name}</Table.Td>
              <Table.Td ta="right">{formatAmount(item.opening, item.unit)}</Table.Td>
              <Table.Td ta="right">{formatAmount(item.deliveries, item.unit)}</Table.Td>
              <Table.Td ta="right">{formatAmount(item.waste, item.unit)}</Table.Td>
              <Table.Td ta="right">{formatAmount(item.corrections, item.unit)}</Table.Td>
              <Table.Td ta="right">{formatAmount(item.closing, item.unit)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatAmount(item.usage, item.unit)}
              </Table.Td>
              <Table.Td ta="right">{money(item.usageValue)}</Table.Td>
              <Table.Td ta="right">{formatAmount(item.recordedUsage, item.unit)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
