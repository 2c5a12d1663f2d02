/** What each set of secrets builds: signed, notarized, unsigned (said so), or refused as a half-set. */
import { describe, expect, it } from 'vitest';
import {
  IncompleteSecrets,
  MAC_NOTARIZING,
  MAC_SIGNING,
  signingPlan,
  updateFeedArgs,
  WINDOWS_SIGNING,
} from './signing';

const secrets = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, `value of ${name}`]));

describe('signingPlan', () => {
  it('no secrets: unsigned on macOS and Windows, and the notice says so and why', () => {
    const mac = signingPlan('mac', {});
    expect(mac.unsigned).toBe(true);
    expect(mac.args).toEqual(['-c.mac.identity=null', '-c.mac.notarize=false']);
    expect(mac.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    expect(mac.notices.join(' ')).toMatch(/UNSIGNED and not notarized \(CSC_LINK, CSC_KEY_PASSWORD not set\)/);

    const win = signingPlan('win', {});
    expect(win).toMatchObject({ unsigned: true, args: [] });
    expect(win.notices.join(' ')).toMatch(/UNSIGNED \(AZURE_TENANT_ID, .*AZURE_PUBLISHER_NAME not set\)/);
  });

  it('macOS: the certificate signs; the Apple ID notarizes as well', () => {
    const signed = signingPlan('mac', secrets(MAC_SIGNING));
    expect(signed).toMatchObject({ unsigned: false, args: ['-c.mac.notarize=false'], env: {} });
    expect(signed.notices.join(' ')).toMatch(/signed but NOT notarized/);

    const notarized = signingPlan('mac', secrets([...MAC_SIGNING, ...MAC_NOTARIZING]));
    expect(notarized).toMatchObject({ unsigned: false, args: ['-c.mac.notarize=true'] });
    expect(notarized.notices.join(' ')).toMatch(/signed .* and notarized/);
  });

  it('Windows: Azure Trusted Signing options come from the secrets, one argument each', () => {
    const plan = signingPlan('win', { ...secrets(WINDOWS_SIGNING), AZURE_PUBLISHER_NAME: 'KitchenGuard Ltd' });
    expect(plan.unsigned).toBe(false);
    expect(plan.args).toEqual([
      '-c.win.azureSignOptions.endpoint=value of AZURE_SIGNING_ENDPOINT',
      '-c.win.azureSignOptions.codeSigningAccountName=value of AZURE_SIGNING_ACCOUNT',
      '-c.win.azureSignOptions.certificateProfileName=value of AZURE_CERTIFICATE_PROFILE',
      '-c.win.azureSignOptions.publisherName=KitchenGuard Ltd',
    ]);
  });

  it('a half-set of secrets is refused, naming the missing ones', () => {
    const { CSC_KEY_PASSWORD: _dropped, ...half } = secrets(MAC_SIGNING);
    expect(() => signingPlan('mac', half)).toThrow(IncompleteSecrets);
    expect(() => signingPlan('mac', half)).toThrow('macOS signing: CSC_KEY_PASSWORD missing');
    expect(() => signingPlan('mac', { ...secrets(MAC_SIGNING), APPLE_ID: 'a@b.c' })).toThrow(
      'macOS notarization: APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID missing',
    );
    expect(() => signingPlan('win', { AZURE_CLIENT_SECRET: 's' })).toThrow(/Windows signing .*AZURE_TENANT_ID/);
  });

  it("CI's smoke build is unsigned whatever secrets exist, and says so", () => {
    const plan = signingPlan('mac', secrets([...MAC_SIGNING, ...MAC_NOTARIZING]), true);
    expect(plan).toMatchObject({ unsigned: true, args: ['-c.mac.identity=null', '-c.mac.notarize=false'] });
    expect(signingPlan('win', secrets(WINDOWS_SIGNING), true)).toMatchObject({ unsigned: true, args: [] });
    expect(plan.notices.join(' ')).toMatch(/unsigned unpacked build/);
  });
});

describe('updateFeedArgs', () => {
  it("points the app's updates at the repository's GitHub releases", () => {
    expect(updateFeedArgs({ GITHUB_REPOSITORY: 'kitchenguard/desktop' })).toEqual([
      '-c.publish.provider=github',
      '-c.publish.owner=kitchenguard',
      '-c.publish.repo=desktop',
    ]);
  });

  it('no repository (a local build): no feed', () => {
    expect(updateFeedArgs({})).toBeNull();
    expect(updateFeedArgs({ GITHUB_REPOSITORY: 'no-slash' })).toBeNull();
  });
});
