/**
 * Holds this device's session token: in memory for the running app, and in the OS keychain so a
 * restart resumes the session without a password. The store never sees the token, only its hash.
 */
import type { SecretStore } from '../secrets/keychain';

export interface SessionKeeper {
  token(): string | null;
  /** Keeps the token; resolves whether the keychain remembered it across restarts. */
  keep(token: string): Promise<boolean>;
  forget(): Promise<void>;
  readonly remembers: boolean;
}

export async function openSessionKeeper(secrets: SecretStore, deviceId: string): Promise<SessionKeeper> {
  const account = `session:${deviceId}`;
  let current = await secrets.get(account).catch(() => null);
  return {
    token: () => current,
    get remembers() {
      return secrets.available;
    },
    async keep(token) {
      current = token;
      try {
        await secrets.set(account, token);
        return secrets.available;
      } catch {
        return false;
      }
    },
    async forget() {
      current = null;
      await secrets.delete(account).catch(() => undefined);
    },
  };
}
