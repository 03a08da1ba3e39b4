import { Test, TestingModule } from '@nestjs/testing';
import Redis from 'ioredis';
import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import { BullJobQueues, OutboxRelay, QueueName } from '@app/jobs';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { FollowUpsProcessor } from '../../apps/worker/src/processors/follow-ups.processor';
import { RemindersProcessor } from '../../apps/worker/src/processors/reminders.processor';
import { SchedulesProcessor } from '../../apps/worker/src/processors/schedules.processor';

/**
 * The real worker (WorkerModule) on a test's database and Redis prefix, built like TestContext builds
 * the API: the same AppConfig override, plus worker-specific settings. `OUTBOX_POLL_MS: 0` turns the
 * relay's polling off so a test moves outbox rows itself with `worker.relay.drain()`.
 */
export class WorkerContext {
  private constructor(
    readonly moduleRef: TestingModule,
    readonly config: AppConfig,
  ) {}

  static async start(base: AppConfig, overrides: Partial<AppConfig> = {}): Promise<WorkerContext> {
    const config = Object.assign(new AppConfig(), base, { OUTBOX_POLL_MS: 20 }, overrides);
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).overrideProvider(AppConfig).useValue(config).compile();
    if (!process.env.TEST_LOG_LEVEL) moduleRef.useLogger(false);
    await moduleRef.init();
    return new WorkerContext(moduleRef, config);
  }

  get clock(): Clock {
    return this.moduleRef.get(Clock);
  }
  get relay(): OutboxRelay {
    return this.moduleRef.get(OutboxRelay, { strict: false });
  }
  get queues(): BullJobQueues {
    return this.moduleRef.get(BullJobQueues, { strict: false });
  }
  get followUps(): FollowUpsProcessor {
    return this.moduleRef.get(FollowUpsProcessor);
  }
  get reminders(): RemindersProcessor {
    return this.moduleRef.get(RemindersProcessor);
  }
  get schedules(): SchedulesProcessor {
    return this.moduleRef.get(SchedulesProcessor);
  }

  /** Waits for the queues to have nothing waiting or running (delayed jobs are left alone). */
  async idle(queues: QueueName[] = [QueueName.FollowUps, QueueName.Reminders, QueueName.Schedules]): Promise<void> {
    await waitFor(async () => {
      for (const name of queues) {
        const c = await this.queues.queue(name).getJobCounts();
        if (c.waiting || c.active) return false;
      }
      return true;
    }, 'queues to be idle');
  }

  /** Relays the outbox and waits for the jobs, until both are empty (a job may write new outbox rows). */
  async settle(): Promise<void> {
    for (let round = 0; round < 10; round++) {
      const moved = await this.relay.drain();
      await this.idle();
      if (!moved) return;
    }
    throw new Error('The outbox kept refilling');
  }

  async close(): Promise<void> {
    await this.moduleRef.close();
  }
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs` (a wait, never an assertion on time). */
export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Deletes every Redis key of a test's prefix (queues, schedules), so runs leave nothing behind. */
export async function clearRedisPrefix(config: AppConfig): Promise<void> {
  const redis = new Redis({ host: config.REDIS_HOST, port: config.REDIS_PORT, password: config.REDIS_PASSWORD, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
