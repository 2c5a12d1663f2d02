import { Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { changePasswordInput } from '../../../shared/contract/auth';
import { FormAlert } from '../../forms/FormAlert';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { useChangePassword } from './settings-api';

export function ChangePasswordForm() {
  const change = useChangePassword();
  const form = useContractForm(changePasswordInput, { defaultValues: { currentPassword: '', newPassword: '' } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'teal', message: 'Password changed.' });
      },
      onError: (error) => showBridgeError(form, error),
    }),
  );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="password-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="lg" id="password-title">
            Change password
          </Title>
          <FormAlert form={form} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            {...form.register('currentPassword')}
            error={errors.currentPassword?.message}
          />
          <PasswordInput
            label="New password"
            description="At least 10 characters"
            autoComplete="new-password"
            {...form.register('newPassword')}
            error={errors.newPassword?.message}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
