import { BullRootModuleOptions } from '@nestjs/bull';
import { AppConfig } from '@app/config';
import { DEFAULT_JOB_OPTIONS } from './jobs.constants';

/**
 * Bull's Redis connection, shared by producers and the worker. The key prefix keeps the tests, a demo
 * and production apart on one Redis. Redis for queues must run with `maxmemory-policy noeviction`.
 */
export function bullRootOptions(config: AppConfig): BullRootModuleOptions {
  return {
    prefix: config.REDIS_PREFIX,
    redis: {
      host: config.REDIS_HOST,
      port: config.REDIS_PORT,
      password: config.REDIS_PASSWORD,
      // Bull's own advice for its subscriber/blocking clients; commands then wait for Redis to return.
      maxRetriesPerRequest: null,
      enableReadyCheck: false,
    },
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  };
}
