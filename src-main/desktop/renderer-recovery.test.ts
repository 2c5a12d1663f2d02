/** Crash recovery: reload with a message, but never reload in a loop. */
import { describe, expect, it } from 'vitest';
import { CRASH_WINDOW_MS, CrashBudget, crashMessage, isCrash, MAX_CRASHES } from './renderer-recovery';

describe('CrashBudget', () => {
  it(`reloads after a crash, gives up at the ${MAX_CRASHES}rd within a minute`, () => {
    const budget = new CrashBudget();
    expect(budget.record(0)).toBe('reload');
    expect(budget.record(1_000)).toBe('reload');
    expect(budget.record(2_000)).toBe('give-up');
  });

  it('crashes that are far apart never add up', () => {
    const budget = new CrashBudget();
    for (let i = 0; i < 10; i += 1) expect(budget.record(i * CRASH_WINDOW_MS)).toBe('reload');
  });

  it('only crashes inside the last minute count', () => {
    const budget = new CrashBudget();
    budget.record(0);
    budget.record(30_000);
    expect(budget.record(CRASH_WINDOW_MS + 1)).toBe('reload');
    expect(budget.record(CRASH_WINDOW_MS + 2)).toBe('give-up');
  });
});

describe('messages', () => {
  it('a closed page is not a crash; a killed or crashed one is', () => {
    expect(isCrash('clean-exit')).toBe(false);
    expect(['crashed', 'killed', 'oom', 'abnormal-exit'].every(isCrash)).toBe(true);
  });

  it('say what happened, that saved work is kept, and what to do when it repeats', () => {
    expect(crashMessage('oom', 'reload').detail).toMatch(/Reason: oom\. Everything you saved is kept/);
    expect(crashMessage('crashed', 'give-up').detail).toMatch(/3 times in a minute \(crashed\).*Save diagnostics/);
  });
});
