/**
 * The import's report, printed and saved as a file: the plan (each restaurant, its people, its item
 * counts), counts per old table and outcome, what was written, then every old row with what it
 * became and every value changed on the way, and why. Never a password hash or a token.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ImportOutcome, Outcome, ReportLine } from './changes';
import type { Plan } from './plan';

const OUTCOMES: Outcome[] = ['imported', 'merged', 'updated', 'unchanged', 'kept', 'skipped', 'dropped'];

function planSection(plan: Plan): string[] {
  const out = [`Restaurants (${plan.restaurants.length}):`];
  for (const restaurant of plan.restaurants) {
    const kitchen = restaurant.items.filter((item) => item.area === 'kitchen').length;
    const merged = restaurant.items.filter((item) => item.parts.length > 1).length;
    out.push(
      `  ${restaurant.name} [key "${restaurant.key}"]: ${restaurant.users.length} user(s), ${kitchen} kitchen and ${restaurant.items.length - kitchen} bar item(s)${merged > 0 ? `, ${merged} merged` : ''}`,
    );
    for (const user of restaurant.users) {
      out.push(`    ${user.role} ${user.username} <${user.email}>${user.isActive ? '' : ' (inactive)'}`);
    }
    for (const note of restaurant.notes) out.push(`    · ${note}`);
  }
  for (const note of plan.notes) out.push(`  · ${note}`);
  return out;
}

export function countsPerTable(lines: ReportLine[]): Map<string, Map<Outcome, number>> {
  const counts = new Map<string, Map<Outcome, number>>();
  for (const line of lines) {
    const table = counts.get(line.source) ?? new Map<Outcome, number>();
    counts.set(line.source, table);
    table.set(line.outcome, (table.get(line.outcome) ?? 0) + 1);
  }
  return counts;
}

function countsSection(lines: ReportLine[]): string[] {
  const header = ['old table'.padEnd(22), ...OUTCOMES.map((outcome) => outcome.padStart(10))].join('');
  const rows = [...countsPerTable(lines)].map(([table, counts]) =>
    [table.padEnd(22), ...OUTCOMES.map((outcome) => String(counts.get(outcome) ?? 0).padStart(10))].join(''),
  );
  return ['Old rows by outcome:', `  ${header}`, ...rows.map((row) => `  ${row}`)];
}

function lineText(line: ReportLine): string[] {
  const target = line.newId ? `${line.became} [${line.newId}]` : line.became;
  return [
    `  ${line.source} ${line.oldId} → ${line.outcome}: ${target}`,
    ...line.notes.map((note) => `      · ${note}`),
  ];
}

/** The report a line at a time: a server import's runs to tens of megabytes, never held whole. */
function* reportLines(plan: Plan, result: ImportOutcome, at: Date): Generator<string> {
  const { written } = result;
  yield `Import of the old KitchenGuard, ${at.toISOString()}${result.dryRun ? ' — DRY RUN: nothing was written' : ''}`;
  yield '';
  yield* planSection(plan);
  yield '';
  yield* countsSection(result.lines);
  yield '';
  yield result.dryRun
    ? 'Written: nothing (dry run).'
    : `Written: ${written.restaurants} restaurant(s), ${written.users} user(s), ${written.items} item(s), ${written.stock_movements} opening count(s); ${written.updated} row(s) updated.`;
  yield '';
  yield 'Every old row:';
  for (const line of result.lines) yield* lineText(line);
  yield '';
}

/** The report, to be read (as often as wanted) in pieces of about 64 KB. */
export function reportOf(plan: Plan, result: ImportOutcome, at: Date): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      let piece: string[] = [];
      let size = 0;
      for (const line of reportLines(plan, result, at)) {
        piece.push(line);
        size += line.length + 1;
        if (size < 65_536) continue;
        yield `${piece.join('\n')}\n`;
        piece = [];
        size = 0;
      }
      if (piece.length > 0) yield `${piece.join('\n')}\n`;
    },
  };
}

export const formatReport = (plan: Plan, result: ImportOutcome, at: Date): string =>
  [...reportOf(plan, result, at)].join('');

/** Writes the report to `path` (readable by its owner only) and, piece by piece, to `echo` as well. */
export async function saveReport(report: Iterable<string>, path: string, echo?: Writable): Promise<void> {
  const file = createWriteStream(path, { mode: 0o600 });
  const opened = once(file, 'open');
  // A failure to open is thrown by `opened`; later failures by `finished`.
  file.on('error', () => undefined);
  await opened;
  for (const piece of report) {
    const drained = [
      file.write(piece) ? null : once(file, 'drain'),
      echo && !echo.write(piece) ? once(echo, 'drain') : null,
    ];
    await Promise.all(drained);
  }
  file.end();
  await finished(file);
}
