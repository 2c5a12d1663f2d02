/** The core's team rules, mirrored so the UI only offers what will be allowed. */
import type { TeamMember } from '../../../shared/contract/users';
import { ROLES, type Role } from '../../../shared/domain';

interface Me {
  id: string;
  role: Role;
}

/** Nobody changes their own account here; only an owner touches an owner. */
export const canChangeMember = (me: Me, member: TeamMember): boolean =>
  member.id !== me.id && (member.role !== 'owner' || me.role === 'owner');

/** Only an owner can make someone an owner. */
export const assignableRoles = (me: Me): Role[] => (me.role === 'owner' ? [...ROLES] : ['manager', 'staff']);

export const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', manager: 'Manager', staff: 'Staff' };
