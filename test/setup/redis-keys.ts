import Redis from 'ioredis';

/** Where Redis is: the fields of AppConfig, so a configuration can be passed as it is. */
export interface RedisSettings {
  REDIS_HOST: string;
  REDIS_PORT: number;
  REDIS_PASSWORD?: string;
}

/**
 * Deletes every Redis key under `prefix` (`<prefix>:*`), with SCAN, which never blocks Redis for long
 * the way KEYS does on a big keyspace. When Redis is down it rejects at once rather than retrying.
 *
 * Imports nothing of the product, so the benches can use it too, import-run.ts among them, which must
 * not load this checkout's code beside the build it measures.
 */
export async function clearRedisPrefix(settings: RedisSettings, prefix: string): Promise<void> {
  const redis = new Redis({
    host: settings.REDIS_HOST,
    port: settings.REDIS_PORT,
    password: settings.REDIS_PASSWORD,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined); // reported by connect() below
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
