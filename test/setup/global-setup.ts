// globalSetup runs outside Jest's module mapper: resolve @app/* through tsconfig paths.
import 'tsconfig-paths/register';
import { createDatabaseIfMissing, runMigrations } from '@app/database';
import {
  adminClient,
  dropDatabase,
  isStaleTestDatabase,
  newTestRunId,
  templateDatabase,
  TEST_DB_PREFIX,
  testConfig,
} from './test-database';

/**
 * Once per `npm test`: drop test databases that aborted runs left behind, then build this run's template
 * database from the migrations (the only source of the schema). Each spec file clones it (test-context.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.JEST_SKIP_DB === '1') return;
  const config = testConfig();
  const client = await adminClient(config).catch((err) => {
    throw new Error(`Tests need PostgreSQL at ${config.DB_HOST}:${config.DB_PORT} (${err.message}): start it first.`);
  });
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${TEST_DB_PREFIX}%`,
    ]);
    for (const { datname } of rows.filter((r) => isStaleTestDatabase(r.datname))) await dropDatabase(client, datname);
  } finally {
    await client.end();
  }
  process.env.POT_TEST_RUN_ID = newTestRunId();
  await createDatabaseIfMissing(config, templateDatabase());
  await runMigrations(config, templateDatabase());
}
