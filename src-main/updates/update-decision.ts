/**
 * Whether a release in the update metadata is for this computer: newer than what it runs (never a
 * downgrade, not even from a beta back to an older stable), and inside the release's staged rollout.
 */
import semver from 'semver';

/** The fields of electron-builder's latest.yml / beta.yml that the decision reads. */
export interface ReleaseInfo {
  version: string;
  releaseDate?: string;
  /** Staged rollout: the share of computers (0–100) that get it; absent means everyone. */
  stagingPercentage?: number;
}

export type Decision = 'offer' | 'not-newer' | 'not-yet';

/**
 * Where a computer falls in a staged rollout, 0 ≤ p < 100, from its id: the same formula as
 * electron-updater (the last four bytes of the UUID over 2³²−1), so one computer stays in or out of
 * a stage for every check.
 */
export function stagePosition(computerId: string): number {
  const hex = computerId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a UUID: ${computerId}`);
  return (Number.parseInt(hex.slice(24), 16) / 0xffffffff) * 100;
}

export function decide(current: string, release: ReleaseInfo, computerId: string): Decision {
  if (!semver.valid(release.version))
    throw new Error(`The update metadata names no valid version: "${release.version}"`);
  if (!semver.gt(release.version, current)) return 'not-newer';
  const share = release.stagingPercentage;
  if (share !== undefined && share < 100 && stagePosition(computerId) >= share) return 'not-yet';
  return 'offer';
}

/** The newer of two releases (a beta computer also takes a stable release that is newer). */
export const newest = (releases: readonly ReleaseInfo[]): ReleaseInfo | null =>
  releases.reduce<ReleaseInfo | null>(
    (best, next) => (!best || semver.gt(next.version, best.version) ? next : best),
    null,
  );
