import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { JobAttempt, JobGaveUpHandlers, JobHandlers, JobRunner } from '../job-queues';
import { JOB_CONCURRENCY, JOB_QUEUE, JobName } from '../jobs.constants';
import { withTimeout } from '../with-timeout';
import { BullJobQueues } from './bull-job-queues';

const STALLED_TOO_OFTEN = 'job stalled more than allowable limit'; // bull/lib/queue.js

/**
 * A job is over when its attempts are spent, or when its lock expired once more than Bull allows (a worker
 * killed twice while running it): Bull then fails it at once, whatever attempts are left.
 */
function failedForGood(job: Job, err: Error): boolean {
  return job.attemptsMade >= (job.opts.attempts ?? 1) || err.message === STALLED_TOO_OFTEN;
}

/** Runs the worker's handlers on the Bull queues and logs what goes wrong. */
@Injectable()
export class BullJobRunner extends JobRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private started = false;

  constructor(private readonly queues: BullJobQueues) {
    super();
  }

  start(handlers: JobHandlers, concurrency: number, gaveUp: JobGaveUpHandlers = {}): void {
    if (this.started) throw new Error('The job runner is already started');
    this.started = true;
    type Handler = (payload: unknown, attempt: JobAttempt) => Promise<unknown>;
    for (const [name, handler] of Object.entries(handlers) as [JobName, Handler][]) {
      // process() resolves when the queue closes and rejects when it could not start (also emitted as 'error',
      // logged below); left unhandled, a worker stopped right after starting would crash the process.
      this.queues
        .queue(JOB_QUEUE[name])
        .process(name, JOB_CONCURRENCY[name] ?? concurrency, (job: Job) =>
          handler(job.data, { lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) }),
        )
        .catch(() => undefined);
    }
    for (const queue of this.queues.all()) {
      queue.on('failed', (job: Job | null, err: Error) => {
        if (!job) return; // removed meanwhile
        const final = failedForGood(job, err);
        this.logger[final ? 'error' : 'warn'](
          { err, queue: queue.name, job: job.name, jobId: job.id, attempt: job.attemptsMade },
          `Job ${job.name} ${job.id} failed` +
            `${final ? ' for good (kept in the failed list)' : '; it will be retried'}: ${err.message}`,
        );
        const giveUp = gaveUp[job.name as JobName] as ((p: unknown, error: Error) => Promise<unknown>) | undefined;
        if (final && giveUp) {
          giveUp(job.data, err).catch((e: Error) =>
            this.logger.error({ err: e, jobId: job.id }, `Job ${job.name} ${job.id}: giving up failed: ${e.message}`),
          );
        }
      });
      // A stalled job (its lock expired: a blocked event loop or a killed worker) runs again: handlers are idempotent.
      queue.on('stalled', (job: Job) =>
        this.logger.warn(
          { queue: queue.name, job: job.name, jobId: job.id },
          `Job ${job.name} ${job.id} stalled and will run again`,
        ),
      );
      queue.on('error', (err: Error) =>
        this.logger.warn({ err, queue: queue.name }, `Queue ${queue.name}: ${err.message}`),
      );
    }
  }

  /** Bull's close() pauses the worker and waits for the active jobs to finish. */
  async stop(): Promise<void> {
    await Promise.all(
      this.queues.all().map(async (q) => {
        await this.startupSettled(q);
        await q.close();
      }),
    );
  }

  /**
   * process() sends CLIENT SETNAME on the blocking connection without awaiting it (bull/lib/worker.js):
   * closing before it is answered leaves an unhandled rejection. Commands on one connection are answered
   * in order, so a PING answered means SETNAME was too.
   */
  private async startupSettled(q: Queue): Promise<void> {
    if (q.client.status !== 'ready') return;
    const blocking = (q as Queue & { bclient: Queue['client'] }).bclient;
    await withTimeout(blocking.ping(), 2000, 'Redis did not answer').catch(() => undefined);
  }

  /** Before the database pool closes (onApplicationShutdown), so running jobs can still finish their work. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.started) await this.stop();
  }
}
