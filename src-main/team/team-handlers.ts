import type { teamChannels } from '../../shared/contract/team';
import type { AccountBackend } from '../accounts/account-backend';
import type { Handlers } from '../ipc/handler';

export function teamHandlers(accounts: AccountBackend): Handlers<keyof typeof teamChannels> {
  return {
    'team.list': (_input, request) => accounts.listTeam(request.actor()),
    'team.create': (input, request) => accounts.addMember(request.actor(), input),
    'team.setRole': (input, request) => accounts.setRole(request.actor(), input),
    'team.deactivate': (input, request) => accounts.deactivate(request.actor(), input),
    'team.reactivate': (input, request) => accounts.reactivate(request.actor(), input),
    'team.computers': (_input, request) => accounts.listComputers(request.actor()),
    'team.revokeComputer': (input, request) => accounts.revokeComputer(request.actor(), input),
  };
}
