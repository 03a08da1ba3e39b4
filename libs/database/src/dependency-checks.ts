import Redis from 'ioredis';
import { Client } from 'pg';
import { AppConfig, pgClientConfig } from '@app/config';
import { describeDatabase, explainConnectionError } from './database-admin';
import { MIGRATIONS } from './migrations';

/** A start-up failure whose message is the one line to print. */
export class StartupError extends Error {}

/**
 * Before an app starts: PostgreSQL reachable with every migration applied, and Redis answering. Each
 * failure is one line that names the address and what to do, instead of a stack trace minutes later.
 */
export async function checkDependencies(config: AppConfig, opts: { redis?: boolean } = { redis: true }): Promise<void> {
  await checkPostgres(config);
  if (opts.redis !== false) await checkRedis(config);
}

async function checkPostgres(config: AppConfig): Promise<void> {
  const client = new Client({ ...pgClientConfig(config), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    throw new StartupError(explainConnectionError(err, config));
  }
  try {
    // eslint-disable-next-line no-restricted-syntax -- raw pg client (before the DataSource starts), typed by pg
    const applied = await client
      .query<{ name: string }>('SELECT name FROM schema_migration')
      .then((r) => new Set(r.rows.map((row) => row.name)))
      .catch(() => new Set<string>());
    const pending = MIGRATIONS.map((m) => m.name).filter((name) => !applied.has(name));
    if (pending.length) {
      throw new StartupError(
        `${describeDatabase(config)} has ${pending.length} pending migration(s) (${pending.join(', ')}): ` +
          `run "npm run migration:run".`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(config: AppConfig): Promise<void> {
  const redis = new Redis({
    host: config.REDIS_HOST,
    port: config.REDIS_PORT,
    password: config.REDIS_PASSWORD,
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new StartupError(
      `Redis at ${config.REDIS_HOST}:${config.REDIS_PORT} is not reachable (${(err as Error).message}): start ` +
        `redis-server or set REDIS_HOST/REDIS_PORT.`,
    );
  } finally {
    redis.disconnect();
  }
}
