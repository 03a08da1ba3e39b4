import { BullRootModuleOptions } from '@nestjs/bull';
import { AppConfig } from '@app/config';
import { DEFAULT_JOB_OPTIONS } from './jobs.constants';

/**
 * How long a running job's lock lasts (renewed at half of it while the worker lives): Bull's default, so
 * a worker whose event loop is busy for a few seconds never loses its job to another.
 */
export const JOB_LOCK_MS = 30_000;
/**
 * How often each worker looks for jobs whose lock expired (a worker killed, or cut off from Redis) and
 * runs them again. A job is taken back at the first look after its lock expired, if an earlier look saw
 * it running. With Bull's default (30 s) a killed worker's job ran again 47–56 s after the kill (npm run
 * bench:recovery); every 5 s, its lock (renewed every 15 s) expires 15–30 s after the kill and the next
 * look, at most 5 s later, takes it back.
 */
export const STALLED_CHECK_MS = 5_000;

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
    settings: { lockDuration: JOB_LOCK_MS, stalledInterval: STALLED_CHECK_MS },
  };
}
