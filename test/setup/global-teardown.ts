// globalSetup runs outside Jest's module mapper: resolve @app/* through tsconfig paths.
import 'tsconfig-paths/register';
import type { Client } from 'pg';
import { adminClient, dropDatabase, RUN_KEEPER, TEST_DB_PREFIX, testRunId } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (process.env.JEST_SKIP_DB === '1') return;
  const client = await adminClient();
  try {
    // This run's databases: spec files drop their own, but a crashed one may not have.
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${TEST_DB_PREFIX}${testRunId()}_%`,
    ]);
    for (const { datname } of rows) await dropDatabase(client, datname);
  } finally {
    await client.end();
    // The run is over: its databases are gone, and nothing of it needs keeping any more.
    await ((globalThis as Record<symbol, unknown>)[RUN_KEEPER] as Client | undefined)?.end();
  }
}
