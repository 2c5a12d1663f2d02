import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { newTeamMemberInput } from '../../../shared/contract/team';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { SelectField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { notifyDone } from '../../ui/notify';
import { PersonFields } from '../auth/PersonFields';
import { useSignedIn } from '../auth/signed-in';
import { useAddTeamMember } from './team-api';
import { assignableRoles, ROLE_LABELS } from './team-rules';

function AddMemberForm({ onDone }: { onDone: () => void }) {
  const { user: me } = useSignedIn();
  const add = useAddTeamMember();
  const form = useContractForm(newTeamMemberInput, {
    defaultValues: { fullName: '', username: '', email: '', position: '', role: 'staff', password: '' },
  });
  const roles = assignableRoles(me).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  const submit = form.handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: (member) => {
        notifyDone(`${member.fullName} can now sign in as ${member.username}.`);
        onDone();
      },
      onError: (error) => showBridgeError(form, error),
    }),
  );

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <FormAlert form={form} />
        <PersonFields form={form} account="member">
          <SelectField form={form} name="role" label="Role" withAsterisk data={roles} />
        </PersonFields>
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
