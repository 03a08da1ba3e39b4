import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@app/config';

export interface LimiterOptions {
  /** Names the counters, under REDIS_PREFIX. */
  keyPrefix: string;
  /** Allowed per window; the next one is refused. */
  points: number;
  windowSeconds: number;
  /** Once refused, refused for this long from the first refusal (0: until the window ends). */
  blockSeconds?: number;
}

/**
 * Counts a point for `key`: the count, and whether this point was refused. rate-limiter-flexible rejects
 * a refused point with its count, which for our callers is an answer, not an error (any other rejection,
 * e.g. a store failure with no insurance, still is).
 */
export async function countPoint(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<{ counted: RateLimiterRes; refused: boolean }> {
  try {
    return { counted: await limiter.consume(key), refused: false };
  } catch (refusal: unknown) {
    if (refusal instanceof RateLimiterRes) return { counted: refusal, refused: true };
    throw refusal;
  }
}

/**
 * Sign-in limits on rate-limiter-flexible: counters in Redis (under REDIS_PREFIX) so every API instance sees
 * the same counts. When Redis does not answer within half a second each limiter's insurance, the same limit
 * in this process's memory, counts instead: sign-in keeps working, limited per instance instead of overall,
 * and a warning is logged (at most once a minute).
 */
@Injectable()
export class RateLimiters implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimiters.name);
  private readonly redis: Redis;
  private lastWarning = 0;

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
    });
    this.redis.on('error', () => undefined); // reported by the fallback's warning and the health check
  }

  create({ keyPrefix, points, windowSeconds, blockSeconds = 0 }: LimiterOptions): RateLimiterRedis {
    const limit = { keyPrefix, points, duration: windowSeconds, blockDuration: blockSeconds };
    return new InsuredRedisLimiter(this.redis, new WarningMemoryLimiter(limit, () => this.warn()), limit);
  }

  /**
   * Waits for the first connection attempt (at most connectTimeout), so the first sign-ins count in Redis
   * rather than in the fallback; a failure only means the fallback until ioredis reconnects.
   */
  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private warn(): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`Redis unavailable for sign-in limits (${this.redis.status}): counting in this process only`);
  }
}

/** Deleting a count deletes it in memory too, so a count kept there in one outage does not return in the next. */
class InsuredRedisLimiter extends RateLimiterRedis {
  constructor(
    redis: Redis,
    private readonly memory: RateLimiterMemory,
    limit: ConstructorParameters<typeof RateLimiterMemory>[0],
  ) {
    super({ ...limit, storeClient: redis, insuranceLimiter: memory });
  }

  override async delete(...args: Parameters<RateLimiterRedis['delete']>) {
    const [inRedis] = await Promise.all([super.delete(...args), this.memory.delete(...args)]);
    return inRedis;
  }
}

/** The insurance: rate-limiter-flexible calls it only when Redis failed, which is when to warn. */
class WarningMemoryLimiter extends RateLimiterMemory {
  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>) {
    this.onUse();
    return super.consume(...args);
  }

  override get(...args: Parameters<RateLimiterMemory['get']>) {
    this.onUse();
    return super.get(...args);
  }

  override block(...args: Parameters<RateLimiterMemory['block']>) {
    this.onUse();
    return super.block(...args);
  }
}
