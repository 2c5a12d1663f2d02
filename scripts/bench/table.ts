/** The table `npm run bench` prints: one row per metric, the target beside it, pass or fail. */

export interface BenchRow {
  metric: string;
  /** Samples taken (shown so a reader can judge the statistic). */
  n: number;
  median: number;
  /** Only where a target is on the tail. */
  p95?: number;
  p99?: number;
  /** The limit in ms and the statistic it applies to (or several, all to be met); omit for information. */
  target?: Target | readonly Target[];
  /** What the figures count: milliseconds unless said (memory in MB, a rate, a count; the limit in `maxMs`). */
  unit?: 'ms' | 'MB' | '/s' | 'connections';
  note?: string;
}

export interface Target {
  stat: 'median' | 'p95' | 'p99';
  maxMs: number;
  /** The limit is a floor (a rate that must be reached), not a ceiling. */
  atLeast?: boolean;
}

const targetsOf = (row: BenchRow): readonly Target[] =>
  row.target === undefined ? [] : 'stat' in row.target ? [row.target] : row.target;

export const passes = (row: BenchRow): boolean | null => {
  const targets = targetsOf(row);
  if (targets.length === 0) return null;
  return targets.every((target) => {
    const value = row[target.stat] ?? Number.NaN;
    return target.atLeast ? value >= target.maxMs : value <= target.maxMs;
  });
};

const ms = (value: number | undefined, unit = 'ms'): string => {
  if (value === undefined) return '';
  // Counts are whole: 18 connections, not 18.0.
  if (unit === 'connections') return `${value} ${unit}`;
  return `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ${unit}`;
};

/** Targets as written (10 ms); derived ones (a ratio of another measurement) rounded like samples. */
const limit = (value: number, unit = 'ms'): string => (Number.isInteger(value) ? `${value} ${unit}` : ms(value, unit));

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['metric', 'n', 'median', 'p95', 'p99', 'target', 'result'];
  const body = rows.map((row) => {
    const verdict = passes(row);
    return [
      row.metric,
      String(row.n),
      ms(row.median, row.unit),
      ms(row.p95, row.unit),
      ms(row.p99, row.unit),
      targetsOf(row)
        .map((target) => `${target.stat} ${target.atLeast ? '≥' : '≤'} ${limit(target.maxMs, row.unit)}`)
        .join(', ') || '—',
      verdict === null ? (row.note ?? 'info') : verdict ? 'pass' : 'FAIL',
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}
