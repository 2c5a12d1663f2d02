/**
 * Which session the sync engine speaks for. Changes go to the server under their author's own
 * session: the signed-in user's, or — for someone who signed out before their changes were sent —
 * a session kept back in the keychain until they are. An offline sign-in is confirmed with the
 * server (with the password held in memory only) when it is reached again.
 */

import { z } from 'zod';
import type { CentralServer } from '../central/central-server';
import type { SecretStore } from '../secrets/keychain';
import { readMeta, writeMeta } from '../store/meta';
import { hasWaitingBy } from '../store/outbox';
import { type AdoptDeps, adoptGrant, heedRefusal } from './adopt';
import { callServer, serverLogin } from './server-calls';

export interface SyncSession {
  /** Someone is signed in on this computer (with the server or offline). */
  signedIn(): boolean;
  /** The signed-in user's server token (confirming an offline sign-in first), or null. */
  serverToken(server: CentralServer): Promise<string | null>;
  tokenFor(authorId: string | null): Promise<string | null>;
  /** The server no longer knows this session: sign out here too. */
  ended(): Promise<void>;
  /** Why the last sign-out happened, once. */
  takeEndReason(): string | null;
  rememberForConfirmation(login: string, password: string): void;
  /** Keeps a signing-out user's session for their unsent changes; true if it was kept. */
  retainIfPending(userId: string, token: string): Promise<boolean>;
  releaseRetained(server: CentralServer): Promise<void>;
}

export interface SyncSessionDeps extends AdoptDeps {
  secrets: SecretStore;
  deviceId: string;
}

const RETAINED_KEY = 'sync.retained';

export function createSyncSession(deps: SyncSessionDeps): SyncSession {
  const { db, auth, secrets, deviceId } = deps;
  let confirmation: { login: string; password: string } | null = null;
  let endReason: string | null = null;
  const account = (userId: string) => `retained:${deviceId}:${userId}`;
  const retained = (): string[] => JSON.parse(readMeta(db, RETAINED_KEY) ?? '[]') as string[];
  const setRetained = (ids: string[]) => writeMeta(db, RETAINED_KEY, JSON.stringify(ids));

  async function end(reason: string): Promise<void> {
    endReason = reason;
    confirmation = null;
    await auth.endSession();
  }

  async function confirm(server: CentralServer): Promise<string | null> {
    if (!confirmation) {
      await end('Signed out: sign in again to reconnect with the central server.');
      return null;
    }
    const reply = await serverLogin(server, confirmation.login, confirmation.password, deviceId);
    if (reply.status === 'invalid' || reply.status === 'inactive') heedRefusal(deps, confirmation.login, reply.status);
    if (reply.status !== 'ok') {
      await end(
        'Signed out: the central server did not accept your sign-in (password changed or account deactivated).',
      );
      return null;
    }
    const password = confirmation.password;
    confirmation = null;
    await adoptGrant(deps, reply, password);
    return reply.token;
  }

  return {
    signedIn: () => auth.current() !== null,

    async serverToken(server) {
      const current = auth.current();
      if (!current) return null;
      if (current.origin === 'offline') return confirm(server);
      return current.origin === 'server' ? current.token : null;
    },

    async tokenFor(authorId) {
      const current = auth.current();
      const own = current?.origin === 'server' ? current.token : null;
      if (!authorId || authorId === current?.userId) return own;
      const kept = retained().includes(authorId) ? await secrets.get(account(authorId)).catch(() => null) : null;
      // Nobody's session to send them under: the signed-in user's; the server judges by that role.
      return kept ?? own;
    },

    ended: () => end('Signed out: your session was ended on the central server.'),

    takeEndReason() {
      const reason = endReason;
      endReason = null;
      return reason;
    },

    rememberForConfirmation(login, password) {
      confirmation = { login, password };
    },

    async retainIfPending(userId, token) {
      if (!hasWaitingBy(db, userId)) return false;
      await secrets.set(account(userId), token);
      setRetained([...new Set([...retained(), userId])]);
      return true;
    },

    async releaseRetained(server) {
      for (const userId of retained()) {
        if (hasWaitingBy(db, userId)) continue;
        const token = await secrets.get(account(userId)).catch(() => null);
        if (token)
          await callServer(server, token, 'SELECT kg.logout() AS reply', [], z.unknown()).catch(() => undefined);
        await secrets.delete(account(userId)).catch(() => undefined);
        setRetained(retained().filter((id) => id !== userId));
      }
    },
  };
}
