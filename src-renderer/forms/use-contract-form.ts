/**
 * react-hook-form validated by the contract's own zod input schema, so a form accepts exactly what
 * the core accepts. `normalise` rewrites typed text first (e.g. "12,5" → "12.5") without touching
 * what the user sees in the field. The focus after a failed submit is left to `Form` (form order).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { type DefaultValues, type FieldValues, type Resolver, useForm } from 'react-hook-form';
import type { z } from 'zod';

type FormSchema = z.ZodType<FieldValues, FieldValues>;

interface ContractFormOptions<S extends FormSchema> {
  defaultValues: DefaultValues<z.input<S>>;
  normalise?: (values: z.input<S>) => z.input<S>;
  /**
   * When fields are first checked: on leaving them (the default), or only on submit where leaving
   * an empty field is part of using the form (a popover whose field has the focus as it opens).
   */
  mode?: 'onTouched' | 'onSubmit';
}

export function useContractForm<S extends FormSchema>(
  schema: S,
  { defaultValues, normalise, mode = 'onTouched' }: ContractFormOptions<S>,
) {
  const validate: Resolver<z.input<S>, unknown, z.output<S>> = zodResolver(schema);
  const resolver: Resolver<z.input<S>, unknown, z.output<S>> = (values, context, options) =>
    validate(normalise ? normalise(values) : values, context, options);
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver,
    defaultValues,
    mode,
    shouldFocusError: false,
  });
}
