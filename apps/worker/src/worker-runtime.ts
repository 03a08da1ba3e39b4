import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { JobName, JobQueues, JobRunner, OutboxRelay, wantedSchedules } from '@app/jobs';
import { collectGaveUpHandlers, collectHandlers, JOB_PROCESSORS, JobProcessor } from './processors/job-processor';

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
    this.runner.start(handlers, this.config.WORKER_CONCURRENCY, collectGaveUpHandlers(this.processors));
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

  /**
   * Adds back any schedule Redis lost (and removes ones no longer configured). Schedules missing after
   * start-up mean Redis lost them, perhaps across the 1st of a month: the month-end snapshot (idempotent:
   * nothing when that month is stored) runs once more, so a month is not left without its snapshot. The
   * other schedules need no catching up: the digest and escalation are about today, and the sweep's
   * work is the rule's current state.
   */
  async checkSchedules(): Promise<void> {
    const afterStart = this.scheduleCheck !== undefined;
    if (!this.queues.isConnected() && afterStart) return;
    const { added, removed } = await this.queues.syncSchedules(wantedSchedules(this.config));
    if (added || removed) this.logger.log(`Schedules: ${added} added, ${removed} removed`);
    if (added && afterStart) {
      await this.queues.add(
        JobName.MonthEndSnapshot,
        { reason: 'schedules were lost' },
        { jobId: `month-end-catch-up-${Date.now()}` },
      );
    }
  }
}
