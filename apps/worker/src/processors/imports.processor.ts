import { Injectable, Logger } from '@nestjs/common';
import { ImportsService } from '@app/imports';
import { ImportPayload, JobAttempt, JobGaveUpHandlers, JobHandlers, JobName, QueueName } from '@app/jobs';
import { JobProcessor } from './job-processor';

/** One job per import run, relayed from the outbox row written with the run (safe to run twice). */
@Injectable()
export class ImportsProcessor implements JobProcessor {
  readonly queue = QueueName.Imports;
  private readonly logger = new Logger('ImportsProcessor');

  constructor(private readonly imports: ImportsService) {}

  /** A database outage is thrown for the queue to retry, except on the last attempt: then the run is failed. */
  async import(p: ImportPayload, attempt: JobAttempt = { lastAttempt: true }): Promise<void> {
    const state = await this.imports.process(p.runId, attempt);
    this.logger.log(`Import run ${p.runId}: ${state ?? 'already finished'}`);
  }

  handlers(): Partial<JobHandlers> {
    return { [JobName.Import]: (p, attempt) => this.import(p, attempt) };
  }

  /** Bull gave up (a worker lost mid-run once too often): the run is failed rather than left running. */
  gaveUp(): JobGaveUpHandlers {
    return { [JobName.Import]: (p, err) => this.imports.giveUp(p.runId, err) };
  }
}
