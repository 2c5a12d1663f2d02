import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/** The form-level error (not about one field): wrong password, no permission, too many attempts… */
export function FormAlert<T extends FieldValues, R extends FieldValues>({
  form,
  title,
}: {
  form: UseFormReturn<T, unknown, R>;
  /** A heading for errors that need more than one line to explain (e.g. the server is out of reach). */
  title?: string;
}) {
  const message = form.formState.errors.root?.server?.message;
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" title={title}>
      {message}
    </Alert>
  );
}
