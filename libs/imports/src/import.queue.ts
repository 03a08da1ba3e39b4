import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { IMPORT_JOB, IMPORT_JOB_OPTIONS, importJobId, IMPORTS_QUEUE, ImportJobData } from '@app/jobs';

/**
 * How a run reaches the worker: our own small interface, so the queue library (Bull today) or an outbox
 * can replace it in one place. `enqueue` is called only after the run row is committed, and is safe to
 * call again for the same run (one job per run id).
 */
export abstract class ImportQueue {
  abstract enqueue(runId: number): Promise<void>;
}

/** Redis may be down: never wait for it longer than this (the worker's sweep picks the run up later). */
const ENQUEUE_TIMEOUT_MS = 2000;

@Injectable()
export class BullImportQueue extends ImportQueue {
  private readonly logger = new Logger('ImportQueue');

  constructor(@InjectQueue(IMPORTS_QUEUE) private readonly queue: Queue<ImportJobData>) {
    super();
  }

  async enqueue(runId: number): Promise<void> {
    const work = this.add(runId);
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), ENQUEUE_TIMEOUT_MS).unref(),
    );
    const outcome = await Promise.race([work.then(() => 'added' as const), timeout]).catch((err: Error) => err);
    if (outcome !== 'added') {
      work.catch(() => undefined);
      const why = outcome === 'timeout' ? `Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms` : outcome.message;
      this.logger.warn(`Import run ${runId} stays queued (${why}); the worker's sweep will pick it up`);
    }
  }

  /** A kept failed job with the same id would silently block the new one (bull #1828): remove it first. */
  private async add(runId: number): Promise<void> {
    const jobId = importJobId(runId);
    const existing = await this.queue.getJob(jobId);
    if (existing && (await existing.isFailed())) await existing.remove();
    await this.queue.add(IMPORT_JOB, { runId }, { ...IMPORT_JOB_OPTIONS, jobId });
  }
}
