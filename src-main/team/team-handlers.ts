import type { teamChannels } from '../../shared/contract/team';
import type { Handlers } from '../ipc/handler';
import type { TeamService } from './team-service';

export function teamHandlers(team: TeamService): Handlers<keyof typeof teamChannels> {
  return {
    'team.list': (_input, request) => team.list(request.actor()),
    'team.create': (input, request) => team.create(request.actor(), input),
    'team.setRole': (input, request) => team.setRole(request.actor(), input),
    'team.deactivate': (input, request) => team.deactivate(request.actor(), input),
    'team.reactivate': (input, request) => team.reactivate(request.actor(), input),
  };
}
