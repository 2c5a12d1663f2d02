/**
 * Bringing over the old KitchenGuard: called directly, not as cached mutations, because the input
 * holds two passwords (the old database's and the person's) that a mutation would keep in the query
 * client's cache after the call.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { invoke } from '../../api/client';
import { replaceSession } from '../../api/query-client';

type Call = 'legacy.preview' | 'legacy.import';

export function useLegacyCall<C extends Call>(channel: C) {
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      setPending(true);
      try {
        return await invoke(channel, input);
      } finally {
        setPending(false);
      }
    },
    [channel],
  );
  return { run, pending };
}

/** The import signs the person in: the app opens on their restaurant, as after any sign-in. */
export function useLegacyImport() {
  const client = useQueryClient();
  const { run, pending } = useLegacyCall('legacy.import');
  const importAndSignIn = useCallback(
    async (input: ChannelInput<'legacy.import'>) => {
      const result = await run(input);
      replaceSession(client, result.session);
      return result;
    },
    [client, run],
  );
  return { importAndSignIn, pending };
}
