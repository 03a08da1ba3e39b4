// globalSetup runs outside Jest's module mapper: resolve @app/* through tsconfig paths.
import 'tsconfig-paths/register';
import { ensureWebAppBuilt } from '../../scripts/web-build';
import { createDatabaseIfMissing, runMigrations } from '@app/database';
import {
  adminClient,
  dropDatabase,
  isStaleTestDatabase,
  liveTestRuns,
  newTestRunId,
  openRunKeeper,
  RUN_KEEPER,
  templateDatabase,
  TEST_DB_PREFIX,
  testConfig,
} from './test-database';

/**
 * Once per `npm test`: drop test databases that aborted runs left behind, then build this run's template
 * database from the migrations (the only source of the schema). Each spec file clones it (test-context.ts).
 * The run's keeper connection stays open until the teardown, so that no other run takes this one's
 * databases for left behind, however long it lasts (test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.JEST_SKIP_DB === '1') return;
  const config = testConfig();
  const client = await adminClient(config).catch((err) => {
    throw new Error(`Tests need PostgreSQL at ${config.DB_HOST}:${config.DB_PORT} (${err.message}): start it first.`);
  });
  try {
    const live = await liveTestRuns(client);
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${TEST_DB_PREFIX}%`,
    ]);
    for (const { datname } of rows.filter((r) => isStaleTestDatabase(r.datname, live)))
      await dropDatabase(client, datname);
  } finally {
    await client.end();
  }
  process.env.POT_TEST_RUN_ID = newTestRunId();
  // Jest keeps globalSetup's globals for globalTeardown (and only for it).
  (globalThis as Record<symbol, unknown>)[RUN_KEEPER] = await openRunKeeper(process.env.POT_TEST_RUN_ID, config);
  await createDatabaseIfMissing(config, templateDatabase());
  await runMigrations(config, templateDatabase());
  // Once, before any worker starts: browser specs run side by side, and two builds of apps/web/dist at
  // once (one emptying the folder the other's app serves) failed every page of the first spec.
  ensureWebAppBuilt();
}
