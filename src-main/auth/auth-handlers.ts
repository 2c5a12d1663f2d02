import type { authChannels } from '../../shared/contract/auth';
import type { AccountBackend } from '../accounts/account-backend';
import type { Handlers } from '../ipc/handler';

export function authHandlers(accounts: AccountBackend): Handlers<keyof typeof authChannels> {
  return {
    'auth.register': (input) => accounts.register(input),
    'auth.login': (input) => accounts.signIn(input),
    'auth.logout': () => accounts.signOut(),
    'auth.session': () => accounts.resume(),
    'auth.changePassword': (input, request) => accounts.changePassword(request.actor(), input),
    'auth.updateProfile': (input, request) => accounts.updateProfile(request.actor(), input),
    'auth.issueResetCode': (input, request) => accounts.issueResetCode(request.actor(), input),
    'auth.resetPassword': (input) => accounts.resetPassword(input),
    'auth.setCurrency': (input, request) => accounts.setCurrency(request.actor(), input),
  };
}
