import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig, ConfigError } from '@app/config';

let processSecret: string | undefined;

/**
 * JWT_SECRET, required in production. In development and test a random secret is made once per process
 * instead: tokens then die when the process restarts, and several instances would reject each other's.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid configuration: JWT_SECRET is required when NODE_ENV=production (at least 32 characters, e.g. the ' +
        'output of: openssl rand -base64 48). Fix the environment variable(s) and start again.',
    );
  }
  if (!processSecret) {
    processSecret = randomBytes(48).toString('base64');
    if (config.NODE_ENV === 'development') {
      new Logger('Auth').warn(
        'JWT_SECRET is not set: using a random one for this process; tokens stop working when it restarts',
      );
    }
  }
  return processSecret;
}
