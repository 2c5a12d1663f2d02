/**
 * Help → Save diagnostics: one JSON file a restaurant can send to support. Versions, this
 * computer's settings without secrets, the store's full integrity check, and the end of the recent
 * logs. It opens the store read-only itself, so it also works when the app could not start.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { integrityProblem } from '../store/backup';
import { storeFile } from './folder-layout';

export interface DiagnosticsFacts {
  madeAt: Date;
  /** App, Electron, Chromium, Node, OS: whatever the host knows. */
  versions: Record<string, string>;
  dataFolder: string;
  logsFolder: string;
}

/** Lines kept from the end of each log file, and how many of the newest files. */
export const LOG_TAIL_LINES = 400;
export const LOG_FILES = 3;

const SECRET_NAME = /pass|secret|token|hash|private|credential|key$/i;
const REDACTED = '[removed]';

/** A setting's value with every secret-looking field (at any depth) replaced. */
function withoutSecrets(name: string, value: unknown): unknown {
  if (SECRET_NAME.test(name)) return REDACTED;
  if (Array.isArray(value)) return value.map((entry) => withoutSecrets('', entry));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutSecrets(key, inner)]));
  }
  return value;
}

/** A meta value as JSON when it is JSON; a certificate is named, not copied. */
function settingValue(key: string, text: string): unknown {
  if (text.includes('-----BEGIN')) return `(PEM, ${text.length} characters)`;
  try {
    return withoutSecrets(key, JSON.parse(text));
  } catch {
    return withoutSecrets(key, text);
  }
}

function storeReport(dataFolder: string): Record<string, unknown> {
  const file = storeFile(dataFolder);
  if (!existsSync(file)) return { file, problem: 'missing' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const count = (table: string) => (db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const meta = db.prepare('SELECT key, value FROM meta ORDER BY key').all() as { key: string; value: string }[];
    return {
      file,
      sizeBytes: statSync(file).size,
      schemaVersion: db.pragma('user_version', { simple: true }),
      integrityCheck: integrityProblem(db, 'integrity_check') ?? 'ok',
      rows: { items: count('items'), movements: count('stock_movements'), outboxWaiting: count('outbox') },
      settings: Object.fromEntries(meta.map(({ key, value }) => [key, settingValue(key, value)])),
    };
  } catch (error) {
    return { file, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

function recentLogs(folder: string): { file: string; lastLines: string[] }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    .slice(0, LOG_FILES)
    .map((file) => ({
      file,
      lastLines: readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-LOG_TAIL_LINES),
    }));
}

/** The diagnostics file's text (pretty JSON) and the name to suggest for it. */
export function buildDiagnostics(facts: DiagnosticsFacts): { name: string; text: string } {
  const report = {
    kind: 'KitchenGuard diagnostics',
    madeAt: facts.madeAt.toISOString(),
    versions: facts.versions,
    dataFolder: facts.dataFolder,
    store: storeReport(facts.dataFolder),
    logsFolder: facts.logsFolder,
    recentLogs: recentLogs(facts.logsFolder),
  };
  const stamp = report.madeAt.slice(0, 19).replace(/[:T]/g, '-');
  return { name: `kitchenguard-diagnostics-${stamp}.json`, text: `${JSON.stringify(report, null, 2)}\n` };
}
