import { Button, Group, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { resetPasswordInput } from '../../../shared/contract/auth';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { NewPasswordField, TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { notifyDone } from '../../ui/notify';
import { StepHeading } from './StepHeading';
import { useResetPassword } from './session';

interface ResetPasswordFormProps {
  /** Back to sign-in, with the username filled in. */
  onDone: (username: string) => void;
  onCancel: () => void;
}

/** A new password with the one-time code an owner or manager gave you. */
export function ResetPasswordForm({ onDone, onCancel }: ResetPasswordFormProps) {
  const reset = useResetPassword();
  const form = useContractForm(resetPasswordInput, {
    defaultValues: { username: '', code: '', newPassword: '' },
    normalise: (values) => ({ ...values, code: values.code.trim() }),
  });
  const submit = form.handleSubmit((values) =>
    reset.mutate(values, {
      onSuccess: () => {
        notifyDone('Sign in with your new password.', 'Password changed');
        onDone(values.username);
      },
      onError: (error) => showBridgeError(form, error),
    }),
  );

  useEffect(() => form.setFocus('username'), [form]);

  return (
    <Form form={form} onSubmit={submit} aria-labelledby="reset-title">
      <Stack gap="md">
        <StepHeading id="reset-title" title="Use a reset code">
          Ask your owner or manager for a reset code (Team → Reset code). It works once, for one hour.
        </StepHeading>
        <FormAlert form={form} />
        <TextField form={form} name="username" label="Username" autoComplete="username" />
        <TextField
          form={form}
          name="code"
          label="Reset code"
          autoComplete="one-time-code"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.08em' } }}
        />
        <NewPasswordField form={form} name="newPassword" />
        <Group justify="space-between" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Back to sign in
          </Button>
          <Button type="submit" loading={reset.isPending}>
            Set new password
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
