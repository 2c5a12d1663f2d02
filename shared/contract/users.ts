import { z } from 'zod';
import { ROLES } from '../domain';
import { personSchema } from './auth';
import * as f from './fields';

export const teamMemberSchema = personSchema.extend({
  isActive: z.boolean(),
  createdAt: f.isoTime,
  /** Whether the signed-in user may change this member's role, active state and password: the core decides. */
  canChange: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

const role = z.enum(ROLES, { error: 'Role must be owner, manager or staff' });

export const createUserInput = z.strictObject({
  username: f.username,
  email: f.email,
  fullName: f.requiredText('Full name', 120),
  position: f.text('Position', 80).default(''),
  role,
  password: f.newPassword,
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const usersChannels = {
  'users.list': { input: f.empty, output: z.array(teamMemberSchema) },
  'users.create': { input: createUserInput, output: teamMemberSchema },
  'users.setRole': { input: z.strictObject({ userId: f.id, role }), output: teamMemberSchema },
  'users.deactivate': { input: z.strictObject({ userId: f.id }), output: teamMemberSchema },
  'users.reactivate': { input: z.strictObject({ userId: f.id }), output: teamMemberSchema },
} as const;
