import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { JobQueues, JobRunner, OutboxRelay, wantedSchedules } from '@app/jobs';
import { collectHandlers, JOB_PROCESSORS, JobProcessor } from './processors/job-processor';

const SCHEDULE_CHECK_MS = 60_000;

/**
 * At start: schedules made exactly the configured ones, handlers bound to the queues, the outbox relay
 * polling. At shutdown: the relay finishes its batch; then (BullJobRunner) running jobs finish.
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Worker');

  constructor(
    @Inject(JOB_PROCESSORS) private readonly processors: JobProcessor[],
    private readonly queues: JobQueues,
    private readonly runner: JobRunner,
    private readonly relay: OutboxRelay,
    private readonly config: AppConfig,
  ) {}

  private scheduleCheck?: NodeJS.Timeout;

  async onApplicationBootstrap(): Promise<void> {
    const handlers = collectHandlers(this.processors);
    await this.checkSchedules();
    this.runner.start(handlers, this.config.WORKER_CONCURRENCY);
    this.relay.start();
    // The schedules live in Redis: one that restarted without its data (or was flushed) has none, and
    // nothing else would add them back until the worker restarts. Idempotent, so every minute.
    this.scheduleCheck = setInterval(() => {
      this.checkSchedules().catch((err) => this.logger.warn(`Schedules not checked: ${(err as Error).message}`));
    }, SCHEDULE_CHECK_MS);
    this.scheduleCheck.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.scheduleCheck);
    await this.relay.stop();
  }

  /** Adds back any schedule Redis lost (and removes ones no longer configured). */
  async checkSchedules(): Promise<void> {
    if (!this.queues.isConnected() && this.scheduleCheck) return;
    const { added, removed } = await this.queues.syncSchedules(wantedSchedules(this.config));
    if (added || removed) this.logger.log(`Schedules: ${added} added, ${removed} removed`);
  }
}
