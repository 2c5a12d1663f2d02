import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/** The form-level error (not about one field): wrong password, no permission, too many attempts… */
export function FormAlert<T extends FieldValues, R extends FieldValues>({
  form,
}: {
  form: UseFormReturn<T, unknown, R>;
}) {
  const message = form.formState.errors.root?.server?.message;
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
      {message}
    </Alert>
  );
}
