/**
 * The session of the signed-in app, handed down from the app's root. Screens read it from here
 * rather than from the query: when the session ends, the root swaps them out in the same render.
 */
import { createContext, useCallback, useContext } from 'react';
import type { SessionView } from '../../../shared/contract/auth';
import { formatMoney } from '../../ui/format';

const SignedIn = createContext<SessionView | null>(null);

export const SignedInProvider = SignedIn.Provider;

export function useSignedIn(): SessionView {
  const session = useContext(SignedIn);
  if (!session) throw new Error('useSignedIn is only for screens behind sign-in');
  return session;
}

/** Money in the restaurant's currency ("€12.50"): every screen formats it with this one. */
export function useMoney(): (text: string) => string {
  const { currency } = useSignedIn().restaurant;
  return useCallback((text: string) => formatMoney(text, currency), [currency]);
}
