/**
 * What went wrong talking to the central server, in words a manager can act on. Each connection
 * failure has its own message; errors raised by the server's functions map onto the app's errors.
 */
import type { AppError } from '../../shared/errors';

export type ServerProblem =
  | 'tls_unsupported'
  | 'certificate_untrusted'
  | 'hostname_mismatch'
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'credentials'
  | 'no_database'
  | 'schema_missing'
  | 'schema_old'
  | 'connection_lost'
  | 'unknown';

export class ServerConnectionError extends Error {
  constructor(
    readonly problem: ServerProblem,
    message: string,
    /** Worth retrying by itself (network), as opposed to needing someone to fix a setting. */
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'ServerConnectionError';
  }
}

interface Where {
  host: string;
  port: number;
  database: string;
  user: string;
}

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
]);
const LOST = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08003', '08001']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

const codeOf = (error: unknown): string => String((error as { code?: unknown })?.code ?? '');
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Turns a pg/TLS/socket error met while connecting or querying into a named problem. */
export function describeConnectionError(error: unknown, where: Where): ServerConnectionError {
  if (error instanceof ServerConnectionError) return error;
  const code = codeOf(error);
  const message = messageOf(error);
  const at = `${where.host}:${where.port}`;
  const problem = (kind: ServerProblem, text: string, transient = false) =>
    new ServerConnectionError(kind, text, transient);

  if (/does not support SSL/i.test(message)) {
    return problem(
      'tls_unsupported',
      `The server at ${at} does not offer encrypted (TLS) connections, and KitchenGuard connects only over verified TLS. Turn on SSL on the server (on AWS RDS it is on by default).`,
    );
  }
  if (UNTRUSTED.has(code)) {
    return problem(
      'certificate_untrusted',
      `The server's certificate could not be verified with the CA bundle you chose (${code}). Choose the bundle that signed it — for AWS RDS, the global bundle from AWS — and try again.`,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return problem(
      'hostname_mismatch',
      `The server's certificate is not for "${where.host}". Use the exact host name the certificate names (for RDS, the endpoint shown in the AWS console), not an IP address or an alias.`,
    );
  }
  if (code === '28000') {
    return problem(
      'credentials',
      `The server refused this connection for user "${where.user}" (no matching access rule; KitchenGuard always uses TLS). Ask your database administrator to allow this user over SSL.`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return problem(
      'dns',
      `No server called "${where.host}" could be found (DNS lookup failed). Check the host name, or your internet connection.`,
      true,
    );
  }
  if (UNREACHABLE.has(code)) {
    return problem(
      'refused',
      `Nothing answered at ${at} (${code}). Check the host and port, and that the server is running and reachable from this network.`,
      true,
    );
  }
  if (code === 'ETIMEDOUT' || /timeout|timed out/i.test(message)) {
    return problem(
      'timeout',
      `The server at ${at} did not answer in time. It may be down or blocked by a firewall; KitchenGuard will keep trying.`,
      true,
    );
  }
  // PgBouncer answers an unknown (or revoked) login and a wrong password with 08P01, not 28P01.
  const poolerRefused = code === '08P01' && /no such user|authentication failed/i.test(message);
  if (code === '28P01' || poolerRefused) {
    return problem(
      'credentials',
      `The server refused the user name "${where.user}" or its password. Check both in Settings → Central server.`,
    );
  }
  if (code === '3D000') {
    return problem('no_database', `There is no database called "${where.database}" on ${at}. Check the database name.`);
  }
  if (['3F000', '42P01', '42883'].includes(code) || (code === '42501' && /schema kg/.test(message))) {
    return problem(
      'schema_missing',
      `The database "${where.database}" has no KitchenGuard schema this user can use. Run the server set-up (Settings → Central server → Set up server) with an administrator account.`,
    );
  }
  if (
    LOST.has(code) ||
    /Connection terminated|socket hang up|Client has encountered a connection error/i.test(message)
  ) {
    return problem(
      'connection_lost',
      'The connection to the central server was lost. Working offline; changes are kept on this computer and sent when it is back.',
      true,
    );
  }
  return problem('unknown', `The central server could not be used: ${message}`, true);
}

/**
 * A change the server could not read or store as it was sent (SQLSTATE class 22: text it cannot
 * hold, a malformed number or id): the fault of that change, never of the connection. The message
 * is for a person; the server's own words stay in `cause`, for the log.
 */
export class ServerDataError extends Error {
  constructor(override readonly cause: unknown) {
    const detail = `${messageOf(cause)} ${(cause as { detail?: unknown })?.detail ?? ''}`;
    const characters = ['22P05', '22021'].includes(codeOf(cause)) || /unicode|surrogate|escape/i.test(detail);
    super(
      characters
        ? 'The server could not store this change: it holds characters that cannot be saved.'
        : 'The server could not store this change: part of it is not in a form the server accepts.',
    );
    this.name = 'ServerDataError';
  }
}

export const isDataError = (error: unknown): boolean => codeOf(error).startsWith('22');

/** SQLSTATEs the server's functions raise, and what they mean to the app. */
const APP_ERRORS: Record<string, AppError['kind']> = {
  KG401: 'unauthenticated',
  KG403: 'forbidden',
  KG404: 'not_found',
  KG409: 'conflict',
  KG422: 'validation',
};

/** An error a server function raised on purpose, as an AppError; null for anything else. */
export function appErrorFromServer(error: unknown): AppError | null {
  const kind = APP_ERRORS[codeOf(error)];
  if (!kind) return null;
  const message = messageOf(error);
  const field = (error as { detail?: string }).detail ?? '';
  if (kind === 'validation') return { kind, message, issues: [{ path: field, message }] };
  if (kind === 'conflict') return { kind, message, field: field || undefined };
  return { kind, message } as AppError;
}
