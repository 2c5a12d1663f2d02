/** The central server's settings, test, connection and set-up over the bridge. None needs a session. */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { CentralSettings } from '../../../shared/contract/central';
import { invoke } from '../../api/client';
import { channelQuery, useChannelMutation } from '../../api/hooks';

export const useCentralSettings = () => useQuery(channelQuery('central.settings', {}));

/** "kitchenguard on db.example.com", as the status bar names a server too. */
export const serverName = ({ database, host }: { database: string; host: string }): string => `${database} on ${host}`;

/** The server this computer is set to sync with, by name, or null. */
export const configuredServer = (current: CentralSettings | undefined): string | null =>
  current?.settings ? serverName(current.settings) : null;

/** Connecting or disconnecting changes what the status bar and the computer panel say. */
const LINK_VIEWS = ['central.settings', 'sync.status', 'computer.status'] as const;

export const useTestConnection = () => useChannelMutation('central.test', { inForm: true });

/** A join brings the restaurant up and swaps the local session for the server's. */
export const useConnect = () =>
  useChannelMutation('central.connect', {
    invalidates: [...LINK_VIEWS, 'auth.session', 'team.list', 'inventory.list'],
    inForm: true,
  });

export const useDisconnect = () => useChannelMutation('central.disconnect', { invalidates: LINK_VIEWS });

export type SetupResult = ChannelOutput<'central.setup'>;

/**
 * Server set-up is called directly, not as a cached mutation: a mutation keeps its input (the
 * administrator's password) in the query client's cache after the call.
 */
export function useServerSetup() {
  const [pending, setPending] = useState(false);
  const run = useCallback(async (input: ChannelInput<'central.setup'>): Promise<SetupResult> => {
    setPending(true);
    try {
      return await invoke('central.setup', input);
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending };
}
