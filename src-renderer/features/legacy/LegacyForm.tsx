import { Grid, Text } from '@mantine/core';
import type { UseFormReturn } from 'react-hook-form';
import type { ParsedInput } from '../../../shared/contract';
import type { LegacyInput } from '../../../shared/contract/legacy';
import { FormAlert } from '../../forms/FormAlert';
import { PasswordField, TextField } from '../../forms/fields';
import { CaFileField, HostField, PortField } from '../central/ServerAddressFields';

export type LegacyForm = UseFormReturn<LegacyInput, unknown, ParsedInput<'legacy.preview'>>;

const plain = { autoComplete: 'off', spellCheck: false, withAsterisk: true } as const;

/** The old server (where, which databases, its login) and the person in the old KitchenGuard. */
export function LegacyFields({ form }: { form: LegacyForm }) {
  return (
    <Grid gap="md">
      <Grid.Col span={12}>
        <Text fw={600}>The old server</Text>
        <Text size="sm" c="dimmed">
          Its PostgreSQL server, only read. Whoever ran the old KitchenGuard has these details.
        </Text>
      </Grid.Col>
      <Grid.Col span={9}>
        <HostField form={form} />
      </Grid.Col>
      <Grid.Col span={3}>
        <PortField form={form} />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextField form={form} name="authDatabase" label="Accounts database" {...plain} />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextField form={form} name="inventoryDatabase" label="Stock database" {...plain} />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextField form={form} name="user" label="Database user" {...plain} />
      </Grid.Col>
      <Grid.Col span={6}>
        <PasswordField form={form} name="password" label="Database password" withAsterisk autoComplete="off" />
      </Grid.Col>
      <Grid.Col span={12}>
        <CaFileField form={form} />
      </Grid.Col>
      <Grid.Col span={12} mt="xs">
        <Text fw={600}>You, in the old KitchenGuard</Text>
        <Text size="sm" c="dimmed">
          Your restaurant comes over with everyone on it. You keep your password.
        </Text>
      </Grid.Col>
      <Grid.Col span={6}>
        <TextField form={form} name="login" label="Old username or email" {...plain} autoComplete="username" />
      </Grid.Col>
      <Grid.Col span={6}>
        <PasswordField
          form={form}
          name="oldPassword"
          label="Old password"
          withAsterisk
          autoComplete="current-password"
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <FormAlert form={form} />
      </Grid.Col>
    </Grid>
  );
}
