import { Anchor, Button, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { registerInput } from '../../../shared/contract/auth';
import { RESTAURANT_TYPES } from '../../../shared/domain';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { SelectField, TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { CURRENCY_OPTIONS, OWN_CURRENCY } from '../../ui/currency-options';
import { capitalise } from '../../ui/format';
import { PersonFields } from './PersonFields';
import classes from './RegisterForm.module.css';
import { StepHeading } from './StepHeading';
import { useRegister } from './session';

const TYPE_OPTIONS = RESTAURANT_TYPES.map((type) => ({ value: type, label: capitalise(type) }));

/** A new restaurant and its owner, in one step. */
export function RegisterForm({ onSignIn }: { onSignIn: () => void }) {
  const register = useRegister();
  const form = useContractForm(registerInput, {
    defaultValues: {
      restaurantName: '',
      currency: OWN_CURRENCY,
      fullName: '',
      position: '',
      username: '',
      email: '',
      password: '',
    },
  });
  const submit = form.handleSubmit((values) =>
    register.mutate(values, { onError: (error) => showBridgeError(form, error) }),
  );

  useEffect(() => form.setFocus('restaurantName'), [form]);

  return (
    <Form form={form} onSubmit={submit} aria-labelledby="register-title">
      <Stack gap="md">
        <StepHeading id="register-title" title="Register your restaurant">
          You become its owner and can add your team afterwards.
        </StepHeading>
        <FormAlert form={form} />
        <Fieldset legend="Your restaurant" variant="unstyled" classNames={{ legend: classes.legend }}>
          <SimpleGrid cols={2}>
            <TextField form={form} name="restaurantName" label="Restaurant name" withAsterisk />
            <SelectField
              form={form}
              name="restaurantType"
              label="Type"
              withAsterisk
              placeholder="Choose…"
              data={TYPE_OPTIONS}
            />
            <SelectField
              form={form}
              name="currency"
              label="Currency"
              description="Money shows in it on every computer; owners and managers can change it in Settings."
              placeholder="Choose…"
              searchable
              data={CURRENCY_OPTIONS}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="About you" variant="unstyled" classNames={{ legend: classes.legend }}>
          <PersonFields form={form} account="own" />
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
