/** What a feature provides for each channel: a function from parsed input to output. */
import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { Actor } from './actor';

export interface Request {
  /** The signed-in user; throws `unauthenticated` when there is none. */
  actor(): Actor;
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  request: Request,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers<C extends ChannelName> = { [K in C]: Handler<K> };
