import { Badge, Button, Group, Paper, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import type { TeamMember } from '../../../shared/contract/users';
import type { Role } from '../../../shared/domain';
import { formatDateTime } from '../../ui/format';
import { useSignedIn } from '../auth/session';
import type { IssuedCode } from './TeamScreen';
import { useDeactivate, useIssueResetCode, useReactivate, useSetRole } from './team-api';
import { assignableRoles, canChangeMember, ROLE_LABELS } from './team-rules';

interface TeamTableProps {
  members: TeamMember[];
  onCodeIssued: (code: IssuedCode) => void;
}

export function TeamTable({ members, onCodeIssued }: TeamTableProps) {
  const { user: me } = useSignedIn();
  const setRole = useSetRole();
  const deactivate = useDeactivate();
  const reactivate = useReactivate();
  const issueCode = useIssueResetCode();
  const roles = assignableRoles(me).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

  const issueFor = (member: TeamMember) =>
    issueCode.mutate(
      { userId: member.id },
      { onSuccess: (code) => onCodeIssued({ ...code, fullName: member.fullName }) },
    );

  return (
    <Paper withBorder radius="md">
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Team members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team member</Table.Th>
            <Table.Th>Position</Table.Th>
            <Table.Th w={140}>Role</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            <Table.Th w={190}>Last sign-in</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const changeable = canChangeMember(me, member);
            return (
              <Table.Tr key={member.id} c={member.isActive ? undefined : 'dimmed'}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {member.fullName}
                    </Text>
                    {member.id === me.id && (
                      <Badge size="xs" variant="light" style={{ flex: 'none' }}>
                        You
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    @{member.username}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{member.position || '—'}</Table.Td>
                <Table.Td>
                  {changeable ? (
                    <Select
                      size="xs"
                      aria-label={`Role of ${member.fullName}`}
                      data={roles}
                      value={member.role}
                      allowDeselect={false}
                      onChange={(role) => role && setRole.mutate({ userId: member.id, role: role as Role })}
                    />
                  ) : (
                    <Text size="sm">{ROLE_LABELS[member.role]}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={member.isActive ? 'teal' : 'gray'} variant="light" style={{ flex: 'none' }}>
                    {member.isActive ? 'Active' : 'Deactivated'}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(member.lastLoginAt)}</Table.Td>
                <Table.Td>
                  {changeable && (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconKey size={14} />}
                        aria-label={`Reset code for ${member.fullName}`}
                        onClick={() => issueFor(member)}
                        disabled={!member.isActive}
                      >
                        Reset code
                      </Button>
                      {member.isActive ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          leftSection={<IconUserOff size={14} />}
                          aria-label={`Deactivate ${member.fullName}`}
                          onClick={() => deactivate.mutate({ userId: member.id })}
                        >
                          Deactivate
                        </Button>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconUserCheck size={14} />}
                          aria-label={`Reactivate ${member.fullName}`}
                          onClick={() => reactivate.mutate({ userId: member.id })}
                        >
                          Reactivate
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
