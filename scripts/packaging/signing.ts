/**
 * Which signing a packaging run can do with the secrets it was given, as electron-builder arguments
 * plus the sentences the log must show. A build without secrets is unsigned and says so; a build
 * with only some of a group's secrets stops, naming the missing ones (a half-set is a mistake, and
 * shipping it unsigned would hide that).
 */

export type Platform = 'mac' | 'win' | 'linux';

export interface SigningPlan {
  /** Extra electron-builder arguments (`-c.…` overrides). */
  args: string[];
  /** Extra environment for electron-builder. */
  env: Record<string, string>;
  /** What this build is, for the log: signed, notarized, or unsigned and why. */
  notices: string[];
  /** True when the build ships without a signature (a warning in CI, never silent). */
  unsigned: boolean;
}

export class IncompleteSecrets extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** macOS: the Developer ID certificate (electron-builder reads CSC_LINK itself). */
export const MAC_SIGNING = ['CSC_LINK', 'CSC_KEY_PASSWORD'] as const;
/** macOS notarization with an Apple ID (electron-builder's @electron/notarize reads these). */
export const MAC_NOTARIZING = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;
/**
 * Windows: Azure Trusted Signing. The first three are the Entra ID app the signing module logs in
 * as; the rest name the signing account and certificate profile.
 */
export const WINDOWS_SIGNING = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'AZURE_SIGNING_ENDPOINT',
  'AZURE_SIGNING_ACCOUNT',
  'AZURE_CERTIFICATE_PROFILE',
  'AZURE_PUBLISHER_NAME',
] as const;

/** 'all' when every name has a value, 'none' when none has; a half-set throws. */
function presence(env: Env, names: readonly string[], what: string): 'all' | 'none' {
  const missing = names.filter((name) => !env[name]);
  if (missing.length === 0) return 'all';
  if (missing.length === names.length) return 'none';
  throw new IncompleteSecrets(`${what}: ${missing.join(', ')} missing (the others are set). Set all or none.`);
}

function macPlan(env: Env): SigningPlan {
  const signing = presence(env, MAC_SIGNING, 'macOS signing');
  const notarizing = presence(env, MAC_NOTARIZING, 'macOS notarization');
  if (signing === 'none') {
    return {
      // identity=null stops electron-builder from picking any certificate it finds in the keychain.
      args: ['-c.mac.identity=null', '-c.mac.notarize=false'],
      env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      notices: [
        `macOS: UNSIGNED and not notarized (${MAC_SIGNING.join(', ')} not set). Gatekeeper will refuse to open it without a right-click → Open, and updates cannot be installed.`,
      ],
      unsigned: true,
    };
  }
  const notarize = notarizing === 'all';
  return {
    args: [`-c.mac.notarize=${notarize}`],
    env: {},
    notices: [
      notarize
        ? 'macOS: signed with the Developer ID certificate (hardened runtime, build/entitlements.mac.plist) and notarized.'
        : `macOS: signed but NOT notarized (${MAC_NOTARIZING.join(', ')} not set): Gatekeeper will warn on first open.`,
    ],
    unsigned: false,
  };
}

function windowsPlan(env: Env): SigningPlan {
  if (presence(env, WINDOWS_SIGNING, 'Windows signing (Azure Trusted Signing)') === 'none') {
    return {
      args: [],
      env: {},
      notices: [
        `Windows: UNSIGNED (${WINDOWS_SIGNING.join(', ')} not set). SmartScreen will warn "Windows protected your PC" on install.`,
      ],
      unsigned: true,
    };
  }
  const option = (name: string, value: string | undefined) => `-c.win.azureSignOptions.${name}=${value}`;
  return {
    args: [
      option('endpoint', env.AZURE_SIGNING_ENDPOINT),
      option('codeSigningAccountName', env.AZURE_SIGNING_ACCOUNT),
      option('certificateProfileName', env.AZURE_CERTIFICATE_PROFILE),
      option('publisherName', env.AZURE_PUBLISHER_NAME),
    ],
    env: {},
    notices: [`Windows: signed through Azure Trusted Signing (account ${env.AZURE_SIGNING_ACCOUNT}).`],
    unsigned: false,
  };
}

const linuxPlan = (): SigningPlan => ({
  args: [],
  env: {},
  notices: ['Linux: the AppImage is not code-signed (no OS signature exists for it); updates check its SHA-512.'],
  unsigned: false,
});

/**
 * The plan for one platform. `smoke` is CI's unpacked test build: never signed, whatever secrets
 * exist, so pull requests from forks (which get no secrets) build the same thing.
 */
export function signingPlan(platform: Platform, env: Env, smoke = false): SigningPlan {
  if (smoke) {
    const unsigned = platform === 'mac' ? macPlan({}) : { args: [], env: {} };
    return {
      ...unsigned,
      notices: [`${platform}: unsigned unpacked build for the smoke test (CI never signs; releases do).`],
      unsigned: true,
    };
  }
  if (platform === 'mac') return macPlan(env);
  if (platform === 'win') return windowsPlan(env);
  return linuxPlan();
}

/**
 * Where the packaged app looks for updates: the GitHub releases of the repository the workflow runs
 * in (electron-builder writes it into the app as app-update.yml). Null outside GitHub Actions: such
 * a build does not update itself, and the log says so.
 */
export function updateFeedArgs(env: Env): string[] | null {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || rest.length > 0) return null;
  return ['-c.publish.provider=github', `-c.publish.owner=${owner}`, `-c.publish.repo=${repo}`];
}
