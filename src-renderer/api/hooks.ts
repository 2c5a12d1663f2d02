/** Queries and mutations over the bridge, typed by channel. Every call in the UI goes through these. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
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

export function useChannelMutation<C extends ChannelName>(channel: C, options: ChannelMutationOptions<C> = {}) {
  const client = useQueryClient();
  const { invalidates = [], inForm = false, onSuccess } = options;
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => invoke(channel, input),
    meta: inForm ? { errorsShownBy: 'form' } : {},
    onSuccess: async (output, input) => {
      onSuccess?.(output, input);
      await Promise.all(invalidates.map((name) => client.invalidateQueries({ queryKey: channelKey(name) })));
    },
  });
}
