import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgresServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway server's superuser URL, or why there is none. */
    postgres: { adminUrl: string } | { unavailable: string };
  }
}

/**
 * Starts one throwaway PostgreSQL for the end-to-end project (each test then makes its own database in it). Without
 * PostgreSQL its tests report themselves skipped and why, unless WATCHALONG_REQUIRE_POSTGRES=1 (CI), which fails here.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgresServer();
  if ('unavailable' in server) {
    if (process.env['WATCHALONG_REQUIRE_POSTGRES'] === '1') throw new Error(`WATCHALONG_REQUIRE_POSTGRES=1, but ${server.unavailable}`);
    project.provide('postgres', { unavailable: server.unavailable });
    return () => undefined;
  }
  project.provide('postgres', { adminUrl: server.adminUrl });
  return () => server.stop();
}
