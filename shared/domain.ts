/** Restaurant words shared by both sides. */

export const ROLES = ['owner', 'manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** Owners and managers run the back office; staff count and adjust stock. */
export const canManage = (role: Role): boolean => role === 'owner' || role === 'manager';

export const AREAS = ['kitchen', 'bar'] as const;
export type Area = (typeof AREAS)[number];

export const RESTAURANT_TYPES = [
  'restaurant',
  'cafe',
  'bar',
  'pub',
  'hotel',
  'catering',
  'food truck',
  'other',
] as const;

/** Why stock changed. A count sets the level; every other reason moves it (MOVEMENT_SIGNS in quantity.ts). */
export const MOVEMENT_REASONS = ['delivery', 'usage', 'waste', 'correction', 'count'] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

export const COMMON_UNITS = ['each', 'kg', 'g', 'L', 'ml', 'bottle', 'case', 'box', 'bag', 'bunch', 'keg', 'can'];
