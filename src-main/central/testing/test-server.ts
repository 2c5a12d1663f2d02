/** Test databases in the cluster vitest's global set-up started for this run (see global-setup.ts). */
import { inject } from 'vitest';
import type { TestClusterInfo } from './pg-cluster';
import { createServerDatabase, type ServerDatabaseOptions, type TestServer } from './server-database';

export { adminConfig, adminQuery, type TestServer } from './server-database';

export const clusterInfo = (): TestClusterInfo => inject('pgCluster');

export const createTestServer = (
  cluster: TestClusterInfo = clusterInfo(),
  options: ServerDatabaseOptions = {},
): Promise<TestServer> => createServerDatabase(cluster, options);
