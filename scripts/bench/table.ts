/** The table `npm run bench` prints: one row per metric, the target beside it, pass or fail. */

export interface BenchRow {
  metric: string;
  /** Samples taken (shown so a reader can judge the statistic). */
  n: number;
  median: number;
  /** Only where a target is on the p99. */
  p99?: number;
  /** The limit in ms, and which statistic it applies to; omit for an informational row. */
  target?: { stat: 'median' | 'p99'; maxMs: number };
  note?: string;
}

export const passes = (row: BenchRow): boolean | null =>
  row.target ? (row.target.stat === 'median' ? row.median : (row.p99 ?? Number.NaN)) <= row.target.maxMs : null;

const ms = (value: number | undefined): string =>
  value === undefined ? '' : `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;

/** Targets as written (10 ms); derived ones (a ratio of another measurement) rounded like samples. */
const limit = (value: number): string => (Number.isInteger(value) ? `${value} ms` : ms(value));

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['metric', 'n', 'median', 'p99', 'target', 'result'];
  const body = rows.map((row) => {
    const verdict = passes(row);
    return [
      row.metric,
      String(row.n),
      ms(row.median),
      ms(row.p99),
      row.target ? `${row.target.stat} ≤ ${limit(row.target.maxMs)}` : '—',
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
