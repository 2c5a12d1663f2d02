import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { changePasswordInput } from '../../../shared/contract/auth';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { NewPasswordField, PasswordField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { notifyDone } from '../../ui/notify';
import { useChangePassword } from './settings-api';

export function ChangePasswordForm() {
  const change = useChangePassword();
  const form = useContractForm(changePasswordInput, { defaultValues: { currentPassword: '', newPassword: '' } });
  const submit = form.handleSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifyDone('Password changed.');
      },
      onError: (error) => showBridgeError(form, error),
    }),
  );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="password-title">
      <Form form={form} onSubmit={submit}>
        <Stack gap="md">
          <Title order={2} fz="lg" id="password-title">
            Change password
          </Title>
          <FormAlert form={form} />
          <PasswordField form={form} name="currentPassword" label="Current password" autoComplete="current-password" />
          <NewPasswordField form={form} name="newPassword" />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
