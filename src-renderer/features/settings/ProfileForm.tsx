import { Button, Group, Paper, SimpleGrid, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { updateProfileInput } from '../../../shared/contract/auth';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { TextField } from '../../forms/fields';
import { firstMessage } from '../../forms/first-message';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { notifyDone } from '../../ui/notify';
import { useSignedIn } from '../auth/signed-in';
import { useUpdateProfile } from './settings-api';

const PRODUCE_LISTS = [
  { name: 'kitchenProduceList', label: 'Kitchen produce', area: 'kitchen' },
  { name: 'barProduceList', label: 'Bar supplies', area: 'bar' },
] as const;

/** Your name, email and position, and the produce names suggested when adding items. */
export function ProfileForm() {
  const { user } = useSignedIn();
  const update = useUpdateProfile();
  const form = useContractForm(updateProfileInput, {
    defaultValues: {
      fullName: user.fullName,
      email: user.email,
      position: user.position,
      kitchenProduceList: user.kitchenProduceList,
      barProduceList: user.barProduceList,
    },
  });
  const { errors, isDirty } = form.formState;
  const submit = form.handleSubmit((values) =>
    update.mutate(values, {
      onSuccess: (saved) => {
        form.reset(saved);
        notifyDone('Profile saved.');
      },
      onError: (error) => showBridgeError(form, error),
    }),
  );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="profile-title">
      <Form form={form} onSubmit={submit}>
        <Stack gap="md">
          <Title order={2} fz="lg" id="profile-title">
            Profile
          </Title>
          <FormAlert form={form} />
          <SimpleGrid cols={2}>
            <TextField form={form} name="fullName" label="Full name" withAsterisk />
            <TextField form={form} name="position" label="Position" />
            <TextInput label="Username" value={user.username} readOnly disabled description="Cannot be changed" />
            <TextField form={form} name="email" label="Email" withAsterisk type="email" />
          </SimpleGrid>
          {PRODUCE_LISTS.map(({ name, label, area }) => (
            <Controller
              key={name}
              control={form.control}
              name={name}
              render={({ field }) => (
                <TagsInput
                  label={label}
                  description={`Suggested as names when you add a ${area} item. Press Enter after each.`}
                  placeholder="Add a name"
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  splitChars={[]}
                  clearable
                  error={firstMessage(errors[name])}
                />
              )}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset()} disabled={!isDirty}>
              Undo changes
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!isDirty}>
              Save profile
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
