/**
 * The import of the old KitchenGuard into a central server, whole: read the old databases, make the
 * plan (by restaurant name, or as a plan file says), write it restaurant by restaurant (or not, in
 * a dry run), and the report of every old row.
 */
import type pg from 'pg';
import { type Grouping, makePlan, type Plan } from './plan';
import { type OldServer, readOldKitchenGuard } from './read-old';
import { reportOf } from './report';
import { importIntoServer, type ServerImportOptions, type ServerImportResult } from './server-import';

export interface LegacyImport extends ServerImportOptions {
  old: OldServer;
  /** The central server, as its administrator, over verified TLS. */
  central: pg.ClientConfig;
  planFile?: Grouping | null;
}

export interface LegacyImportResult extends ServerImportResult {
  plan: Plan;
  /** Read in pieces (reportOf): a run of many restaurants reports a million old rows. */
  report: Iterable<string>;
}

export async function importLegacy({
  old,
  central,
  planFile = null,
  ...options
}: LegacyImport): Promise<LegacyImportResult> {
  const plan = makePlan(await readOldKitchenGuard(old), planFile);
  const result = await importIntoServer(central, plan, options);
  return { ...result, plan, report: reportOf(plan, result, new Date()) };
}
