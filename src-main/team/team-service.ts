/** The restaurant's team, as its owners and managers run it: add people, set roles, deactivate. */
import type { ParsedInput } from '../../shared/contract';
import type { TeamMember } from '../../shared/contract/team';
import type { MutationName } from '../../shared/mutations';
import * as accounts from '../auth/accounts-store';
import { assertKeepsAnOwner, assertMayGrant, assertNotSelf, managedUser } from '../auth/authority';
import { hashPassword } from '../auth/passwords';
import { revokeUserSessions } from '../auth/sessions-store';
import { toTeamMember, userMutationArgs } from '../auth/views';
import { type Actor, requireManager } from '../ipc/actor';
import type { StoreContext } from '../store/context';
import { newId } from '../store/ids';
import { appendMutation } from '../store/outbox';

export interface TeamDeps extends StoreContext {
  hashCost: number;
}

type TeamMutation = Extract<MutationName, `user.${string}`>;

export type TeamService = ReturnType<typeof createTeamService>;

export function createTeamService(deps: TeamDeps) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  /** Applies a change to a team member and records it in the outbox, in one transaction. */
  function changeMember(
    actor: Actor,
    userId: string,
    change: () => void,
    name: TeamMutation = 'user.update',
  ): TeamMember {
    db.transaction(() => {
      change();
      const args = userMutationArgs(accounts.findUserById(db, userId)!);
      appendMutation(db, { name, args, at: now(), authorId: actor.userId });
    })();
    return toTeamMember(accounts.findUserById(db, userId)!, actor);
  }

  return {
    list(actor: Actor): TeamMember[] {
      requireManager(actor);
      return accounts.listUsers(db, actor.restaurantId).map((row) => toTeamMember(row, actor));
    },

    async create(actor: Actor, input: ParsedInput<'team.create'>): Promise<TeamMember> {
      requireManager(actor);
      assertMayGrant(actor, input.role);
      accounts.assertUsernameAndEmailFree(db, input);
      const passwordHash = await hashPassword(input.password, deps.hashCost);
      const id = newId();
      return changeMember(
        actor,
        id,
        () => {
          accounts.assertUsernameAndEmailFree(db, input);
          accounts.insertUser(db, { ...input, id, restaurantId: actor.restaurantId, passwordHash, at: now() });
        },
        'user.create',
      );
    },

    setRole(actor: Actor, input: ParsedInput<'team.setRole'>): TeamMember {
      const target = managedUser(db, actor, input.userId);
      assertMayGrant(actor, input.role);
      assertKeepsAnOwner(db, target, input.role === 'owner');
      return changeMember(actor, target.id, () => accounts.setRole(db, target.id, input.role, now()));
    },

    deactivate(actor: Actor, input: ParsedInput<'team.deactivate'>): TeamMember {
      const target = managedUser(db, actor, input.userId);
      assertNotSelf(actor, target, 'deactivate');
      return changeMember(actor, target.id, () => {
        accounts.setActive(db, target.id, false, now());
        revokeUserSessions(db, target.id, now());
      });
    },

    reactivate(actor: Actor, input: ParsedInput<'team.reactivate'>): TeamMember {
      const target = managedUser(db, actor, input.userId);
      return changeMember(actor, target.id, () => accounts.setActive(db, target.id, true, now()));
    },
  };
}
