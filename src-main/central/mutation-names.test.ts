/**
 * The mutation registry (shared/mutations.ts) and the server's dispatch agree, read from the functions
 * the server actually runs: every mutation a computer pushes is one the server applies, and the
 * server applies nothing the registry does not know.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LOCAL_ONLY_MUTATIONS, MUTATION_NAMES } from '../../shared/mutations';
import { adminQuery, createTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.drop());

async function functionSource(name: string): Promise<string> {
  const { rows } = await adminQuery<{ source: string }>(server, 'SELECT pg_get_functiondef(to_regproc($1)) AS source', [
    name,
  ]);
  return rows[0]!.source;
}

const pushed = MUTATION_NAMES.filter((name) => !LOCAL_ONLY_MUTATIONS.includes(name)).sort();

test('kg.apply_mutation applies exactly the mutations a computer pushes', async () => {
  const source = await functionSource('kg.apply_mutation');
  const applied = [...source.matchAll(/WHEN '([^']+)' THEN/g)].map((match) => match[1]).sort();
  expect(applied).toEqual(pushed);
});

test('the mutations kg.push and its runs of movements single out are registered ones', async () => {
  for (const fn of ['kg.push', 'kg.apply_movement_run']) {
    const named = [...(await functionSource(fn)).matchAll(/'([a-z]+\.[a-z]+)'/g)].map((match) => match[1]);
    expect(named.length, fn).toBeGreaterThan(0);
    for (const name of named) expect(pushed, `${fn} names ${name}`).toContain(name);
  }
});
