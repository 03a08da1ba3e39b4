import { ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '@app/config';
import { PeopleModule, RateLimitStore } from '@app/people';

export const SIGN_IN_THROTTLER = 'sign-in';

/**
 * @nestjs/throttler's storage on our RateLimitStore: counts in Redis, shared by every API instance (the
 * library's default keeps them in one process's memory). Fixed window; past the limit, blocked for
 * `blockDuration`.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly store: RateLimitStore) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const blockKey = `throttle:${throttlerName}:${key}:blocked`;
    const blocked = await this.store.peek(blockKey);
    if (blocked.count > 0)
      return {
        totalHits: limit + 1,
        timeToExpire: seconds(blocked.resetMs),
        isBlocked: true,
        timeToBlockExpire: seconds(blocked.resetMs),
      };
    const hits = await this.store.hit(`throttle:${throttlerName}:${key}`, ttl);
    if (hits.count > limit) {
      await this.store.hit(blockKey, blockDuration);
      return {
        totalHits: hits.count,
        timeToExpire: seconds(hits.resetMs),
        isBlocked: true,
        timeToBlockExpire: seconds(blockDuration),
      };
    }
    return { totalHits: hits.count, timeToExpire: seconds(hits.resetMs), isBlocked: false, timeToBlockExpire: 0 };
  }
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Per IP address: LOGIN_IP_LIMIT_PER_MINUTE sign-in (and refresh) requests a minute, then a minute's wait. */
export const SignInThrottleModule = ThrottlerModule.forRootAsync({
  imports: [PeopleModule],
  inject: [AppConfig, RateLimitStore],
  useFactory: (config: AppConfig, store: RateLimitStore) => ({
    throttlers: [{ name: SIGN_IN_THROTTLER, ttl: 60_000, limit: config.LOGIN_IP_LIMIT_PER_MINUTE }],
    storage: new SharedThrottlerStorage(store),
    errorMessage: 'Too many sign-in attempts from your address: wait a minute and try again',
  }),
});
