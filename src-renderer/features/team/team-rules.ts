/** What the team screen offers; whom the user may change comes from the core (`canChange`). */
import { ROLES, type Role } from '../../../shared/domain';

/** Only an owner can make someone an owner. */
export const assignableRoles = (me: { role: Role }): Role[] =>
  me.role === 'owner' ? [...ROLES] : ['manager', 'staff'];

export const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', manager: 'Manager', staff: 'Staff' };
