import { Badge, Button, Group, Paper, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TeamMember } from '../../../shared/contract/team';
import type { Role } from '../../../shared/domain';
import { formatDateTime } from '../../ui/format';
import { useSignedIn } from '../auth/signed-in';
import { type IssuedCode, useDeactivate, useIssueResetCode, useReactivate, useSetRole } from './team-api';
import { assignableRoles, ROLE_LABELS } from './team-rules';

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
      <Table highlightOnHover layout="fixed" verticalSpacing="sm" horizontalSpacing="sm" aria-label="Team members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team member</Table.Th>
            <Table.Th w={124}>Role</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={184}>Last sign-in</Table.Th>
            <Table.Th w={262}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const changeable = member.canChange;
            return (
              <Table.Tr key={member.id} c={member.isActive ? undefined : 'dimmed'}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500} truncate="end">
                      {member.fullName}
                    </Text>
                    {member.id === me.id && (
                      <Badge size="sm" variant="light" tt="none" style={{ flex: 'none' }}>
                        You
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" truncate="end">
                    {[member.position, `@${member.username}`, member.email].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
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
                  <Group gap={6} wrap="nowrap">
                    <Badge color={member.isActive ? 'teal' : 'gray'} variant="light" tt="none">
                      {member.isActive ? 'Active' : 'Deactivated'}
                    </Badge>
                    {member.needsPassword && (
                      <Badge
                        color="orange"
                        variant="light"
                        tt="none"
                        title="Brought back after the server was restored, without a password: give them a reset code to sign in."
                      >
                        Needs a reset code
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(member.lastLoginAt)}</Table.Td>
                <Table.Td>
                  {changeable && (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
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
                          aria-label={`Deactivate ${member.fullName}`}
                          onClick={() => deactivate.mutate({ userId: member.id })}
                        >
                          Deactivate
                        </Button>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
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
