/**
 * vitest global set-up of the `pooled` project: the throwaway TLS cluster with PgBouncer in
 * transaction mode in front of it. Computers (the app's pool, the test helpers acting as the
 * application role) connect through PgBouncer; the administrator connects straight, as set-up does.
 */
import type { TestProject } from 'vitest/node';
import { removeTestCluster, startTestCluster } from './pg-cluster';
import { startPgBouncer } from './pgbouncer';

/** Few server connections per database, so the suites also show that computers share them. */
export const TEST_POOLER_LIMITS = { maxDbConnections: 4, serverIdleSeconds: 5 };

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  const pooler = await startPgBouncer(cluster, TEST_POOLER_LIMITS).catch((error: unknown) => {
    removeTestCluster(cluster);
    throw error;
  });
  const { stop: _stop, start: _start, ...info } = cluster;
  project.provide('pgCluster', { ...info, app: { host: pooler.host, port: pooler.port, pooled: true } });
  return async () => {
    await pooler.stop();
    removeTestCluster(cluster);
  };
}
