/**
 * `npm run bench`: runs each suite, then prints one table of medians (and p99 where the target is
 * on it) beside their targets. Exits 1 if a target is missed or a suite crashed (the other suites'
 * rows are still printed, and the crashed suite named). Later suites (sync, PostgreSQL) add
 * themselves to SUITES; `npm run bench -- inventory` runs only the named suites.
 */
import { availableParallelism, loadavg } from 'node:os';
import { browserBenchmarks } from './browser.bench';
import { chainBenchmarks } from './chain.bench';
import { countSheetBenchmarks } from './count-sheet.bench';
import { countsBenchmarks } from './counts.bench';
import { inventoryBenchmarks } from './inventory.bench';
import { legacyBenchmarks } from './legacy.bench';
import { scaleBenchmarks } from './scale.bench';
import { syncBenchmarks } from './sync.bench';
import { type BenchRow, formatTable, passes } from './table';

type Suite = (progress: (message: string) => void) => Promise<BenchRow[]>;

const SUITES: Record<string, Suite> = {
  inventory: inventoryBenchmarks,
  scale: scaleBenchmarks,
  sync: syncBenchmarks,
  counts: countsBenchmarks,
  chain: chainBenchmarks,
  legacy: legacyBenchmarks,
  browser: browserBenchmarks,
  'count-sheet': countSheetBenchmarks,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Suites: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const rows: BenchRow[] = [];
/** Suites that crashed: the others' rows are still printed, and the run fails. */
const crashed: string[] = [];
for (const [name, suite] of Object.entries(SUITES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  try {
    rows.push(...(await suite((message) => console.log(`[${name}] ${message}`))));
  } catch (error) {
    crashed.push(name);
    console.error(`[${name}] crashed:`, error);
  }
}

// Tail latencies (p99) move with whatever else the machine is doing: say how busy it was.
const load = loadavg()[0]?.toFixed(1);
console.log(
  `\nKitchenGuard benchmarks — Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores, load ${load}\n`,
);
console.log(formatTable(rows));
const missed = rows.filter((row) => passes(row) === false);
const verdict = missed.length === 0 ? 'All targets met' : `${missed.length} target(s) missed`;
console.log(`\n${verdict} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
if (crashed.length > 0) console.log(`Crashed, rows missing: ${crashed.join(', ')} (the error is above)`);
process.exit(missed.length === 0 && crashed.length === 0 ? 0 : 1);
