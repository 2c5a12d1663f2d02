/** Handlers that answer from one of two implementations, chosen afresh on every call. */
import type { ChannelName } from '../../shared/contract';
import type { Handler, Handlers } from './handler';

export function chooseOnEachCall<C extends ChannelName>(
  local: Handlers<C>,
  remote: Handlers<C>,
  useRemote: () => boolean,
): Handlers<C> {
  const chosen = {} as Record<C, Handler<C>>;
  for (const channel of Object.keys(remote) as C[]) {
    chosen[channel] = ((input, request) => {
      const handler = (useRemote() ? remote[channel] : local[channel]) as Handler<C>;
      return handler(input, request);
    }) as Handler<C>;
  }
  return chosen as Handlers<C>;
}
