import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { loginInput } from '../../../shared/contract/auth';
import { isBridgeError } from '../../api/bridge-error';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { PasswordField, TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { StepHeading } from './StepHeading';
import { useSignIn } from './session';

interface SignInFormProps {
  initialLogin?: string;
  onRegister: () => void;
  onReset: () => void;
}

export function SignInForm({ initialLogin = '', onRegister, onReset }: SignInFormProps) {
  const signIn = useSignIn();
  const form = useContractForm(loginInput, { defaultValues: { login: initialLogin, password: '' } });
  // With a central server, a first sign-in on this computer needs it; the core says why it failed.
  const [serverNeeded, setServerNeeded] = useState(false);
  const submit = form.handleSubmit((values) =>
    signIn.mutate(values, {
      onError: (error) => {
        setServerNeeded(isBridgeError(error, 'unavailable'));
        showBridgeError(form, error);
      },
    }),
  );

  useEffect(() => form.setFocus(initialLogin ? 'password' : 'login'), [form, initialLogin]);

  return (
    <Form form={form} onSubmit={submit} aria-labelledby="sign-in-title">
      <Stack gap="md">
        <StepHeading id="sign-in-title" title="Sign in">
          Welcome back. Sign in to open your stock book.
        </StepHeading>
        <FormAlert form={form} title={serverNeeded ? 'The central server cannot be reached' : undefined} />
        <TextField form={form} name="login" label="Username or email" autoComplete="username" />
        <PasswordField form={form} name="password" label="Password" autoComplete="current-password" />
        <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
          Sign in
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onReset} ta="center">
          Forgot password? Use a reset code
        </Anchor>
        <Text size="sm" ta="center" c="dimmed">
          New to KitchenGuard?{' '}
          <Anchor component="button" type="button" size="sm" onClick={onRegister}>
            Register your restaurant
          </Anchor>
        </Text>
      </Stack>
    </Form>
  );
}
