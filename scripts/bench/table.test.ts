import { describe, expect, it } from 'vitest';
import { quantile, summarise } from './measure';
import { formatTable, passes } from './table';

describe('bench statistics', () => {
  it('takes quantiles by nearest rank', () => {
    const sorted = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(500);
    expect(quantile(sorted, 0.99)).toBe(990);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises unsorted samples', () => {
    expect(summarise([5, 1, 3])).toMatchObject({ median: 3, p95: 5, p99: 5 });
  });
});

describe('bench table', () => {
  const row = { metric: 'x', n: 10, median: 8, p99: 3 };

  it('judges the statistic the target names, and nothing without a target', () => {
    expect(passes({ ...row, target: { stat: 'median', maxMs: 10 } })).toBe(true);
    expect(passes({ ...row, target: { stat: 'median', maxMs: 5 } })).toBe(false);
    expect(passes({ ...row, target: { stat: 'p99', maxMs: 2 } })).toBe(false);
    expect(passes(row)).toBeNull();
  });

  it('passes a row with several targets only when every one is met', () => {
    const tail = { metric: 'x', n: 10, median: 20, p95: 45 };
    const both = [
      { stat: 'median', maxMs: 30 },
      { stat: 'p95', maxMs: 50 },
    ] as const;
    expect(passes({ ...tail, target: both })).toBe(true);
    expect(passes({ ...tail, p95: 51, target: both })).toBe(false);
    expect(formatTable([{ ...tail, target: both }])).toMatch(/45\.0 ms\s+median ≤ 30 ms, p95 ≤ 50 ms\s+pass$/m);
  });

  it('judges a floor (a rate to reach) the other way, and prints it so', () => {
    const rate = { metric: 'changes', n: 1, median: 80, unit: '/s' as const };
    expect(passes({ ...rate, target: { stat: 'median', maxMs: 50, atLeast: true } })).toBe(true);
    expect(passes({ ...rate, target: { stat: 'median', maxMs: 100, atLeast: true } })).toBe(false);
    expect(formatTable([{ ...rate, target: { stat: 'median', maxMs: 50, atLeast: true } }])).toMatch(
      /80\.0 \/s\s+median ≥ 50 \/s\s+pass$/m,
    );
  });

  it('prints the target and the verdict beside each metric', () => {
    const text = formatTable([
      { ...row, target: { stat: 'p99', maxMs: 2 } },
      { ...row, metric: 'info row' },
    ]);
    expect(text).toMatch(/x\s+10\s+8\.000 ms\s+3\.000 ms\s+p99 ≤ 2 ms\s+FAIL/);
    expect(text).toMatch(/info row .* info$/m);
    expect(formatTable([{ ...row, target: { stat: 'median', maxMs: 2696.2222023 } }])).toMatch(/median ≤ 2696\.2 ms/);
  });
});
