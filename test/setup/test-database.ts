import { Client } from 'pg';
import { AppConfig, loadConfig } from '@app/config';

/** Test databases are named after this prefix so a run can clear what an aborted run left behind. */
export const TEST_DB_PREFIX = 'pot_test_';
export const TEMPLATE_DB = `${TEST_DB_PREFIX}template`;

/** The configuration the tests run with: the machine's PostgreSQL and Redis, their own names in both. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return Object.assign(loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }), overrides);
}

export async function adminClient(config: AppConfig = testConfig()): Promise<Client> {
  const client = new Client({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD || undefined, database: 'postgres' });
  await client.connect();
  return client;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function dropDatabase(client: Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}
