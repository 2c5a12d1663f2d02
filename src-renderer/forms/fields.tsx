/**
 * A form's text, password, select and multi-select fields: registered under their name, their error shown at the
 * field, announced as invalid, and linked to the field as its description.
 */
import {
  MultiSelect,
  type MultiSelectProps,
  PasswordInput,
  type PasswordInputProps,
  Select,
  type SelectProps,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import { Controller, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { newPassword } from '../../shared/contract/fields';

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

/** The rule the core holds every new password to, said before it is broken. */
export const NEW_PASSWORD_RULE = `At least ${newPassword.minLength} characters`;

/** A password being chosen: "New password" unless labelled otherwise, with the rule under it. */
export function NewPasswordField<T extends FieldValues, R extends FieldValues>(
  props: FieldProps<T, R, PasswordInputProps>,
) {
  return <PasswordField label="New password" description={NEW_PASSWORD_RULE} autoComplete="new-password" {...props} />;
}

/** One of a list; once chosen it cannot be cleared back to nothing. */
export function SelectField<T extends FieldValues, R extends FieldValues>({
  form,
  name,
  ...props
}: FieldProps<T, R, SelectProps>) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          {...props}
          value={field.value ?? null}
          onChange={(value) => field.onChange(value ?? undefined)}
          onBlur={field.onBlur}
          ref={field.ref}
          error={fieldState.error?.message}
          allowDeselect={false}
        />
      )}
    />
  );
}

/** Several of a list (storage areas, categories): searchable; none chosen is an empty list. */
export function MultiSelectField<T extends FieldValues, R extends FieldValues>({
  form,
  name,
  ...props
}: FieldProps<T, R, MultiSelectProps>) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <MultiSelect
          searchable
          {...props}
          value={field.value ?? []}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
