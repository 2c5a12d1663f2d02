/**
 * Secrets in the OS keychain (Keychain on macOS, Credential Manager on Windows, the Secret Service
 * on Linux) through @napi-rs/keyring. Where no keychain answers, the app still works: it says so
 * once and keeps secrets only in memory, so the session ends when the app closes.
 */
import { AsyncEntry } from '@napi-rs/keyring';

export interface SecretStore {
  readonly available: boolean;
  /** Why the keychain cannot be used, in words for the status bar; null when it can. */
  readonly problem: string | null;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

export const KEYCHAIN_SERVICE = 'KitchenGuard';

const PROBE_ACCOUNT = 'keychain-probe';

/** Opens the keychain, proving it can write: on Linux a missing Secret Service still reads as empty. */
export async function openKeychain(service = KEYCHAIN_SERVICE): Promise<SecretStore> {
  try {
    const probe = new AsyncEntry(service, PROBE_ACCOUNT);
    await probe.setPassword('ok');
    await probe.deletePassword();
    return keyringStore(service);
  } catch (error) {
    return memoryStore(describeKeychainProblem(error));
  }
}

function keyringStore(service: string): SecretStore {
  const entry = (account: string) => new AsyncEntry(service, account);
  return {
    available: true,
    problem: null,
    get: (account) => entry(account).getPassword(),
    set: (account, secret) => entry(account).setPassword(secret),
    delete: async (account) => {
      await entry(account).deletePassword();
    },
  };
}

/** The no-keychain path: secrets live only as long as the process (in `secrets`). */
export function memoryStore(problem: string, secrets = new Map<string, string>()): SecretStore {
  return {
    available: false,
    problem,
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret);
    },
    delete: async (account) => {
      secrets.delete(account);
    },
  };
}

export function describeKeychainProblem(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `The system keychain is not available (${detail}), so KitchenGuard cannot remember your sign-in: you will be asked for your password each time the app starts.`;
}
