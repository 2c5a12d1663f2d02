/** The restaurant's team over the bridge. Only owners and managers reach these screens. */
import { useQuery } from '@tanstack/react-query';
import type { ChannelOutput } from '../../../shared/contract';
import { channelQuery, useChannelMutation } from '../../api/hooks';

export const useTeam = () => useQuery(channelQuery('team.list', {}));

const changesTeam = { invalidates: ['team.list'] } as const;

export const useAddTeamMember = () => useChannelMutation('team.create', { ...changesTeam, inForm: true });
export const useSetRole = () => useChannelMutation('team.setRole', changesTeam);
export const useDeactivate = () => useChannelMutation('team.deactivate', changesTeam);
export const useReactivate = () => useChannelMutation('team.reactivate', changesTeam);
export const useComputers = () => useQuery(channelQuery('team.computers', {}));
export const useRevokeComputer = () => useChannelMutation('team.revokeComputer', { invalidates: ['team.computers'] });
export const useIssueResetCode = () => useChannelMutation('auth.issueResetCode');

/** A reset code just issued, with the name of whom it is for: shown once. */
export type IssuedCode = ChannelOutput<'auth.issueResetCode'> & { fullName: string };
