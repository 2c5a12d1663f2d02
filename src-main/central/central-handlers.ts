import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import type { centralChannels } from '../../shared/contract/central';
import { fail } from '../../shared/errors';
import { type Actor, requireManager } from '../ipc/actor';
import type { Handlers, Request } from '../ipc/handler';
import { type CentralLink, readCaBundle } from './central-link';
import { describeConnectionError } from './server-errors';
import { setupServer } from './setup';

/** Connecting this computer to a server and its restaurant: the sync feature does it (sync/join.ts). */
export interface Joining {
  /** The restaurant this computer syncs, once connected. */
  restaurantId(): string | null;
  /** Throws unless `actor` (null: nobody signed in) may change where this computer syncs. */
  assertMayConfigure(actor: Actor | null): void;
  test(input: ParsedInput<'central.test'>): Promise<ChannelOutput<'central.test'>>;
  connect(input: ParsedInput<'central.connect'>, actor: Actor | null): Promise<ChannelOutput<'central.connect'>>;
  disconnect(): Promise<ChannelOutput<'central.disconnect'>>;
}

/** A new computer is pointed at its server from the sign-in screen, before anyone can sign in. */
const signedIn = (request: Request) => {
  try {
    return request.actor();
  } catch {
    return null;
  }
};

export function centralHandlers(link: CentralLink, joining: Joining): Handlers<keyof typeof centralChannels> {
  return {
    'central.settings': async () => ({
      settings: link.settings(),
      passwordSaved: (await link.savedPassword()) !== null,
      restaurantId: joining.restaurantId(),
    }),
    'central.test': (input, request) => {
      joining.assertMayConfigure(signedIn(request));
      return joining.test(input);
    },
    'central.connect': (input, request) => joining.connect(input, signedIn(request)),
    'central.disconnect': (_input, request) => {
      requireManager(request.actor());
      return joining.disconnect();
    },
    'central.setup': async (input, request) => {
      joining.assertMayConfigure(signedIn(request));
      const where = { host: input.host, port: input.port, database: input.database, user: input.adminUser };
      const ca = await readCaBundle(input.caFile);
      try {
        return await setupServer(
          { ...where, password: input.adminPassword, ssl: { ca, rejectUnauthorized: true } },
          { appRole: input.appUser, appPassword: input.appPassword },
        );
      } catch (error) {
        throw fail.unavailable(describeConnectionError(error, where).message);
      }
    },
  };
}
