import { OnQueueStalled, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { IMPORT_JOB, IMPORTS_QUEUE, ImportJobData } from '@app/jobs';
import { ImportsService } from '@app/imports';

/** The `imports` queue: one job per run, processed by the import service (safe to run twice). */
@Processor(IMPORTS_QUEUE)
export class ImportsProcessor {
  private readonly logger = new Logger('ImportsProcessor');

  constructor(private readonly imports: ImportsService) {}

  @Process(IMPORT_JOB)
  async import(job: Job<ImportJobData>): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const state = await this.imports.process(job.data.runId, { lastAttempt });
    this.logger.log(`Import run ${job.data.runId}: ${state ?? 'already finished'}`);
  }

  @OnQueueStalled()
  stalled(job: Job<ImportJobData>): void {
    // Bull runs it again; the run's state and the import lock make that harmless.
    this.logger.warn(`Import job ${job.id} stalled (run ${job.data.runId}); Bull will run it again`);
  }
}
