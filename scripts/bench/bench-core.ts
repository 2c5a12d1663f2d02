/** What every core benchmark does: open a core as a packaged app runs it, call it, register an owner. */
import type { SessionView } from '../../shared/contract/auth';
import { type Core, openCore } from '../../src-main/core/app-core';
import { memoryStore, type SecretStore } from '../../src-main/secrets/keychain';
import type { SyncOptions } from '../../src-main/sync/sync-feature';

export const quiet = { error: () => {}, warn: () => {}, info: () => {} };

/** A keychain kept in memory that says it remembers, so a session survives reopening the core. */
export interface BenchKeychain extends SecretStore {
  readonly entries: Map<string, string>;
}

export function benchKeychain(entries = new Map<string, string>()): BenchKeychain {
  return { ...memoryStore('', entries), available: true, problem: null, entries };
}

export async function benchCore(
  dataFolder: string,
  options: { secrets?: BenchKeychain; sync?: SyncOptions } = {},
): Promise<{ core: Core; secrets: BenchKeychain }> {
  const secrets = options.secrets ?? benchKeychain();
  const core = await openCore({
    dataFolder,
    appVersion: 'bench',
    log: quiet,
    secrets,
    hashCost: 12, // the shipped cost; only the one registration pays it
    checkOutputs: false, // as a packaged app runs
    sync: options.sync,
  });
  return { core, secrets };
}

export async function call(core: Core, channel: string, input: unknown): Promise<unknown> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export const registerBench = async (core: Core): Promise<SessionView> =>
  (await call(core, 'auth.register', {
    restaurantName: 'Bench Bistro',
    restaurantType: 'restaurant',
    fullName: 'Bea Bench',
    position: 'Owner',
    username: 'bench',
    email: 'bench@bistro.test',
    password: 'correct horse battery staple',
  })) as SessionView;

/** One kitchen item to record stock movements on; its id. */
export const createFlour = async (core: Core): Promise<string> =>
  (
    (await call(core, 'inventory.create', {
      area: 'kitchen',
      name: 'Flour',
      category: 'Dry goods',
      supplier: 'Mill',
      unit: 'kg',
      unitCost: '1.20',
      par: null,
    })) as { id: string }
  ).id;
