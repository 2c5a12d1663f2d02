import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFolder, tempFolder } from '../testing/temp-core';
import { rememberAddress, rememberedAddress, whereToListen } from './address';

let folder: string;
afterEach(() => removeFolder(folder));

describe("the preview's address, kept per data folder", () => {
  it('starts anywhere with a new token, then comes back on the same port with the same token', () => {
    folder = tempFolder('kg-preview');
    const first = whereToListen(folder, null, false);
    expect(first).toMatchObject({ port: 0, fallBack: true });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    rememberAddress(folder, { port: 41234, token: first.token });

    expect(whereToListen(folder, null, false)).toEqual({ port: 41234, token: first.token, fallBack: true });
  });

  it('keeps the token where only its owner can read it', () => {
    folder = tempFolder('kg-preview');
    rememberAddress(folder, { port: 41234, token: whereToListen(folder, null, false).token });
    expect(statSync(join(folder, 'preview.json')).mode & 0o777).toBe(0o600);
  });

  it('makes a new token when asked to, keeping the port', () => {
    folder = tempFolder('kg-preview');
    const { token } = whereToListen(folder, null, false);
    rememberAddress(folder, { port: 41234, token });
    const renewed = whereToListen(folder, null, true);
    expect(renewed.port).toBe(41234);
    expect(renewed.token).not.toBe(token);
  });

  it('takes a port asked for by name as it is, with no fallback, and refuses one that is no port', () => {
    folder = tempFolder('kg-preview');
    expect(whereToListen(folder, '5180', false)).toMatchObject({ port: 5180, fallBack: false });
    expect(whereToListen(folder, '0', false)).toMatchObject({ port: 0, fallBack: false });
    for (const bad of ['70000', '-1', '51.8', 'abc', ''])
      expect(() => whereToListen(folder, bad, false)).toThrow('--port must be a whole number from 0 to 65535');
  });

  it('trusts nothing in a file it did not write: a short token or a bad port means a new start', () => {
    folder = tempFolder('kg-preview');
    const file = join(folder, 'preview.json');
    for (const content of ['{', '{"port":41234,"token":"short"}', `{"port":"41234","token":"${'a'.repeat(43)}"}`]) {
      writeFileSync(file, content);
      expect(rememberedAddress(folder)).toBeNull();
    }
  });
});
