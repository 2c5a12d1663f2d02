/** Timing helpers shared by every benchmark: warm up, sample, stop at a time budget, summarise. */
import { performance } from 'node:perf_hooks';

export interface Samples {
  /** Milliseconds, in the order taken. */
  readonly ms: readonly number[];
  median: number;
  p95: number;
  p99: number;
}

export interface SampleOptions {
  /** Untimed runs first: JIT, SQLite page cache, prepared statements. */
  warmup: number;
  iterations: number;
  /** Stop early once this much time went on timed runs (keeps `npm run bench` bounded). */
  budgetMs: number;
  /** The run sets itself up untimed and returns the milliseconds of the part that counts. */
  timedByRun?: boolean;
}

/** The q-quantile by nearest rank (p99 of 1,000 samples = the 990th smallest). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarise(ms: readonly number[]): Samples {
  const sorted = [...ms].sort((a, b) => a - b);
  return { ms, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
}

/** Times `run` `iterations` times (after `warmup` untimed runs), one sample per call. */
export async function sample(run: (i: number) => unknown, options: SampleOptions): Promise<Samples> {
  for (let i = 0; i < options.warmup; i++) await run(-1 - i);
  const ms: number[] = [];
  let spent = 0;
  for (let i = 0; i < options.iterations && spent < options.budgetMs; i++) {
    const start = performance.now();
    const reported = await run(i);
    const took = options.timedByRun ? Number(reported) : performance.now() - start;
    ms.push(took);
    spent += took;
  }
  return summarise(ms);
}
