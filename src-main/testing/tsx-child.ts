/**
 * Test support: a child Node process running TypeScript through tsx's loader, as one process (node
 * with the loader, not the tsx wrapper), so kill -9 ends the code under test itself; its standard
 * output read line by line.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface TsxChild {
  process: ChildProcessWithoutNullStreams;
  /** What it wrote to standard error so far: why it ended, when it did. */
  errors(): string;
  /** Settles once the process has exited. */
  exited: Promise<void>;
}

export function startTsxChild(args: readonly string[], onLine: (line: string) => void): TsxChild {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args]);
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors += chunk;
  });
  createInterface({ input: child.stdout }).on('line', onLine);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return { process: child, errors: () => errors, exited };
}
