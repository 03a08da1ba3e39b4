import { Client } from 'pg';
import { AppConfig, loadConfig, pgClientConfig } from '@app/config';

/**
 * Test databases are named `pot_test_<run start, unix seconds>_<random>_…`, so several test runs (two
 * checkouts, CI and a developer) can share one PostgreSQL, and a run can drop only what aborted runs
 * left behind: databases more than an hour old whose run has ended. A run is going on while the
 * connection it opens first (named after it: `runKeeperName`) is open, however long the run lasts.
 */
export const TEST_DB_PREFIX = 'pot_test_';
const STALE_AFTER_SECONDS = 3600;

/** Where globalSetup leaves the run's keeper connection for globalTeardown. */
export const RUN_KEEPER = Symbol.for('pot.testRunKeeper');

/** The application_name of the connection a run keeps open from its global setup to its teardown. */
export const runKeeperName = (runId: string) => `pot_test_run_${runId}`;

/** Set by globalSetup in the parent process; Jest's workers inherit it. */
export function testRunId(): string {
  const id = process.env.POT_TEST_RUN_ID;
  if (!id) throw new Error('POT_TEST_RUN_ID is not set: run the tests through jest (globalSetup sets it)');
  return id;
}

export function newTestRunId(): string {
  return `${Math.floor(Date.now() / 1000)}_${Math.random().toString(36).slice(2, 6)}`;
}

export const templateDatabase = (runId = testRunId()) => `${TEST_DB_PREFIX}${runId}_tpl`;

/** Left behind: more than an hour old, and of a run with no keeper connection (`liveRuns`: their ids). */
export function isStaleTestDatabase(
  name: string,
  liveRuns: ReadonlySet<string>,
  nowSeconds = Date.now() / 1000,
): boolean {
  const m = /^pot_test_((\d+)_[a-z0-9]+)_/.exec(name);
  return m !== null && Number(m[2]) < nowSeconds - STALE_AFTER_SECONDS && !liveRuns.has(m[1]);
}

/** The ids of the runs whose keeper connection is open. */
export async function liveTestRuns(client: Client): Promise<Set<string>> {
  const prefix = runKeeperName('');
  const { rows } = await client.query<{ name: string }>(
    `SELECT application_name AS name FROM pg_stat_activity WHERE starts_with(application_name, $1)`,
    [prefix],
  );
  return new Set(rows.map((r) => r.name.slice(prefix.length)));
}

/**
 * Opens the run's keeper connection, to be ended by the global teardown (a run killed outright drops
 * it with its process). An error on it later (PostgreSQL restarted) only ends the keeping.
 */
export async function openRunKeeper(runId: string, config: AppConfig = testConfig()): Promise<Client> {
  const keeper = new Client({ ...pgClientConfig(config, 'postgres'), application_name: runKeeperName(runId) });
  keeper.on('error', () => undefined);
  await keeper.connect();
  return keeper;
}

/** The configuration the tests run with: the machine's PostgreSQL and Redis, their own names in both. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return Object.assign(
    loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    overrides,
  );
}

export async function adminClient(config: AppConfig = testConfig()): Promise<Client> {
  const client = new Client(pgClientConfig(config, 'postgres'));
  await client.connect();
  return client;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function dropDatabase(client: Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}
