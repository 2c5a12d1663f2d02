/** Who is signed in, and the calls that change it. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { channelQuery, useChannelMutation } from '../../api/hooks';
import { replaceSession } from '../../api/query-client';

export const sessionQuery = channelQuery('auth.session', {});

export const useSession = () => useQuery({ ...sessionQuery, staleTime: Number.POSITIVE_INFINITY });

/** Sign in and register both start a fresh session: nothing cached for someone else survives. */
function useStartSession<C extends 'auth.login' | 'auth.register'>(channel: C) {
  const client = useQueryClient();
  return useChannelMutation(channel, { inForm: true, onSuccess: (view) => replaceSession(client, view) });
}

export const useSignIn = () => useStartSession('auth.login');
export const useRegister = () => useStartSession('auth.register');

export function useSignOut() {
  const client = useQueryClient();
  return useChannelMutation('auth.logout', { onSuccess: () => replaceSession(client, null) });
}

export const useResetPassword = () => useChannelMutation('auth.resetPassword', { inForm: true });
