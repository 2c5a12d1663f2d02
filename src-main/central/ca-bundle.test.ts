import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { removeFolder, tempFolder } from '../testing/temp-core';
import { readCaBundle } from './central-link';
import { clusterInfo } from './testing/test-server';

let folder: string;
afterEach(() => removeFolder(folder));

/** The AppError readCaBundle fails with. */
async function refusal(path: string) {
  const error = await readCaBundle(path).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppFailure);
  return (error as AppFailure).error;
}

describe('the CA bundle file the user names', () => {
  it('is read when it is a PEM bundle', async () => {
    folder = tempFolder('kg-ca');
    const pem = readFileSync(clusterInfo().caFile, 'utf8');
    const file = join(folder, 'ca.pem');
    writeFileSync(file, pem);
    expect(await readCaBundle(file)).toBe(pem);
  });

  it('is refused at its field when it is a device that never ends (/dev/zero) or a folder', async () => {
    folder = tempFolder('kg-ca');
    for (const path of ['/dev/zero', folder]) {
      expect(await refusal(path)).toMatchObject({
        kind: 'validation',
        issues: [{ path: 'caFile', message: `The CA bundle file must be a regular file; ${path} is not one.` }],
      });
    }
  });

  it('is refused at once when it is a pipe nobody writes to (a FIFO), never waited on', async () => {
    folder = tempFolder('kg-ca');
    const fifo = join(folder, 'ca.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await refusal(fifo)).toMatchObject({ kind: 'validation', issues: [{ path: 'caFile' }] });
  });

  it('is refused when it is larger than 1 MB, without being read whole', async () => {
    folder = tempFolder('kg-ca');
    const file = join(folder, 'big.pem');
    writeFileSync(file, Buffer.alloc(1024 * 1024 + 1, 'a'));
    expect(await refusal(file)).toMatchObject({
      issues: [{ path: 'caFile', message: 'The CA bundle file is larger than 1 MB: choose the right file.' }],
    });
  });
});
