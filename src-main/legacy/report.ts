/**
 * The import's report, printed and saved as a file: the plan (each restaurant, its people, its item
 * counts), counts per old table and outcome, what was written, then every old row with what it
 * became and every value changed on the way, and why. Never a password hash or a token.
 */
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

export function formatReport(plan: Plan, result: ImportOutcome, at: Date): string {
  const { written } = result;
  return [
    `Import of the old KitchenGuard, ${at.toISOString()}${result.dryRun ? ' — DRY RUN: nothing was written' : ''}`,
    '',
    ...planSection(plan),
    '',
    ...countsSection(result.lines),
    '',
    result.dryRun
      ? 'Written: nothing (dry run).'
      : `Written: ${written.restaurants} restaurant(s), ${written.users} user(s), ${written.items} item(s), ${written.stock_movements} opening count(s); ${written.updated} row(s) updated.`,
    '',
    'Every old row:',
    ...result.lines.flatMap(lineText),
    '',
  ].join('\n');
}
