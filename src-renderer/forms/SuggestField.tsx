import { type Control, Controller, type FieldPath, type FieldValues } from 'react-hook-form';
import { SuggestInput } from '../ui/SuggestInput';

type SuggestFieldProps<T extends FieldValues> = {
  control: Control<T, unknown, FieldValues>;
  name: FieldPath<T>;
  label: string;
  data: string[];
  required?: boolean;
  description?: string;
  placeholder?: string;
  autoFocus?: boolean;
};

/** A text field of a form that suggests values (units, suppliers…) but accepts any text. */
export function SuggestField<T extends FieldValues>({
  control,
  name,
  required,
  autoFocus,
  ...props
}: SuggestFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SuggestInput
          {...props}
          withAsterisk={required}
          data-autofocus={autoFocus || undefined}
          value={String(field.value ?? '')}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
