/** This computer's state (store, keychain, central server, outbox). Needs no session. */
import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '../../api/hooks';

export const useComputerStatus = () =>
  useQuery({ ...channelQuery('computer.status', {}), refetchInterval: 30_000, staleTime: 0 });
