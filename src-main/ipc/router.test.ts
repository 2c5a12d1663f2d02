import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/contract';
import type { Handlers } from './handler';
import { createRouter } from './router';

/** A computer-status handler with a bug: its answer breaks the contract. */
const broken = { 'computer.status': () => ({ version: 42 }) } as unknown as Handlers<ChannelName>;
const noActor = {
  actor: () => {
    throw new Error('no actor in this test');
  },
};

function routerWith(checkOutputs: boolean) {
  const logged: string[] = [];
  const log = { error: (message: string) => logged.push(message), warn: () => {}, info: () => {} };
  return { router: createRouter(broken, noActor, log, { checkOutputs }), logged };
}

describe('the router', () => {
  it('in tests and development, answers an output that breaks the contract as an internal error, logged', async () => {
    const { router, logged } = routerWith(true);
    expect(await router.invoke('computer.status', {})).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(logged).toEqual(['Output of computer.status broke the contract']);
  });

  it('in a packaged app, passes outputs on unchecked', async () => {
    const { router, logged } = routerWith(false);
    expect(await router.invoke('computer.status', {})).toEqual({ ok: true, value: { version: 42 } });
    expect(logged).toEqual([]);
  });

  it.each([true, false])('checks every input either way (output checks %s)', async (checkOutputs) => {
    const { router } = routerWith(checkOutputs);
    expect(await router.invoke('computer.status', { extra: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });
});
