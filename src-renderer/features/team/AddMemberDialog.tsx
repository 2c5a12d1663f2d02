import { Button, Group, Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller } from 'react-hook-form';
import { createUserInput } from '../../../shared/contract/users';
import type { Role } from '../../../shared/domain';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { PasswordField, TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { useSignedIn } from '../auth/signed-in';
import { useAddTeamMember } from './team-api';
import { assignableRoles, ROLE_LABELS } from './team-rules';

function AddMemberForm({ onDone }: { onDone: () => void }) {
  const { user: me } = useSignedIn();
  const add = useAddTeamMember();
  const form = useContractForm(createUserInput, {
    defaultValues: { fullName: '', username: '', email: '', position: '', role: 'staff', password: '' },
  });
  const { errors } = form.formState;
  const roles = assignableRoles(me).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  const submit = form.handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: (member) => {
        notifications.show({ color: 'teal', message: `${member.fullName} can now sign in as ${member.username}.` });
        onDone();
      },
      onError: (error) => showBridgeError(form, error),
    }),
  );

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <FormAlert form={form} />
        <SimpleGrid cols={2}>
          <TextField form={form} name="fullName" label="Full name" withAsterisk data-autofocus />
          <TextField form={form} name="position" label="Position" placeholder="e.g. Line cook" />
          <TextField form={form} name="username" label="Username" withAsterisk autoComplete="off" />
          <TextField form={form} name="email" label="Email" withAsterisk type="email" autoComplete="off" />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label="Role"
                withAsterisk
                data={roles}
                value={field.value}
                onChange={(role) => role && field.onChange(role as Role)}
                onBlur={field.onBlur}
                ref={field.ref}
                allowDeselect={false}
                error={errors.role?.message}
              />
            )}
          />
          <PasswordField
            form={form}
            name="password"
            label="First password"
            withAsterisk
            description="At least 10 characters; tell it to them in person"
            autoComplete="new-password"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Staff record deliveries, usage, waste and counts. Managers also edit items and the team.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add to team
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

export function AddMemberDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a team member" size="lg">
      <AddMemberForm onDone={onClose} />
    </Modal>
  );
}
