/** Query keys are `[channel]` or `[channel, input]`: invalidating `[channel]` refreshes every input of it. */
import type { ChannelInput, ChannelName } from '../../shared/contract';

export const channelKey = <C extends ChannelName>(channel: C, input?: ChannelInput<C>) =>
  input === undefined ? ([channel] as const) : ([channel, input] as const);
