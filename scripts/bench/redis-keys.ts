import Redis from 'ioredis';

/**
 * Deletes a bench's Redis keys (`<prefix>:*`). Imports nothing of the product, so import-run.ts can use it
 * without loading this checkout's code beside the build it measures.
 */
export async function clearRedisKeys(
  config: { REDIS_HOST: string; REDIS_PORT: number; REDIS_PASSWORD?: string },
  prefix: string,
): Promise<void> {
  const redis = new Redis({ host: config.REDIS_HOST, port: config.REDIS_PORT, password: config.REDIS_PASSWORD });
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
