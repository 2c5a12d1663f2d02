import { Anchor, Button, Fieldset, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Controller } from 'react-hook-form';
import { registerInput } from '../../../shared/contract/auth';
import { RESTAURANT_TYPES } from '../../../shared/domain';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { PasswordField, TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { capitalise } from '../../ui/format';
import classes from './RegisterForm.module.css';
import { useRegister } from './session';

const TYPE_OPTIONS = RESTAURANT_TYPES.map((type) => ({ value: type, label: capitalise(type) }));

/** A new restaurant and its owner, in one step. */
export function RegisterForm({ onSignIn }: { onSignIn: () => void }) {
  const register = useRegister();
  const form = useContractForm(registerInput, {
    defaultValues: { restaurantName: '', fullName: '', position: '', username: '', email: '', password: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    register.mutate(values, { onError: (error) => showBridgeError(form, error) }),
  );

  useEffect(() => form.setFocus('restaurantName'), [form]);

  return (
    <Form form={form} onSubmit={submit} aria-labelledby="register-title">
      <Stack gap="md">
        <div>
          <Title order={1} fz={26} id="register-title">
            Register your restaurant
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            You become its owner and can add your team afterwards.
          </Text>
        </div>
        <FormAlert form={form} />
        <Fieldset legend="Your restaurant" variant="unstyled" classNames={{ legend: classes.legend }}>
          <SimpleGrid cols={2}>
            <TextField form={form} name="restaurantName" label="Restaurant name" withAsterisk />
            <Controller
              control={form.control}
              name="restaurantType"
              render={({ field }) => (
                <Select
                  label="Type"
                  withAsterisk
                  placeholder="Choose…"
                  data={TYPE_OPTIONS}
                  value={field.value ?? null}
                  onChange={(value) => field.onChange(value ?? undefined)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={errors.restaurantType?.message}
                  allowDeselect={false}
                />
              )}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="About you" variant="unstyled" classNames={{ legend: classes.legend }}>
          <SimpleGrid cols={2}>
            <TextField form={form} name="fullName" label="Full name" withAsterisk autoComplete="name" />
            <TextField
              form={form}
              name="position"
              label="Position"
              placeholder="e.g. Head chef"
              autoComplete="organization-title"
            />
            <TextField form={form} name="username" label="Username" withAsterisk autoComplete="username" />
            <TextField form={form} name="email" label="Email" withAsterisk type="email" autoComplete="email" />
            <PasswordField
              form={form}
              name="password"
              label="Password"
              withAsterisk
              description="At least 10 characters"
              autoComplete="new-password"
            />
          </SimpleGrid>
        </Fieldset>
        <Button type="submit" loading={register.isPending} fullWidth>
          Create restaurant
        </Button>
        <Text size="sm" ta="center" c="dimmed">
          Already registered?{' '}
          <Anchor component="button" type="button" size="sm" onClick={onSignIn}>
            Sign in
          </Anchor>
        </Text>
      </Stack>
    </Form>
  );
}
