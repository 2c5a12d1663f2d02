/** Who is acting: the signed-in user behind a request, resolved from the session on every call. */
import { canManage, type Role } from '../../shared/domain';
import { fail } from '../../shared/errors';

export interface Actor {
  sessionId: string;
  userId: string;
  restaurantId: string;
  role: Role;
  fullName: string;
}

export function requireManager(actor: Actor): Actor {
  if (!canManage(actor.role)) throw fail.forbidden('Only an owner or a manager can do this.');
  return actor;
}
