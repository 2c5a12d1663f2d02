/** One account backend that picks, on every call, the central server's when one is set up. */
import type { AccountBackend } from './account-backend';

export function switchOnEachCall(
  local: AccountBackend,
  central: AccountBackend,
  useCentral: () => boolean,
): AccountBackend {
  const chosen = {} as Record<keyof AccountBackend, unknown>;
  for (const name of Object.keys(local) as (keyof AccountBackend)[]) {
    chosen[name] = (...args: unknown[]) => {
      const backend = useCentral() ? central : local;
      return (backend[name] as (...args: unknown[]) => unknown)(...args);
    };
  }
  return chosen as AccountBackend;
}
