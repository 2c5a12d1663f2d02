import type { AppError, AppErrorKind } from '../../shared/errors';

/** A failed bridge call, carrying the core's typed error so screens can react to its kind. */
export class BridgeError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'BridgeError';
  }

  get kind(): AppErrorKind {
    return this.appError.kind;
  }
}

export const isBridgeError = (error: unknown, kind?: AppErrorKind): error is BridgeError =>
  error instanceof BridgeError && (kind === undefined || error.kind === kind);

/** Anything thrown on the way (a dead bridge, a bug) becomes an `unavailable` or `internal` error. */
export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BridgeError({ kind: 'internal', message: `Something went wrong: ${message}` });
}
