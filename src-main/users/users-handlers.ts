import type { usersChannels } from '../../shared/contract/users';
import type { Handlers } from '../ipc/handler';
import type { TeamService } from './team-service';

export function usersHandlers(team: TeamService): Handlers<keyof typeof usersChannels> {
  return {
    'users.list': (_input, request) => team.list(request.actor()),
    'users.create': (input, request) => team.create(request.actor(), input),
    'users.setRole': (input, request) => team.setRole(request.actor(), input),
    'users.deactivate': (input, request) => team.deactivate(request.actor(), input),
    'users.reactivate': (input, request) => team.reactivate(request.actor(), input),
  };
}
