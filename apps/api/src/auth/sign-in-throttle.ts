import { ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '@app/config';
import { countPoint, PeopleModule, RateLimiters } from '@app/people';

export const SIGN_IN_THROTTLER = 'sign-in';

/**
 * @nestjs/throttler's storage on our RateLimiters: counts in Redis, shared by every API instance (the
 * library's default keeps them in one process's memory). Fixed window; past the limit, blocked for
 * `blockDuration` from the first refusal.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  // One per throttler: a limiter's limit and window are fixed when it is made.
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(private readonly rateLimiters: RateLimiters) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const { counted } = await countPoint(this.limiter(throttlerName, ttl, limit, blockDuration), key);
    const isBlocked = counted.consumedPoints > limit;
    return {
      totalHits: counted.consumedPoints,
      timeToExpire: seconds(counted.msBeforeNext),
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds(counted.msBeforeNext) : 0,
    };
  }

  private limiter(name: string, ttl: number, limit: number, blockDuration: number): RateLimiterRedis {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = this.rateLimiters.create({
        keyPrefix: `throttle:${name}`,
        points: limit,
        windowSeconds: ttl / 1000,
        blockSeconds: blockDuration / 1000,
      });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Per IP address: LOGIN_IP_LIMIT_PER_MINUTE sign-in (and refresh) requests a minute, then a minute's wait. */
export const SignInThrottleModule = ThrottlerModule.forRootAsync({
  imports: [PeopleModule],
  inject: [AppConfig, RateLimiters],
  useFactory: (config: AppConfig, limiters: RateLimiters) => ({
    throttlers: [{ name: SIGN_IN_THROTTLER, ttl: 60_000, limit: config.LOGIN_IP_LIMIT_PER_MINUTE }],
    storage: new SharedThrottlerStorage(limiters),
    errorMessage: 'Too many sign-in attempts from your address: wait a minute and try again',
  }),
});
