import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { JobQueues, JobRunner, OutboxRelay } from '@app/jobs';
import { collectHandlers, JOB_PROCESSORS, JobProcessor } from './processors/job-processor';
import { wantedSchedules } from './schedules';

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

  async onApplicationBootstrap(): Promise<void> {
    const handlers = collectHandlers(this.processors);
    const { added, removed } = await this.queues.syncSchedules(wantedSchedules(this.config));
    if (added || removed) this.logger.log(`Schedules: ${added} added, ${removed} removed`);
    this.runner.start(handlers, this.config.WORKER_CONCURRENCY);
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}
