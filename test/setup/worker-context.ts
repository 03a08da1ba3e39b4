import { INestApplicationContext } from '@nestjs/common';
import { Test, TestingModule, TestingModuleBuilder } from '@nestjs/testing';
import { Clock } from '@app/domain';
import { AppConfig } from '@app/config';
import { BullJobQueues, OutboxRelay, QUEUE_NAMES, QueueName } from '@app/jobs';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { FollowUpsProcessor } from '../../apps/worker/src/processors/follow-ups.processor';
import { RemindersProcessor } from '../../apps/worker/src/processors/reminders.processor';
import { SchedulesProcessor } from '../../apps/worker/src/processors/schedules.processor';
import { WorkerRuntime } from '../../apps/worker/src/worker-runtime';
import { waitFor } from './wait-for';

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
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
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
  get runtime(): WorkerRuntime {
    return this.moduleRef.get(WorkerRuntime);
  }
  get schedules(): SchedulesProcessor {
    return this.moduleRef.get(SchedulesProcessor);
  }

  /** Waits for the queues to have nothing waiting or running (delayed jobs are left alone). */
  async idle(queues: readonly QueueName[] = QUEUE_NAMES): Promise<void> {
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

/**
 * The real worker in this process, built with the caller's overrides (e.g. a failing import queue):
 * pass the TestContext's config, so the API of the test adds jobs that this worker runs.
 */
export async function startWorker(
  config: AppConfig,
  customise?: (builder: TestingModuleBuilder) => TestingModuleBuilder,
): Promise<INestApplicationContext> {
  let builder = Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(AppConfig)
    .useValue(config);
  if (customise) builder = customise(builder);
  const moduleRef = await builder.compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}
