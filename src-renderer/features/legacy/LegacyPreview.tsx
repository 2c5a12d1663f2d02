import { Alert, Badge, Group, List, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { LegacyDecision, LegacyPreview as Preview } from '../../../shared/contract/legacy';
import { StatCard } from '../../ui/StatCard';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What importing now writes, in words; nothing when it was all brought over before. */
function toWriteText({ toWrite }: Preview): string {
  const parts = [
    toWrite.restaurants > 0 && 'the restaurant',
    toWrite.users > 0 && plural(toWrite.users, 'team member'),
    toWrite.items > 0 && plural(toWrite.items, 'item'),
    toWrite.stock_movements > 0 && plural(toWrite.stock_movements, 'opening count'),
    toWrite.updated > 0 && plural(toWrite.updated, 'change'),
  ].filter(Boolean);
  return parts.length > 0 ? `Importing writes ${parts.join(', ')} on this computer.` : 'Nothing new to bring over.';
}

const OUTCOME_COLOR: Record<LegacyDecision['outcome'], string> = {
  imported: 'teal',
  merged: 'blue',
  updated: 'blue',
  unchanged: 'gray',
  kept: 'gray',
  skipped: 'orange',
  dropped: 'gray',
};

function Decision({ decision }: { decision: LegacyDecision }) {
  return (
    <Paper withBorder radius="sm" px="sm" py={6} component="li">
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text size="sm" fw={500} lineClamp={1}>
          {decision.became}
        </Text>
        <Badge size="sm" variant="light" color={OUTCOME_COLOR[decision.outcome]} style={{ flex: 'none' }}>
          {decision.outcome}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        Old row: {decision.row}
      </Text>
      {decision.notes.length > 0 && (
        <List size="xs" mt={2}>
          {decision.notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

/** The plan for the person's restaurant: its people, its items per area, and every decision with why. */
export function LegacyPreview({ preview }: { preview: Preview }) {
  const people = preview.users.length;
  const active = preview.users.filter((user) => user.isActive).length;
  return (
    <Stack gap="md">
      {preview.restaurant.importedBefore && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} title="Brought over before">
          Importing again brings only what changed in the old KitchenGuard since; nothing comes twice.
        </Alert>
      )}
      <SimpleGrid cols={3} spacing="sm">
        <StatCard label="Team" value={String(people)} caption={`${active} can sign in`} />
        <StatCard label="Kitchen" value={String(preview.kitchenItems)} caption="items" />
        <StatCard label="Bar" value={String(preview.barItems)} caption="items" />
      </SimpleGrid>
      <Table verticalSpacing={4} aria-label="Team members brought over">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Signs in as</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.users.map((user) => (
            <Table.Tr key={user.username}>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>{user.fullName}</Table.Td>
              <Table.Td>
                {user.role}
                {!user.isActive && (
                  <Badge ml={6} size="xs" color="gray" variant="light">
                    inactive
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={500}>
        {toWriteText(preview)}
      </Text>
      {preview.decisions.length > 0 && (
        <div>
          <Title order={2} fz="md" id="legacy-decisions">
            Decisions ({preview.decisions.length})
          </Title>
          <Text size="xs" c="dimmed" mb={6}>
            Rows merged, renamed, cleaned or left behind, and why. The report saved after the import lists every row.
          </Text>
          <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
            <Stack gap={6} component="ul" p={0} m={0} aria-labelledby="legacy-decisions" style={{ listStyle: 'none' }}>
              {preview.decisions.map((decision) => (
                <Decision key={decision.row} decision={decision} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </div>
      )}
    </Stack>
  );
}
