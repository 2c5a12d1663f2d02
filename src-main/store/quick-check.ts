/**
 * SQLite's quick_check of the store in a worker thread, on a read-only connection of its own, so
 * start-up reads what the first screen needs while the store is checked (on a 20,000-item store the
 * check is a third of the cold start). Nothing is answered before the verdict: see app-core.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { integrityProblem } from './backup';
import type { Db } from './database';

/**
 * The worker's whole program, plain CommonJS so it runs alike from the sources, in tests and in the
 * bundle. A driver that will not load throws (the check then runs on this thread); a store that
 * will not open or check is answered as its problem.
 */
const CHECK = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let problem;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('quick_check(1)', { simple: true });
    problem = result === 'ok' ? null : String(result);
  } finally {
    db.close();
  }
} catch (error) {
  problem = error.message;
}
parentPort.postMessage(problem);
`;

/** null when SQLite finds the store whole; else its first complaint, on one line. */
export function quickCheckBeside(db: Db): Promise<string | null> {
  return new Promise((resolve) => {
    let settled = false;
    const answer = (problem: () => string | null) => {
      if (settled) return;
      settled = true;
      resolve(problem()?.replace(/\s+/g, ' ') ?? null);
    };
    // A worker that cannot run (no threads, a module that will not load) leaves the check to this thread.
    const here = () => quickCheckHere(db);
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(CHECK, { eval: true, workerData: { driver, file: db.name } });
      worker.once('message', (problem: string | null) => answer(() => problem));
      worker.once('error', () => answer(here));
    } catch {
      answer(here);
    }
  });
}

/** The same check on this thread, on the app's own connection. */
export function quickCheckHere(db: Db): string | null {
  try {
    return integrityProblem(db, 'quick_check');
  } catch (error) {
    return (error as Error).message;
  }
}
