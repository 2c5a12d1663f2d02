import { type ComponentPropsWithoutRef, useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

type FormProps<T extends FieldValues, R extends FieldValues> = Omit<ComponentPropsWithoutRef<'form'>, 'noValidate'> & {
  form: UseFormReturn<T, unknown, R>;
};

/**
 * A form of the app: the contract's schema checks it (no browser bubbles), and after a submit that
 * found errors the focus goes to the first field marked invalid, in the order the form shows them.
 * (react-hook-form would focus in the order fields registered: plain inputs before Controller ones.)
 */
export function Form<T extends FieldValues, R extends FieldValues>({ form, children, ...props }: FormProps<T, R>) {
  const element = useRef<HTMLFormElement>(null);
  const { submitCount } = form.formState;
  useEffect(() => {
    if (submitCount > 0) element.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitCount]);
  return (
    <form ref={element} noValidate {...props}>
      {children}
    </form>
  );
}
