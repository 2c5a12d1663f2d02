/** The restaurant's team over the bridge. Only owners and managers reach these screens. */
import { useQuery } from '@tanstack/react-query';
import type { ChannelOutput } from '../../../shared/contract';
import { channelQuery, useChannelMutation } from '../../api/hooks';

export const useTeam = () => useQuery(channelQuery('users.list', {}));

const changesTeam = { invalidates: ['users.list'] } as const;

export const useAddTeamMember = () => useChannelMutation('users.create', { ...changesTeam, inForm: true });
export const useSetRole = () => useChannelMutation('users.setRole', changesTeam);
export const useDeactivate = () => useChannelMutation('users.deactivate', changesTeam);
export const useReactivate = () => useChannelMutation('users.reactivate', changesTeam);
export const useIssueResetCode = () => useChannelMutation('auth.issueResetCode');

/** A reset code just issued, with the name of whom it is for: shown once. */
export type IssuedCode = ChannelOutput<'auth.issueResetCode'> & { fullName: string };
