import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';

export interface Counter {
  count: number;
  /** Milliseconds until the counter resets. */
  resetMs: number;
}

/** Once a counter reaches `at`, it lives `forMs` from then on (a lock-out), whatever its window was. */
export interface LockRule {
  at: number;
  forMs: number;
}

// INCR and set the window on the first hit, atomically; stretch the TTL to the lock-out at the threshold.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if tonumber(ARGV[2]) > 0 and n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {n, redis.call('PTTL', KEYS[1])}`;

const PEEK = `return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}`;

type RedisWithScripts = Redis & {
  hit(key: string, windowMs: number, lockAt: number, lockMs: number): Promise<[number, number]>;
  peek(key: string): Promise<[number, number]>;
};

/**
 * Fixed-window counters for sign-in limits, in Redis (under REDIS_PREFIX) so every API instance sees the
 * same counts. When Redis does not answer within half a second the counters fall back to this process's
 * memory: sign-in keeps working, limited per instance instead of overall, and a warning is logged.
 */
@Injectable()
export class RateLimitStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStore.name);
  private readonly redis: RedisWithScripts;
  private readonly memory = new Map<string, { count: number; expiresAt: number }>();
  private lastWarning = 0;
  private connected?: Promise<unknown>;

  constructor(config: AppConfig) {
    this.redis = new Redis({
      host: config.REDIS_HOST,
      port: config.REDIS_PORT,
      password: config.REDIS_PASSWORD,
      keyPrefix: `${config.REDIS_PREFIX}:rate:`,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 1000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    }) as RedisWithScripts;
    this.redis.on('error', () => undefined); // reported by the fallback's warning and the health check
    this.redis.defineCommand('hit', { numberOfKeys: 1, lua: HIT });
    this.redis.defineCommand('peek', { numberOfKeys: 1, lua: PEEK });
  }

  hit(key: string, windowMs: number, lock?: LockRule): Promise<Counter> {
    return this.withFallback(
      async () => toCounter(await this.redis.hit(key, windowMs, lock?.at ?? 0, lock?.forMs ?? 0)),
      () => this.memoryHit(key, windowMs, lock),
    );
  }

  peek(key: string): Promise<Counter> {
    return this.withFallback(
      async () => toCounter(await this.redis.peek(key)),
      () => this.memoryPeek(key),
    );
  }

  async clear(key: string): Promise<void> {
    this.memory.delete(key);
    await this.withFallback(
      async () => void (await this.redis.del(key)),
      () => undefined,
    );
  }

  /** Connects at start-up, so the first sign-in finds Redis ready (a failure only means the fallback). */
  onModuleInit(): void {
    void this.connect();
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private async withFallback<T>(inRedis: () => Promise<T>, inMemory: () => T): Promise<T> {
    // Until the first connection attempt settles, commands would fail at once: wait for it (once).
    await this.connect();
    try {
      return await inRedis();
    } catch (err) {
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(
          `Redis unavailable for sign-in limits (${(err as Error).message}): counting in this process only`,
        );
      }
      return inMemory();
    }
  }

  private connect(): Promise<unknown> {
    this.connected ??= this.redis.connect().catch(() => undefined);
    return this.connected;
  }

  private memoryHit(key: string, windowMs: number, lock?: LockRule): Counter {
    const now = Date.now();
    this.sweep(now);
    const entry = this.memory.get(key) ?? { count: 0, expiresAt: now + windowMs };
    entry.count++;
    if (lock && entry.count === lock.at) entry.expiresAt = now + lock.forMs;
    this.memory.set(key, entry);
    return { count: entry.count, resetMs: entry.expiresAt - now };
  }

  private memoryPeek(key: string): Counter {
    const now = Date.now();
    const entry = this.memory.get(key);
    return entry && entry.expiresAt > now
      ? { count: entry.count, resetMs: entry.expiresAt - now }
      : { count: 0, resetMs: 0 };
  }

  /** Drops expired counters so memory stays bounded during a long outage. */
  private sweep(now: number): void {
    for (const [key, entry] of this.memory) if (entry.expiresAt <= now) this.memory.delete(key);
  }
}

function toCounter([count, pttl]: [number, number]): Counter {
  return { count: Number(count), resetMs: Math.max(0, Number(pttl)) };
}
