/**
 * A form's text and password fields: registered under their name, their error shown at the field,
 * announced as invalid, and linked to the field as its description.
 */
import { PasswordInput, type PasswordInputProps, TextInput, type TextInputProps } from '@mantine/core';
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';

type FieldProps<T extends FieldValues, R extends FieldValues, P> = Omit<P, 'form' | 'name' | 'error'> & {
  form: UseFormReturn<T, unknown, R>;
  name: FieldPath<T>;
};

const errorOf = <T extends FieldValues, R extends FieldValues>(
  form: UseFormReturn<T, unknown, R>,
  name: FieldPath<T>,
) => form.getFieldState(name, form.formState).error?.message;

export function TextField<T extends FieldValues, R extends FieldValues>({
  form,
  name,
  ...props
}: FieldProps<T, R, TextInputProps>) {
  return <TextInput {...props} {...form.register(name)} error={errorOf(form, name)} />;
}

/** Mantine's PasswordInput marks its input `data-invalid` only: `aria-invalid` is added here. */
export function PasswordField<T extends FieldValues, R extends FieldValues>({
  form,
  name,
  ...props
}: FieldProps<T, R, PasswordInputProps>) {
  const error = errorOf(form, name);
  return <PasswordInput {...props} {...form.register(name)} error={error} aria-invalid={error ? true : undefined} />;
}
