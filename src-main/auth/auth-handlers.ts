import type { authChannels } from '../../shared/contract/auth';
import type { Handlers } from '../ipc/handler';
import type { AuthService } from './auth-service';
import type { CredentialsService } from './credentials-service';

export function authHandlers(auth: AuthService, credentials: CredentialsService): Handlers<keyof typeof authChannels> {
  return {
    'auth.register': (input) => auth.register(input),
    'auth.login': (input) => auth.login(input),
    'auth.logout': () => auth.logout(),
    'auth.session': () => auth.currentSession(),
    'auth.changePassword': (input, request) => credentials.changePassword(request.actor(), input),
    'auth.updateProfile': (input, request) => credentials.updateProfile(request.actor(), input),
    'auth.issueResetCode': (input, request) => credentials.issueResetCode(request.actor(), input),
    'auth.resetPassword': (input) => credentials.resetPassword(input),
  };
}
