/** Accounts without a central server: this computer's store is the authority (auth/ and team/ services). */
import { fail } from '../../shared/errors';
import { findRestaurant, setRestaurantCurrency } from '../auth/accounts-store';
import type { AuthService } from '../auth/auth-service';
import { createCredentialsService } from '../auth/credentials-service';
import { requireManager } from '../ipc/actor';
import { isoNow } from '../store/clock';
import type { StoreContext } from '../store/context';
import { createTeamService } from '../team/team-service';
import type { AccountBackend } from './account-backend';

export interface LocalAccountsDeps extends StoreContext {
  auth: AuthService;
  hashCost: number;
}

export function createLocalAccounts(deps: LocalAccountsDeps): AccountBackend {
  const { auth } = deps;
  const credentials = createCredentialsService(deps);
  const team = createTeamService(deps);
  return {
    register: (input) => auth.register(input),
    signIn: (input) => auth.login(input),
    signOut: () => auth.logout(),
    resume: () => auth.currentSession(),
    changePassword: (actor, input) => credentials.changePassword(actor, input),
    updateProfile: (actor, input) => credentials.updateProfile(actor, input),
    issueResetCode: (actor, input) => credentials.issueResetCode(actor, input),
    resetPassword: (input) => credentials.resetPassword(input),
    setCurrency: (actor, input) => {
      requireManager(actor);
      setRestaurantCurrency(deps.db, actor.restaurantId, input.currency, isoNow(deps.clock));
      return findRestaurant(deps.db, actor.restaurantId)!;
    },
    listTeam: (actor) => team.list(actor),
    addMember: (actor, input) => team.create(actor, input),
    setRole: (actor, input) => team.setRole(actor, input),
    deactivate: (actor, input) => team.deactivate(actor, input),
    reactivate: (actor, input) => team.reactivate(actor, input),
    // Computers are enrolled on a central server: a computer on its own has none to list.
    listComputers: (actor) => {
      requireManager(actor);
      return [];
    },
    revokeComputer: (actor) => {
      requireManager(actor);
      throw fail.notFound('No such computer: computers are enrolled on a central server.');
    },
  };
}
