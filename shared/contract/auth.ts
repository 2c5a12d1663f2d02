import { z } from 'zod';
import { RESTAURANT_TYPES } from '../domain';
import * as f from './fields';
import { teamMemberSchema } from './team';

/** The signed-in team member: who they are (not how others may manage them), and their produce lists. */
export const userProfileSchema = teamMemberSchema
  .omit({ isActive: true, needsPassword: true, createdAt: true, canChange: true })
  .extend({
    kitchenProduceList: z.array(z.string()),
    barProduceList: z.array(z.string()),
  });
export type UserProfile = z.infer<typeof userProfileSchema>;

/** `currency`: none until an owner or a manager chooses one (money then shows without a sign). */
export const restaurantSchema = z.object({ id: f.id, name: z.string(), type: z.string(), currency: f.storedCurrency });
export type RestaurantView = z.infer<typeof restaurantSchema>;

export const sessionViewSchema = z.object({
  user: userProfileSchema,
  restaurant: restaurantSchema,
  expiresAt: f.isoTime,
  /** False when the OS keychain is unavailable: the session ends when the app closes. */
  remembered: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const registerInput = z.strictObject({
  restaurantName: f.typedText('restaurantName'),
  restaurantType: z.enum(RESTAURANT_TYPES, { error: 'Choose a restaurant type' }),
  /** The form suggests the computer's own; left out, none is chosen yet. */
  currency: f.currency.optional(),
  fullName: f.typedText('fullName'),
  position: f.typedText('position').default(''),
  username: f.username,
  email: f.email,
  password: f.newPassword,
});
export type RegisterInput = z.input<typeof registerInput>;

export const loginInput = z.strictObject({
  /** Username or email, either case. */
  login: f.requiredText('Username or email', f.EMAIL_MAX),
  password: f.password,
});

export const changePasswordInput = z.strictObject({
  currentPassword: f.password,
  newPassword: f.newPassword,
});

export const updateProfileInput = z.strictObject({
  fullName: f.typedText('fullName'),
  email: f.email,
  position: f.typedText('position'),
  kitchenProduceList: f.produceList,
  barProduceList: f.produceList,
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const issueResetCodeInput = z.strictObject({ userId: f.id });
export const resetCodeSchema = z.object({ code: z.string(), expiresAt: f.isoTime, username: z.string() });

export const resetPasswordInput = z.strictObject({
  username: f.username,
  code: f.requiredText('Reset code', 64),
  newPassword: f.newPassword,
});

export const okSchema = z.object({ ok: z.literal(true) });

export const setCurrencyInput = z.strictObject({ currency: f.currency });

export const authChannels = {
  'auth.register': { input: registerInput, output: sessionViewSchema },
  'auth.login': { input: loginInput, output: sessionViewSchema },
  'auth.logout': { input: f.empty, output: okSchema },
  'auth.session': { input: f.empty, output: sessionViewSchema.nullable() },
  'auth.changePassword': { input: changePasswordInput, output: okSchema },
  'auth.updateProfile': { input: updateProfileInput, output: userProfileSchema },
  'auth.issueResetCode': { input: issueResetCodeInput, output: resetCodeSchema },
  'auth.resetPassword': { input: resetPasswordInput, output: okSchema },
  /** Owners and managers: every computer of the restaurant shows money in it. */
  'auth.setCurrency': { input: setCurrencyInput, output: restaurantSchema },
} as const;
