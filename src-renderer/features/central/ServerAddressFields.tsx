import { Grid, NumberInput } from '@mantine/core';
import { Controller, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { TextField } from '../../forms/fields';

/** The fields every form about a server has: where it is, and the CA bundle that proves it. */
export interface ServerAddress {
  host: string;
  port: number;
  database: string;
  caFile: string;
}

interface ServerAddressFieldsProps<T extends ServerAddress, R extends FieldValues> {
  form: UseFormReturn<T, unknown, R>;
  /** Between the database and the CA bundle: the user name of the form's own account. */
  children?: React.ReactNode;
}

export const CA_FILE_HINT = 'e.g. /path/to/global-bundle.pem — the RDS global bundle';

export function ServerAddressFields<T extends ServerAddress, R extends FieldValues>({
  form,
  children,
}: ServerAddressFieldsProps<T, R>) {
  // The field names are fixed by ServerAddress; the cast only forgets the rest of T.
  const address = form as unknown as UseFormReturn<ServerAddress, unknown, FieldValues>;
  const { errors } = address.formState;
  return (
    <Grid gap="md">
      <Grid.Col span={9}>
        <TextField
          form={address}
          name="host"
          label="Host"
          withAsterisk
          placeholder="e.g. kitchen.abc123.eu-west-1.rds.amazonaws.com"
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
      </Grid.Col>
      <Grid.Col span={3}>
        <Controller
          control={address.control}
          name="port"
          render={({ field }) => (
            <NumberInput
              label="Port"
              withAsterisk
              min={1}
              max={65535}
              // Out of range is refused with the contract's message, never quietly changed.
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              hideControls
              thousandSeparator=""
              value={field.value ?? ''}
              onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.port?.message}
            />
          )}
        />
      </Grid.Col>
      <Grid.Col span={children ? 6 : 12}>
        <TextField form={address} name="database" label="Database" withAsterisk autoComplete="off" spellCheck={false} />
      </Grid.Col>
      {children && <Grid.Col span={6}>{children}</Grid.Col>}
      <Grid.Col span={12}>
        <TextField
          form={address}
          name="caFile"
          label="CA bundle file"
          withAsterisk
          description={CA_FILE_HINT}
          autoComplete="off"
          spellCheck={false}
        />
      </Grid.Col>
    </Grid>
  );
}
