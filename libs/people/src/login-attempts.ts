import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { TooManyRequestsError } from '@app/domain';
import { AppConfig } from '@app/config';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { countPoint, RateLimiters } from './rate-limiters';

/**
 * Per-account limit on password guesses, keyed by the e-mail address as typed (normalised), whether an
 * account exists or not, so locked and unknown addresses answer alike. Each attempt counts when it starts
 * and the count is cleared on success: concurrent guesses cannot slip past the limit together.
 */
@Injectable()
export class LoginAttempts {
  private readonly limiter: RateLimiterRedis;

  constructor(
    limiters: RateLimiters,
    private readonly config: AppConfig,
  ) {
    this.limiter = limiters.create({
      keyPrefix: 'login',
      points: config.LOGIN_MAX_FAILURES,
      windowSeconds: config.LOGIN_LOCK_SECONDS,
    });
  }

  /** Counts an attempt; throws 429 once the account has had LOGIN_MAX_FAILURES unsuccessful ones. */
  async begin(email: string): Promise<void> {
    const { counted, refused } = await countPoint(this.limiter, key(email));
    if (refused) {
      const minutes = Math.max(1, Math.ceil(counted.msBeforeNext / 60_000));
      throw new TooManyRequestsError(
        `Too many unsuccessful sign-ins for this account: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, ` +
          `or ask an admin to reset the password`,
        Math.ceil(counted.msBeforeNext / 1000),
      );
    }
    // The lock-out lasts LOGIN_LOCK_SECONDS from the N-th attempt, not from the first as the window would
    // (nor from the first refused one, as the library's blockDuration would): restart it here. block() sets
    // the count past the limit, so should this attempt fail, the next is refused.
    if (counted.consumedPoints === this.config.LOGIN_MAX_FAILURES)
      await this.limiter.block(key(email), this.config.LOGIN_LOCK_SECONDS);
  }

  /** After a successful sign-in, or an admin's password reset. */
  async succeeded(email: string): Promise<void> {
    await this.limiter.delete(key(email));
  }
}

// Hashed so Redis never holds the addresses themselves.
function key(email: string): string {
  return createHash('sha256').update(email).digest('hex');
}
