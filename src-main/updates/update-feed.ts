/**
 * An update feed over HTTP in electron-builder's format (latest.yml, beta.yml and the files they
 * name), for hosts without electron-updater: the browser preview and the tests. The download is
 * checked against the metadata's SHA-512, as electron-updater checks it.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { UpdateChannel } from '../../shared/contract/updates';
import { newest, type ReleaseInfo } from './update-decision';
import type { UpdateSource } from './update-machine';

interface FeedRelease extends ReleaseInfo {
  files: { url: string; sha512: string; size?: number }[];
}

/** The metadata files a channel reads: a beta computer also takes a newer stable release. */
const CHANNEL_FILES: Record<UpdateChannel, string[]> = { stable: ['latest.yml'], beta: ['beta.yml', 'latest.yml'] };

function parseRelease(text: string, url: string): FeedRelease {
  const parsed = load(text) as Partial<FeedRelease> | null;
  const version = parsed?.version;
  if (typeof version !== 'string' || !Array.isArray(parsed?.files) || parsed.files.length === 0) {
    throw new Error(`${url} is not update metadata (version and files expected)`);
  }
  return { ...parsed, version, files: parsed.files } as FeedRelease;
}

async function fetchRelease(url: string): Promise<FeedRelease | null> {
  const response = await fetch(url);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`The update server answered ${response.status} for ${url}`);
  return parseRelease(await response.text(), url);
}

export function httpUpdateFeed(baseUrl: string, downloadFolder: string, cannotInstall: string): UpdateSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  let chosen: FeedRelease | null = null;
  return {
    async latest(channel) {
      const found = await Promise.all(CHANNEL_FILES[channel].map((file) => fetchRelease(new URL(file, base).href)));
      chosen = newest(found.filter((release): release is FeedRelease => release !== null)) as FeedRelease | null;
      return chosen && { release: chosen };
    },
    async download(onProgress) {
      const file = chosen?.files[0];
      if (!file) throw new Error('No update was found to download.');
      const response = await fetch(new URL(file.url, base));
      if (!response.ok || !response.body) throw new Error(`Downloading ${file.url} failed: ${response.status}`);
      const total = Number(response.headers.get('content-length')) || file.size || 0;
      const hash = createHash('sha512');
      const chunks: Buffer[] = [];
      let received = 0;
      for await (const chunk of response.body) {
        const bytes = Buffer.from(chunk);
        hash.update(bytes);
        chunks.push(bytes);
        received += bytes.length;
        if (total > 0) onProgress((received / total) * 100);
      }
      if (hash.digest('base64') !== file.sha512) throw new Error(`${file.url} does not match its SHA-512: not kept.`);
      await mkdir(downloadFolder, { recursive: true });
      await writeFile(join(downloadFolder, file.url.replace(/[\\/]/g, '_')), Buffer.concat(chunks));
    },
    install() {
      throw new Error(cannotInstall);
    },
  };
}
