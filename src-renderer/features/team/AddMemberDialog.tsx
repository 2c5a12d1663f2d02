import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller } from 'react-hook-form';
import { createUserInput } from '../../../shared/contract/users';
import type { Role } from '../../../shared/domain';
import { FormAlert } from '../../forms/FormAlert';
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
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert form={form} />
        <SimpleGrid cols={2}>
          <TextInput
            label="Full name"
            withAsterisk
            data-autofocus
            {...form.register('fullName')}
            error={errors.fullName?.message}
          />
          <TextInput
            label="Position"
            placeholder="e.g. Line cook"
            {...form.register('position')}
            error={errors.position?.message}
          />
          <TextInput
            label="Username"
            withAsterisk
            autoComplete="off"
            {...form.register('username')}
            error={errors.username?.message}
          />
          <TextInput
            label="Email"
            withAsterisk
            type="email"
            autoComplete="off"
            {...form.register('email')}
            error={errors.email?.message}
          />
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
          <PasswordInput
            label="First password"
            withAsterisk
            description="At least 10 characters; tell it to them in person"
            autoComplete="new-password"
            {...form.register('password')}
            error={errors.password?.message}
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
    </form>
  );
}

export function AddMemberDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a team member" size="lg">
      <AddMemberForm onDone={onClose} />
    </Modal>
  );
}
