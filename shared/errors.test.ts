import { describe, expect, it } from 'vitest';
import { fail, lockoutMessage } from './errors';

describe('lockoutMessage', () => {
  it.each([
    [1, '1 second'],
    [15, '15 seconds'],
    [60, '60 seconds'],
    [90, '90 seconds'],
    [91, '2 minutes'],
    [120, '2 minutes'],
    [121, '3 minutes'],
    [900, '15 minutes'],
    [5400, '90 minutes'],
    [5401, '2 hours'],
    [86_400, '24 hours'],
  ])('says a wait of %i s as "%s"', (seconds, wait) => {
    expect(lockoutMessage(seconds)).toBe(`Too many failed attempts. Try again in ${wait}.`);
  });

  it('never tells someone to wait no time at all', () => {
    expect(lockoutMessage(0)).toBe('Too many failed attempts. Try again in 1 second.');
  });

  it('is the message of every rate-limited failure', () => {
    expect(fail.rateLimited(61).error).toEqual({
      kind: 'rate_limited',
      message: 'Too many failed attempts. Try again in 61 seconds.',
      retryAfterSeconds: 61,
    });
  });
});
