import { Alert, Badge, Drawer, Loader, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { memo } from 'react';
import type { Item, Movement } from '../../../shared/contract/inventory';
import type { MovementReason } from '../../../shared/domain';
import { setsLevel } from '../../../shared/quantity';
import { capitalise, formatAmount, formatDateTime, formatQuantity } from '../../ui/format';
import { useMoney } from '../auth/signed-in';
import { useItemHistory } from './inventory-api';
import { otherTimes } from './movement-times';

const REASON_COLOURS: Record<MovementReason, string> = {
  delivery: 'teal',
  usage: 'blue',
  waste: 'red',
  correction: 'grape',
  count: 'gray',
};

/** "+3", "-2", or for a count "= 12": what the movement did to the level. */
function change(movement: Movement): string {
  if (setsLevel(movement.reason)) return `= ${formatQuantity(movement.quantity)}`;
  const sign = movement.quantity.startsWith('-') ? '' : '+';
  return `${sign}${formatQuantity(movement.quantity)}`;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

/** When it was recorded and synced, under when it happened, where they differ. */
function OtherTimes({ movement }: { movement: Movement }) {
  const line = otherTimes(movement);
  // It wraps, so the date above sets the column's width and the reason beside keeps its room.
  return line === null ? null : (
    <Text size="xs" c="dimmed" style={{ whiteSpace: 'normal' }}>
      {line}
    </Text>
  );
}

/**
 * Every movement of one item, newest first in the order stock is derived in (when each happened):
 * when, who, why, by how much, and the level after.
 */
interface HistoryDrawerProps {
  opened: boolean;
  item: Item | undefined;
  onClose: () => void;
}

export const HistoryDrawer = memo(function HistoryDrawer({ opened, item, onClose }: HistoryDrawerProps) {
  const history = useItemHistory(item?.id ?? null);
  const current = history.data?.item ?? item;
  const formatMoney = useMoney();

  return (
    <Drawer
      opened={opened && item !== undefined}
      onClose={onClose}
      position="right"
      size={720}
      title={current ? `History of ${current.name}` : ''}
    >
      {current && (
        <Paper withBorder p="md" mb="md" bg="gray.0">
          <SimpleGrid cols={4}>
            <Fact label="On hand" value={formatAmount(current.onHand, current.unit)} />
            <Fact label="Par" value={current.par === null ? 'Not set' : formatAmount(current.par, current.unit)} />
            <Fact label="Unit cost" value={formatMoney(current.unitCost)} />
            <Fact label="Stock value" value={formatMoney(current.stockValue)} />
          </SimpleGrid>
        </Paper>
      )}
      {history.isPending && <Loader size="sm" aria-label="Loading history" />}
      {history.isError && <Alert color="red">{history.error.message}</Alert>}
      {history.data?.movements.length === 0 && (
        <Text c="dimmed" size="sm">
          No stock movements yet. Use “Adjust” on the item to record a delivery, usage, waste or a count.
        </Text>
      )}
      {history.data && history.data.movements.length > 0 && (
        <Table
          striped
          highlightOnHover
          verticalSpacing="xs"
          aria-label={`Stock movements of ${current?.name}`}
          styles={{ th: { whiteSpace: 'nowrap' } }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th ta="right">Change</Table.Th>
              <Table.Th ta="right">Level after</Table.Th>
              <Table.Th>Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.movements.map((movement) => (
              <Table.Tr key={movement.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(movement.occurredAt)}
                  <OtherTimes movement={movement} />
                </Table.Td>
                <Table.Td>{movement.recordedByName}</Table.Td>
                {/* Room for the widest reason ("Correction"): its badge is never cut short. */}
                <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 104 }}>
                  <Badge variant="light" color={REASON_COLOURS[movement.reason]} size="sm" tt="none">
                    {capitalise(movement.reason)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" c={movement.quantity.startsWith('-') ? 'red.8' : undefined}>
                  {change(movement)}
                </Table.Td>
                <Table.Td ta="right">{formatQuantity(movement.onHandAfter)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={movement.note ? undefined : 'dimmed'}>
                    {movement.note || '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Drawer>
  );
});
