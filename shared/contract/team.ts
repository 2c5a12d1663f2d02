import { z } from 'zod';
import { ROLES } from '../domain';
import * as f from './fields';

/** A person with an account in the restaurant, as the team list shows them; the profile is cut from it. */
export const teamMemberSchema = z.object({
  id: f.id,
  username: z.string(),
  email: z.string(),
  fullName: z.string(),
  position: z.string(),
  role: z.enum(ROLES),
  lastLoginAt: f.isoTime.nullable(),
  isActive: z.boolean(),
  /** Brought back by a restore of the central server with no password: a reset code lets them in. */
  needsPassword: z.boolean(),
  createdAt: f.isoTime,
  /** Whether the signed-in user may change this member's role, active state and password: the core decides. */
  canChange: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

const role = z.enum(ROLES, { error: 'Role must be owner, manager or staff' });

export const newTeamMemberInput = z.strictObject({
  username: f.username,
  email: f.email,
  fullName: f.typedText('fullName'),
  position: f.typedText('position').default(''),
  role,
  password: f.newPassword,
});
export type NewTeamMemberInput = z.input<typeof newTeamMemberInput>;

/** A computer enrolled on the central server for the restaurant: Team → Computers. */
export const computerSchema = z.object({
  deviceId: f.id,
  name: z.string(),
  enrolledBy: z.string(),
  enrolledAt: f.isoTime,
  lastSyncAt: f.isoTime.nullable(),
  revokedAt: f.isoTime.nullable(),
  /** The computer this list is shown on: it cannot revoke itself. */
  thisComputer: z.boolean(),
});
export type Computer = z.infer<typeof computerSchema>;

export const teamChannels = {
  'team.list': { input: f.empty, output: z.array(teamMemberSchema) },
  'team.create': { input: newTeamMemberInput, output: teamMemberSchema },
  'team.setRole': { input: z.strictObject({ userId: f.id, role }), output: teamMemberSchema },
  'team.deactivate': { input: z.strictObject({ userId: f.id }), output: teamMemberSchema },
  'team.reactivate': { input: z.strictObject({ userId: f.id }), output: teamMemberSchema },
  /** Empty without a central server: computers are enrolled there. */
  'team.computers': { input: f.empty, output: z.array(computerSchema) },
  'team.revokeComputer': { input: z.strictObject({ deviceId: f.id }), output: z.array(computerSchema) },
} as const;
