/**
 * What `npm start` decides before it starts anything, apart from the starting itself (start.mjs),
 * so each decision is tested on its own: build again or not, try the Electron download or not.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What electron-vite reads: the app's sources and the files that configure the build. */
export const BUILD_INPUTS = [
  'src-main',
  'src-renderer',
  'shared',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

/** One file of each part electron-vite writes: all three must be there to skip a build. */
export const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** Tests and test support are never bundled: changing them needs no build. */
const notBundled = (path) => /\.test\.tsx?$/.test(path) || /(^|\/)testing\//.test(path);

function filesUnder(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true })
    .map((name) =>
      relative(root, join(full, String(name)))
        .split('\\')
        .join('/'),
    )
    .filter((file) => statSync(join(root, file)).isFile());
}

/** SHA-256 over the names and contents of every build input: equal means nothing changed. */
export function inputsFingerprint(root) {
  const hash = createHash('sha256');
  const files = BUILD_INPUTS.flatMap((path) => filesUnder(root, path))
    .filter((file) => !notBundled(file))
    .sort();
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/**
 * The outputs as they are now (size and modification time of each), or null when one is missing.
 * Another command (`npm test`, `npm run build`) may rebuild out/ from other sources: then this
 * differs from what the stamp recorded, and the next start builds again.
 */
export function outputsSignature(root) {
  const parts = [];
  for (const file of BUILD_OUTPUTS) {
    const path = join(root, file);
    if (!existsSync(path)) return null;
    const { size, mtimeMs } = statSync(path);
    parts.push(`${file}:${size}:${Math.trunc(mtimeMs)}`);
  }
  return parts.join('|');
}

/**
 * Build again? `stamp` is what the last build of `npm start` recorded ({ inputs, outputs }), or
 * null; `inputs` and `outputs` are the fingerprint and signature now.
 */
export function buildDecision({ stamp, inputs, outputs, forced = false }) {
  if (forced) return { build: true, why: 'asked to (--rebuild)' };
  if (outputs === null) return { build: true, why: 'there is no complete build yet' };
  if (!stamp) return { build: true, why: 'there is no record of what the last build was made from' };
  if (stamp.inputs !== inputs) return { build: true, why: 'the sources changed since the last build' };
  if (stamp.outputs !== outputs) return { build: true, why: 'out/ was rebuilt by another command since' };
  return { build: false, why: 'nothing changed since the last build' };
}

/** After a failed download, `npm start` goes straight to the preview for this long. */
export const DOWNLOAD_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Try Electron's download now? `failure` is the marker of the last failed attempt
 * ({ failedAt: ISO time, reason }), or null.
 */
export function downloadDecision({ failure, now, forced = false }) {
  if (forced || !failure) return { attempt: true, why: forced ? 'asked to (--retry-electron)' : 'never tried' };
  const failedAt = Date.parse(failure.failedAt);
  // A marker from the future (a clock set back) or unreadable: try again rather than wait for ever.
  if (!Number.isFinite(failedAt) || failedAt > now.getTime()) return { attempt: true, why: 'the last try is undated' };
  const retryAt = new Date(failedAt + DOWNLOAD_RETRY_AFTER_MS);
  if (now >= retryAt) return { attempt: true, why: 'the last failure is over a day old' };
  return { attempt: false, why: `it failed at ${failure.failedAt}; next try after ${retryAt.toISOString()}` };
}

/** A JSON file's content, or null when it is missing or unreadable (then it is as if never written). */
export function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
