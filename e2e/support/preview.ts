/**
 * The browser preview as a Playwright fixture: `tsx src-main/preview/cli.ts` on a fresh data folder,
 * one per test. `restart()` stops the process and starts a new one on the same folder, which is how
 * a spec proves data and sign-in survive; the preview comes back on the folder's port and token, so
 * the URL stays the same (unless that port was taken meanwhile).
 *
 *   import { expect, test } from './support/preview';
 *   test('…', async ({ page, preview }) => { await page.goto(preview.url); … });
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..', '..');
// Absolute: the e2e run has a temporary HOME (keyring session), so no npx and no PATH lookups.
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'src-main', 'preview', 'cli.ts');
const URL_LINE = /^KITCHENGUARD_PREVIEW_URL=(\S+)$/m;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export interface Preview {
  /** The address to open, token included. */
  readonly url: string;
  readonly dataFolder: string;
  /** Everything the process printed so far (for failure messages). */
  readonly output: string;
  stop(): Promise<void>;
  /** Starts it again on the same data folder after `stop()`; resolves to its URL. */
  start(): Promise<string>;
  /** Stops the core and starts a new one on the same data folder; resolves to its URL. */
  restart(): Promise<string>;
}

interface Running {
  child: ChildProcess;
  url: string;
}

function launch(dataFolder: string, log: (text: string) => void, env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(TSX, [CLI, '--data-folder', dataFolder], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, failed) => {
    let printed = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      failed(new Error(`The preview printed no URL within ${START_TIMEOUT_MS} ms:\n${printed}`));
    }, START_TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      printed += text;
      log(text);
      const match = URL_LINE.exec(printed);
      if (match?.[1]) {
        clearTimeout(timer);
        done({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      failed(new Error(`The preview exited (${signal ?? `code ${code}`}) before printing its URL:\n${printed}`));
    });
  });
}

/** SIGTERM lets the core close the store cleanly; SIGKILL only if it does not within 5 s. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** `env`: added to this process's environment for the core (e.g. a D-Bus with no keychain behind it). */
export async function startPreview(
  dataFolder = mkdtempSync(join(tmpdir(), 'kg-e2e-')),
  env: NodeJS.ProcessEnv = {},
): Promise<Preview> {
  let output = '';
  const log = (text: string) => {
    output += text;
  };
  let running: Running | null = await launch(dataFolder, log, env);
  let url = running.url;
  const preview: Preview = {
    get url() {
      return url;
    },
    dataFolder,
    get output() {
      return output;
    },
    async stop() {
      if (running) await terminate(running.child);
      running = null;
    },
    async start() {
      if (running) throw new Error('The preview is running already: stop() it first.');
      running = await launch(dataFolder, log, env);
      url = running.url;
      return url;
    },
    async restart() {
      await preview.stop();
      return preview.start();
    },
  };
  return preview;
}

export const test = base.extend<{ preview: Preview; previewEnv: NodeJS.ProcessEnv }>({
  /** What a spec adds to the core's environment: `test.use({ previewEnv: { … } })`. */
  previewEnv: [{}, { option: true }],
  preview: async ({ previewEnv }, use, testInfo) => {
    const preview = await startPreview(undefined, previewEnv);
    try {
      await use(preview);
    } finally {
      await preview.stop();
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('preview output', { body: preview.output });
      rmSync(preview.dataFolder, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';

/** Where specs save the named screenshots of each screen (kept between runs, ignored by git). */
export const screenshotPath = (name: string): string => join(ROOT, 'e2e', 'screenshots', `${name}.png`);
