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

type Fields<K extends string> = { [key in K]: K extends 'port' ? number | undefined : string };
/** The form's fields of these names; the cast only forgets the rest of T. */
const narrowed = <K extends string, T extends Fields<K>, R extends FieldValues>(form: UseFormReturn<T, unknown, R>) =>
  form as unknown as UseFormReturn<Fields<K>, unknown, FieldValues>;

/** Where the server is: a host name (or an address), as its certificate names it. */
export function HostField<T extends Fields<'host'>, R extends FieldValues>({
  form,
}: {
  form: UseFormReturn<T, unknown, R>;
}) {
  return (
    <TextField
      form={narrowed<'host', T, R>(form)}
      name="host"
      label="Host"
      withAsterisk
      placeholder="e.g. kitchen.abc123.eu-west-1.rds.amazonaws.com"
      autoComplete="off"
      spellCheck={false}
      data-autofocus
    />
  );
}

/** The CA bundle that signed the server's certificate: KitchenGuard connects only over verified TLS. */
export function CaFileField<T extends Fields<'caFile'>, R extends FieldValues>({
  form,
}: {
  form: UseFormReturn<T, unknown, R>;
}) {
  return (
    <TextField
      form={narrowed<'caFile', T, R>(form)}
      name="caFile"
      label="CA bundle file"
      withAsterisk
      description={CA_FILE_HINT}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

/** A server's port: a whole number, never quietly changed (out of range is the contract's message). */
export function PortField<T extends { port?: number }, R extends FieldValues>({
  form,
}: {
  form: UseFormReturn<T, unknown, R>;
}) {
  const address = form as unknown as UseFormReturn<Fields<'port'>, unknown, FieldValues>;
  return (
    <Controller
      control={address.control}
      name="port"
      render={({ field }) => (
        <NumberInput
          label="Port"
          withAsterisk
          min={1}
          max={65535}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          hideControls
          thousandSeparator=""
          value={field.value ?? ''}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
          onBlur={field.onBlur}
          ref={field.ref}
          error={address.formState.errors.port?.message}
        />
      )}
    />
  );
}

export function ServerAddressFields<T extends ServerAddress, R extends FieldValues>({
  form,
  children,
}: ServerAddressFieldsProps<T, R>) {
  // The field names are fixed by ServerAddress; the cast only forgets the rest of T.
  const address = form as unknown as UseFormReturn<ServerAddress, unknown, FieldValues>;
  return (
    <Grid gap="md">
      <Grid.Col span={9}>
        <HostField form={form} />
      </Grid.Col>
      <Grid.Col span={3}>
        <PortField form={form} />
      </Grid.Col>
      <Grid.Col span={children ? 6 : 12}>
        <TextField form={address} name="database" label="Database" withAsterisk autoComplete="off" spellCheck={false} />
      </Grid.Col>
      {children && <Grid.Col span={6}>{children}</Grid.Col>}
      <Grid.Col span={12}>
        <CaFileField form={form} />
      </Grid.Col>
    </Grid>
  );
}
