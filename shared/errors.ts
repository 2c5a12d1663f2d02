/**
 * Errors cross the bridge as plain data, never as thrown objects or stack traces.
 * Each kind tells the renderer what to do: show at a field, send to sign-in, explain, retry.
 */
import { z } from 'zod';

export const fieldIssueSchema = z.object({
  /** Dotted path of the offending field, e.g. "unitCost" or "items.3.name"; "" for the whole input. */
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const appErrorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('validation'), message: z.string(), issues: z.array(fieldIssueSchema) }),
  z.object({ kind: z.literal('unauthenticated'), message: z.string() }),
  z.object({ kind: z.literal('forbidden'), message: z.string() }),
  z.object({ kind: z.literal('not_found'), message: z.string() }),
  z.object({ kind: z.literal('conflict'), message: z.string(), field: z.string().optional() }),
  z.object({ kind: z.literal('rate_limited'), message: z.string(), retryAfterSeconds: z.number() }),
  z.object({ kind: z.literal('unavailable'), message: z.string() }),
  /** The computer's disk is full: nothing was saved; freeing space and trying again works. */
  z.object({ kind: z.literal('disk_full'), message: z.string() }),
  z.object({ kind: z.literal('internal'), message: z.string() }),
]);
export type AppError = z.infer<typeof appErrorSchema>;
export type AppErrorKind = AppError['kind'];

export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown by services; the router turns it into an `AppError` for the bridge. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
  }
}

const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;

/**
 * The one wording of a lockout: seconds up to a minute and a half, whole minutes (rounded up) up to an
 * hour and a half, whole hours (rounded up) after: a lock can last a day.
 */
export function lockoutMessage(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const wait =
    seconds > 90 * 60
      ? plural(Math.ceil(seconds / 3600), 'hour')
      : seconds > 90
        ? plural(Math.ceil(seconds / 60), 'minute')
        : plural(seconds, 'second');
  return `Too many failed attempts. Try again in ${wait}.`;
}

export const fail = {
  validation: (path: string, message: string) =>
    new AppFailure({ kind: 'validation', message, issues: [{ path, message }] }),
  unauthenticated: (message = 'Please sign in again.') => new AppFailure({ kind: 'unauthenticated', message }),
  forbidden: (message: string) => new AppFailure({ kind: 'forbidden', message }),
  notFound: (message: string) => new AppFailure({ kind: 'not_found', message }),
  conflict: (message: string, field?: string) => new AppFailure({ kind: 'conflict', message, field }),
  /** Too many wrong guesses: always in the words of `lockoutMessage`, wherever the lock was kept. */
  rateLimited: (retryAfterSeconds: number) =>
    new AppFailure({ kind: 'rate_limited', message: lockoutMessage(retryAfterSeconds), retryAfterSeconds }),
  unavailable: (message: string) => new AppFailure({ kind: 'unavailable', message }),
};

/** zod issues → field issues with dotted paths, for forms to show at the field. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function validationError(error: z.ZodError, what = 'input'): AppError {
  const issues = toFieldIssues(error);
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  return { kind: 'validation', message: `Invalid ${what}. ${where}${first?.message ?? ''}`.trim(), issues };
}
