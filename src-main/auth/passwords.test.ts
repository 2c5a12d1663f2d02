import { describe, expect, it } from 'vitest';
import { DEFAULT_HASH_COST, hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './passwords';
import { PYTHON_BCRYPT_HASHES } from './testing/python-bcrypt-hashes';

describe('password hashes', () => {
  it('uses cost 12 by default, in the $2a$ form that pgcrypto reads', async () => {
    expect(DEFAULT_HASH_COST).toBe(12);
    const hash = await hashPassword('correct horse battery', DEFAULT_HASH_COST);
    expect(hash).toMatch(/^\$2a\$12\$[./A-Za-z0-9]{53}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [first, second] = await Promise.all([hashPassword('same password', 4), hashPassword('same password', 4)]);
    expect(first).not.toBe(second);
    expect(await verifyPassword('same password', first)).toBe(true);
    expect(await verifyPassword('same password', second)).toBe(true);
  });

  it.each(Object.entries(PYTHON_BCRYPT_HASHES))(
    'verifies a $2b$ hash that Python bcrypt made (%s password), and only for its password',
    async (_, { password, hash }) => {
      expect(hash).toMatch(/^\$2b\$12\$/);
      expect(await verifyPassword(password, hash)).toBe(true);
      expect(await verifyPassword(`${password}!`, hash)).toBe(false);
    },
  );

  it('compares an unknown user against a real cost-12 hash, so a miss takes as long as a wrong password', async () => {
    expect(UNKNOWN_USER_HASH).toMatch(/^\$2a\$12\$[./A-Za-z0-9]{53}$/);
    expect(await verifyPassword('correct horse battery', UNKNOWN_USER_HASH)).toBe(false);
  });
});
