/**
 * vitest global set-up: one throwaway TLS PostgreSQL cluster for the whole run. Test files each
 * make their own database and application role in it (see test-server.ts), so they never meet.
 */
import type { TestProject } from 'vitest/node';
import { removeTestCluster, startTestCluster, type TestClusterInfo } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgCluster: TestClusterInfo;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  const { stop: _stop, start: _start, ...info } = cluster;
  project.provide('pgCluster', info);
  return () => removeTestCluster(cluster);
}
