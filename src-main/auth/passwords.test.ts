import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HASH_COST, hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('uses cost 12 by default, in the $2a$ form that pgcrypto reads, and bcryptjs verifies it', async () => {
    expect(DEFAULT_HASH_COST).toBe(12);
    const hash = await hashPassword('correct horse battery', DEFAULT_HASH_COST);
    expect(hash).toMatch(/^\$2a\$12\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.getRounds(hash)).toBe(12);
    expect(await bcrypt.compare('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [first, second] = await Promise.all([hashPassword('same password', 4), hashPassword('same password', 4)]);
    expect(first).not.toBe(second);
    expect(await verifyPassword('same password', first)).toBe(true);
    expect(await verifyPassword('same password', second)).toBe(true);
  });

  it('verifies the $2b$ hashes of the old Python service', async () => {
    const pythonStyle = bcrypt.hashSync('legacy password', bcrypt.genSaltSync(4));
    expect(pythonStyle).toMatch(/^\$2b\$/);
    expect(await verifyPassword('legacy password', pythonStyle)).toBe(true);
  });

  it('compares an unknown user against a real cost-12 hash, so a miss takes as long as a wrong password', async () => {
    expect(bcrypt.getRounds(UNKNOWN_USER_HASH)).toBe(DEFAULT_HASH_COST);
    expect(UNKNOWN_USER_HASH).toMatch(/^\$2a\$12\$[./A-Za-z0-9]{53}$/);
    expect(await verifyPassword('correct horse battery', UNKNOWN_USER_HASH)).toBe(false);
  });
});
