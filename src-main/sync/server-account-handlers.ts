import type { Handlers } from '../ipc/handler';
import type { ServerAccounts } from './server-accounts';

/** The account channels the central server answers when one is configured. */
export type ServerAccountChannel =
  | 'auth.register'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.changePassword'
  | 'auth.issueResetCode'
  | 'auth.resetPassword'
  | 'team.create'
  | 'team.setRole'
  | 'team.deactivate'
  | 'team.reactivate';

export function serverAccountHandlers(accounts: ServerAccounts): Handlers<ServerAccountChannel> {
  return {
    'auth.register': (input) => accounts.register(input),
    'auth.login': (input) => accounts.login(input),
    'auth.logout': () => accounts.logout(),
    'auth.changePassword': (input, request) => accounts.changePassword(request.actor(), input),
    'auth.issueResetCode': (input, request) => accounts.issueResetCode(request.actor(), input),
    'auth.resetPassword': (input) => accounts.resetPassword(input),
    'team.create': (input, request) => accounts.createUser(request.actor(), input),
    'team.setRole': (input, request) => accounts.setRole(request.actor(), input),
    'team.deactivate': (input, request) => accounts.setActive(request.actor(), input.userId, false),
    'team.reactivate': (input, request) => accounts.setActive(request.actor(), input.userId, true),
  };
}
