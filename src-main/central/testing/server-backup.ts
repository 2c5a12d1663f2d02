/**
 * The central server taken back in time, as a real restore does it: a backup is `pg_dump -Fc` of the
 * test database; restoring drops the database (its connections with it), creates it again and fills
 * it with `pg_restore` from that file — every table, sequence, device position and session as they
 * were at the backup, which is what restoring an RDS snapshot does — and then runs the restore
 * procedure (`server:setup --after-restore`) unless the test plays someone who forgot it. Deleting
 * the newest rows by hand would miss what a restore really does (sequences, device positions and
 * versions all going back).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { setupServer } from '../setup';
import { adminConfig, poolerOptions, type TestServer } from './server-database';

const PG_BIN = process.env.KITCHENGUARD_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

/** Runs pg_dump or pg_restore as the administrator, over verified TLS like everything else. */
function pgTool(server: TestServer, tool: 'pg_dump' | 'pg_restore', args: string[]) {
  const { cluster } = server;
  return run(join(PG_BIN, tool), args, {
    env: {
      ...process.env,
      PGHOST: cluster.host,
      PGPORT: String(cluster.port),
      PGUSER: cluster.adminUser,
      PGPASSWORD: cluster.adminPassword,
      PGSSLMODE: 'verify-full',
      PGSSLROOTCERT: cluster.caFile,
    },
  });
}

export interface ServerBackups {
  take(): Promise<string>;
  /** The server as it was at the backup; `forgetProcedure` skips the restore procedure's set-up run. */
  restore(file: string, options?: { forgetProcedure?: boolean }): Promise<void>;
}

/** Backups of `server()` kept in `folder`. */
export function serverBackups(server: () => TestServer, folder: string): ServerBackups {
  let taken = 0;
  return {
    async take() {
      taken += 1;
      const file = join(folder, `backup-${taken}.dump`);
      await pgTool(server(), 'pg_dump', ['--format=custom', `--file=${file}`, server().database]);
      return file;
    },
    async restore(file, { forgetProcedure = false } = {}) {
      const target = server();
      const admin = new pg.Client(adminConfig(target.cluster, 'postgres'));
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE ${target.database} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${target.database}`);
      } finally {
        await admin.end();
      }
      await pgTool(target, 'pg_restore', ['--exit-on-error', `--dbname=${target.database}`, file]);
      if (!forgetProcedure) {
        await setupServer(adminConfig(target.cluster, target.database), {
          appRole: target.appRole,
          restored: true,
          ...poolerOptions(target.cluster),
        });
      }
    },
  };
}
