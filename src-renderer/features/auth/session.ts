/** Who is signed in, and the calls that change it. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../../shared/contract/auth';
import { channelQuery, useChannelMutation } from '../../api/hooks';
import { replaceSession } from '../../api/query-client';

export const sessionQuery = channelQuery('auth.session', {});

export const useSession = () => useQuery({ ...sessionQuery, staleTime: Number.POSITIVE_INFINITY });

/** The session of the signed-in app; only rendered under it, so it is always there. */
export function useSignedIn(): SessionView {
  const { data } = useSession();
  if (!data) throw new Error('useSignedIn is only for screens behind sign-in');
  return data;
}

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
