/**
 * Calls to the central server's functions, with their replies checked (they are untrusted input)
 * and their errors turned into the app's: a refusal raised by the server keeps its meaning, a
 * network failure becomes `unavailable` with the connection problem in words.
 */
import { z } from 'zod';
import { AppFailure, fail } from '../../shared/errors';
import type { CentralServer, Query } from '../central/central-server';
import { appErrorFromServer, ServerConnectionError } from '../central/server-errors';
import { serverUser } from './server-rows';

/** kg.user_json(): camelCase, with the restaurant inside. */
const userJson = z
  .object({
    id: z.string(),
    restaurantId: z.string(),
    username: z.string(),
    email: z.string(),
    fullName: z.string(),
    position: z.string(),
    role: z.string(),
    isActive: z.boolean(),
    kitchenProduceList: z.array(z.string()),
    barProduceList: z.array(z.string()),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    restaurant: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  })
  .transform((json) => ({
    user: serverUser.parse({
      id: json.id,
      restaurant_id: json.restaurantId,
      username: json.username,
      email: json.email,
      full_name: json.fullName,
      position: json.position,
      role: json.role,
      kitchen_produce_list: json.kitchenProduceList,
      bar_produce_list: json.barProduceList,
      is_active: json.isActive,
      last_login_at: json.lastLoginAt,
      created_at: json.createdAt,
      updated_at: json.createdAt,
    }),
    // kg.user_json does not carry the currency: the restaurant's row, pulled, does.
    restaurant: { ...json.restaurant, currency: null, created_at: json.createdAt, updated_at: json.createdAt },
  }));
export type ServerUserJson = z.output<typeof userJson>;

const grant = z.object({ token: z.string().min(20), expiresAt: z.string(), user: userJson });

/** Sets the restaurant's currency on the server (owners and managers); its computers pull it. */
export async function setServerCurrency(server: CentralServer, token: string, currency: string): Promise<string> {
  const reply = await callServer(
    server,
    token,
    'SELECT kg.set_currency($1) AS reply',
    [currency],
    z.object({ currency: z.string() }),
  );
  return reply.currency;
}
export type ServerGrant = z.output<typeof grant>;

export const loginReply = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), token: z.string().min(20), expiresAt: z.string(), user: userJson }),
  z.object({ status: z.literal('invalid') }),
  z.object({ status: z.literal('inactive') }),
  z.object({ status: z.literal('locked'), retryAfterSeconds: z.number() }),
]);
export type LoginReply = z.infer<typeof loginReply>;

/** Runs one function call in a transaction presenting `token`, mapping failures to AppFailures. */
export async function callServer<T>(
  server: CentralServer,
  token: string | null,
  text: string,
  params: unknown[],
  reply: z.ZodType<T>,
): Promise<T> {
  try {
    return await server.transaction(token, async (query: Query) => {
      const { rows } = await query<{ reply: unknown }>(text, params);
      const parsed = reply.safeParse(rows[0]?.reply);
      if (!parsed.success) throw new Error(`The server sent a reply that could not be read: ${parsed.error.message}`);
      return parsed.data;
    });
  } catch (error) {
    throw asAppFailure(error);
  }
}

export function asAppFailure(error: unknown): AppFailure | Error {
  if (error instanceof AppFailure) return error;
  const raised = appErrorFromServer(error);
  if (raised) return new AppFailure(raised);
  // The connection problem rides along as the cause: sign-in falls back to offline on it.
  if (error instanceof ServerConnectionError) return Object.assign(fail.unavailable(error.message), { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

export const serverLogin = (server: CentralServer, login: string, password: string, deviceId: string) =>
  callServer(server, null, 'SELECT kg.login($1, $2, $3) AS reply', [login, password, deviceId], loginReply);

/**
 * kg.register: a grant, or why not. A refusal comes as a reply, not an error, so the server's count of
 * registration attempts holds; `refusal` turns it back into the error it would have raised.
 */
export const registerReply = z.discriminatedUnion('status', [
  grant.extend({ status: z.literal('ok') }),
  z.object({ status: z.literal('locked'), retryAfterSeconds: z.number() }),
  z.object({ status: z.literal('refused'), code: z.string(), message: z.string(), field: z.string() }),
]);
export const refusal = ({ code, message, field }: { code: string; message: string; field: string }) =>
  asAppFailure(Object.assign(new Error(message), { code, detail: field || undefined }));
export const userReply = userJson;
