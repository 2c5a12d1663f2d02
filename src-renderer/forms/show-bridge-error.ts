/**
 * Puts a failed call's error where the user will look: at the field it is about, or in the form's
 * alert. The values typed stay in the form.
 */
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { toBridgeError } from '../api/bridge-error';

export const SERVER_ERROR = 'root.server';

export function showBridgeError<T extends FieldValues, R extends FieldValues>(
  form: UseFormReturn<T, unknown, R>,
  error: unknown,
): void {
  const { appError } = toBridgeError(error);
  const fields = Object.keys(form.getValues());
  const fieldOf = (path: string | undefined): FieldPath<T> | null => {
    const head = path?.split('.')[0] ?? '';
    return fields.includes(head) ? (head as FieldPath<T>) : null;
  };
  const unplaced: string[] = [];
  let focused = false;
  // The focus goes to the first field the core named (its issues come in the schema's order).
  const place = (path: string | undefined, message: string) => {
    const field = fieldOf(path);
    if (!field) {
      unplaced.push(message);
      return;
    }
    form.setError(field, { type: 'server', message }, { shouldFocus: !focused });
    focused = true;
  };

  if (appError.kind === 'validation' && appError.issues.length > 0) {
    for (const issue of appError.issues) place(issue.path, issue.message);
  } else if (appError.kind === 'conflict') {
    place(appError.field, appError.message);
  } else {
    unplaced.push(appError.message);
  }
  if (unplaced.length > 0) form.setError(SERVER_ERROR, { type: 'server', message: unplaced.join(' ') });
}
