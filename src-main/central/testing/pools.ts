/** Computers' pools as the app opens them, and the server connections they cost, read as the administrator. */
import { type CentralServer, openCentralServer, type PoolOptions } from '../central-server';
import { adminQuery, type TestServer } from './test-server';

export interface Login {
  user: string;
  password: string;
}

/** Opens computers' pools on one test server and closes them together. */
export function computerPools(server: () => TestServer) {
  const opened: CentralServer[] = [];
  return {
    /** A computer's pool for `login` (the shared application role by default). */
    open(login?: Login, options?: PoolOptions): CentralServer {
      const { connection, cluster, appRole, appPassword } = server();
      const { user, password } = login ?? { user: appRole, password: appPassword };
      const central = openCentralServer(
        { host: connection.host, port: connection.port, database: connection.database, user },
        { password, ca: cluster.ca },
        options,
      );
      opened.push(central);
      return central;
    },
    async closeAll(): Promise<void> {
      for (const central of opened.splice(0)) await central.close();
    },
  };
}

/** Server connections (backends) open in the test database: of `user`, or of everyone but the administrator. */
export async function serverConnections(server: TestServer, user?: string): Promise<number> {
  const { rows } = await adminQuery<{ n: string }>(
    server,
    `SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND usename = coalesce($1, usename)
        AND usename <> current_user`,
    [user ?? null],
  );
  return Number(rows[0]?.n);
}
