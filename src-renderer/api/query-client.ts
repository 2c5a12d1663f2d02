/**
 * One QueryClient for the app. A lost session anywhere sends the user back to sign-in with an empty
 * cache; every successful write refreshes the status bar (its outbox count changed).
 */
import { MutationCache, notifyManager, QueryCache, QueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../shared/contract/auth';
import { afterNextPaint } from '../ui/after-paint';
import { clearUserNotices, notifyProblem } from '../ui/notify';
import { type BridgeError, isBridgeError } from './bridge-error';
import { channelKey } from './query-keys';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: BridgeError;
    /** `form`: the error is shown inside the form that made the call, not as a notification. */
    mutationMeta: { errorsShownBy?: 'form' };
  }
}

/** What the status bar shows of the outbox: a write changes both. */
const STATUS_BAR = ['computer.status', 'sync.status'] as const;

/** The key of `auth.session` as the app queries it (its input is empty). */
const SESSION = channelKey('auth.session', {});

// Screens hear of a changed cache in the same task (the default waits for a timer): a saved item is
// drawn with the answer that carries it, not in a task after the popover has closed.
notifyManager.setScheduler(queueMicrotask);

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => endSessionIfLost(error) }),
    mutationCache: new MutationCache({
      onError: (error, _input, _context, mutation) => {
        if (endSessionIfLost(error)) return;
        if (mutation.meta?.errorsShownBy !== 'form') {
          notifyProblem('Not saved', error.message);
        }
      },
      // After the frame that shows the mutation's own follow-up (a saved item in its row): asking the
      // status bar again (two calls, and drawing it) before that frame would hold the row up.
      onSettled: (_output, error) => {
        if (error) return;
        afterNextPaint(() => {
          for (const channel of STATUS_BAR) void client.invalidateQueries({ queryKey: channelKey(channel) });
        });
      },
    }),
    defaultOptions: {
      queries: {
        // The core is on this computer: a failure is an answer, not a flaky network.
        retry: false,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });

  function endSessionIfLost(error: unknown): boolean {
    if (!isBridgeError(error, 'unauthenticated') || !client.getQueryData(SESSION)) return false;
    replaceSession(client, null);
    notifyProblem('Your session has ended', error.message, { color: 'yellow' });
    return true;
  }

  return client;
}

/** Not about who is signed in: kept across a change of user. */
const DEVICE_WIDE: readonly unknown[] = [SESSION[0], 'computer.status', 'sync.status', 'central.settings'];

/**
 * A new session (or none: back to sign-in). The session query is updated in place, so the app
 * switches screens at once; everything the previous user could see or was told is forgotten.
 */
export function replaceSession(client: QueryClient, session: SessionView | null): void {
  clearUserNotices();
  client.setQueryData(SESSION, session);
  client.removeQueries({ predicate: (query) => !DEVICE_WIDE.includes(query.queryKey[0]) });
  client.getMutationCache().clear();
}
