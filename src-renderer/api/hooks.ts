/** Queries and mutations over the bridge, typed by channel. Every call in the UI goes through these. */
import { MutationObserver, type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { BridgeError } from './bridge-error';
import { invoke } from './client';
import { channelKey } from './query-keys';

export const channelQuery = <C extends ChannelName>(channel: C, input: ChannelInput<C>) =>
  queryOptions({ queryKey: channelKey(channel, input), queryFn: () => invoke(channel, input) });

interface ChannelMutationOptions<C extends ChannelName> {
  /** Channels whose cached answers this write makes stale. */
  invalidates?: readonly ChannelName[];
  /** Set when a form shows this call's errors at its fields. */
  inForm?: boolean;
  onSuccess?: (output: ChannelOutput<C>, input: ChannelInput<C>) => void;
}

function channelMutation<C extends ChannelName>(
  client: QueryClient,
  channel: C,
  { invalidates = [], inForm = false, onSuccess }: ChannelMutationOptions<C>,
) {
  return {
    mutationFn: (input: ChannelInput<C>) => invoke(channel, input),
    meta: inForm ? { errorsShownBy: 'form' as const } : {},
    onSuccess: async (output: ChannelOutput<C>, input: ChannelInput<C>) => {
      onSuccess?.(output, input);
      await Promise.all(invalidates.map((name) => client.invalidateQueries({ queryKey: channelKey(name) })));
    },
  };
}

export function useChannelMutation<C extends ChannelName>(channel: C, options: ChannelMutationOptions<C> = {}) {
  const client = useQueryClient();
  return useMutation(channelMutation(client, channel, options));
}

/**
 * The same write as `useChannelMutation`, for a form that closes once it is saved: the component is
 * not told the call's state, so neither sending it nor its answer draws the form again (on the
 * stock screen those renders held up both the call and the saved row). The caller keeps what it
 * shows of a save in progress. Options are read once.
 */
export function useChannelSave<C extends ChannelName>(
  channel: C,
  options: ChannelMutationOptions<C> = {},
): (input: ChannelInput<C>) => Promise<ChannelOutput<C>> {
  const client = useQueryClient();
  const [observer] = useState(
    () =>
      new MutationObserver<ChannelOutput<C>, BridgeError, ChannelInput<C>>(
        client,
        channelMutation(client, channel, options),
      ),
  );
  return observer.mutate;
}
