import { z } from 'zod';
import * as f from './fields';

export const host = f.requiredText('Host', 253).regex(/^[A-Za-z0-9.-]+$/, 'Host must be a host name or an IP address');
export const port = z
  .number({ error: 'Port must be a number' })
  .int('Port must be a whole number')
  .min(1, 'Port must be between 1 and 65535')
  .max(65535, 'Port must be between 1 and 65535');
export const identifier = (label: string) =>
  f.requiredText(label, 63).regex(/^[A-Za-z_][A-Za-z0-9_$-]*$/, `${label} may use letters, digits and underscores`);

export const connectionFields = {
  host,
  port,
  database: identifier('Database'),
  user: identifier('User'),
  /** Path of the CA bundle (.pem) that signed the server's certificate. */
  caFile: f.requiredText('CA bundle file', 4096),
};

export const connectionInput = z.strictObject({
  ...connectionFields,
  /** Omitted: the password saved in the keychain. */
  password: z.string().max(1024).optional(),
});
export type ConnectionInput = z.input<typeof connectionInput>;

export const centralSettingsSchema = z.object({
  settings: z
    .object({ host: z.string(), port: z.number(), database: z.string(), user: z.string(), caFile: z.string() })
    .nullable(),
  passwordSaved: z.boolean(),
  /** The restaurant this computer syncs, once connected. */
  restaurantId: z.string().nullable(),
});
export type CentralSettings = z.infer<typeof centralSettingsSchema>;

export const connectionReportSchema = z.object({
  tlsVersion: z.string(),
  serverVersion: z.string(),
  roundTripMs: z.number(),
  schemaVersion: z.number(),
});
export type ConnectionReport = z.infer<typeof connectionReportSchema>;

export const connectInput = connectionInput.extend({
  /** This computer's data goes up with the owner's (or a manager's) password, once. */
  ownerPassword: z.string().max(1024).optional(),
});

export const connectResultSchema = z.object({
  uploaded: z.object({ users: z.number(), items: z.number(), movements: z.number() }),
});

export const setupInput = z.strictObject({
  host,
  port,
  database: identifier('Database'),
  caFile: connectionFields.caFile,
  adminUser: identifier('Administrator user'),
  adminPassword: f.password,
  appUser: identifier('Application user'),
  /** Sets the application user's password; omitted, an existing user keeps its own. */
  appPassword: z.string().min(12, 'Application password must be at least 12 characters').max(128).optional(),
});
export type SetupInput = z.input<typeof setupInput>;

export const setupResultSchema = z.object({ fromVersion: z.number(), toVersion: z.number(), roleCreated: z.boolean() });

export const centralChannels = {
  'central.settings': { input: f.empty, output: centralSettingsSchema },
  'central.test': { input: connectionInput, output: connectionReportSchema },
  'central.connect': { input: connectInput, output: connectResultSchema },
  'central.disconnect': { input: f.empty, output: z.object({ ok: z.literal(true) }) },
  'central.setup': { input: setupInput, output: setupResultSchema },
} as const;
