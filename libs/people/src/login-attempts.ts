import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { TooManyRequestsError } from '@app/domain';
import { AppConfig } from '@app/config';
import { RateLimitStore } from './rate-limit.store';

/**
 * Per-account limit on password guesses, keyed by the e-mail address as typed (normalised), whether an
 * account exists or not, so locked and unknown addresses answer alike. Each attempt counts when it starts
 * and the count is cleared on success: concurrent guesses cannot slip past the limit together.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly store: RateLimitStore,
    private readonly config: AppConfig,
  ) {}

  /** Counts an attempt; throws 429 once the account has had LOGIN_MAX_FAILURES unsuccessful ones. */
  async begin(email: string): Promise<void> {
    const lockMs = this.config.LOGIN_LOCK_SECONDS * 1000;
    const { count, resetMs } = await this.store.hit(key(email), lockMs, {
      at: this.config.LOGIN_MAX_FAILURES,
      forMs: lockMs,
    });
    if (count > this.config.LOGIN_MAX_FAILURES) {
      const minutes = Math.max(1, Math.ceil(resetMs / 60_000));
      throw new TooManyRequestsError(
        `Too many unsuccessful sign-ins for this account: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, ` +
          `or ask an admin to reset the password`,
        Math.ceil(resetMs / 1000),
      );
    }
  }

  /** After a successful sign-in, or an admin's password reset. */
  succeeded(email: string): Promise<void> {
    return this.store.clear(key(email));
  }
}

// Hashed so Redis never holds the addresses themselves.
function key(email: string): string {
  return `login:${createHash('sha256').update(email).digest('hex')}`;
}
