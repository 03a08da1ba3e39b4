import Redis from 'ioredis';
import { Client } from 'pg';
import { AppConfig, loadConfig, pgClientConfig } from '@app/config';

/**
 * Test databases are named `pot_test_<run start, unix seconds>_<random>_…`, so several test runs (two
 * checkouts, CI and a developer) can share one PostgreSQL, and a run can drop only what aborted runs
 * left behind more than an hour ago.
 */
export const TEST_DB_PREFIX = 'pot_test_';
const STALE_AFTER_SECONDS = 3600;

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

export function isStaleTestDatabase(name: string, nowSeconds = Date.now() / 1000): boolean {
  const m = /^pot_test_(\d+)_/.exec(name);
  return m !== null && Number(m[1]) < nowSeconds - STALE_AFTER_SECONDS;
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

/**
 * Deletes every Redis key under the configuration's prefix. Prefixes are reused by spec files that run
 * one after another in the same Jest worker; a context starts with none of its predecessor's keys.
 */
export async function clearRedisPrefix(config: AppConfig): Promise<void> {
  const redis = new Redis({
    host: config.REDIS_HOST,
    port: config.REDIS_PORT,
    password: config.REDIS_PASSWORD,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined); // reported by connect() below
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function dropDatabase(client: Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}
