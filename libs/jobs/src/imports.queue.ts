import type { JobOptions } from 'bull';

/**
 * The `imports` queue: one job per import run, processed by the worker. The run row is the source of
 * truth (committed before the job is added, state re-checked by the processor), so the job carries only
 * the run id and may run twice.
 */
export const IMPORTS_QUEUE = 'imports';
export const IMPORT_JOB = 'import';

export interface ImportJobData {
  runId: number;
}

/** One job per run while it is in Redis: adding it again is a no-op. */
export const importJobId = (runId: number) => `import-${runId}`;

export const IMPORT_JOB_OPTIONS: JobOptions = {
  // Only failures of the database or the disk are retried; a bad file is a finished (rejected) run.
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: true,
  removeOnFail: false,
};

/** How often the worker re-queues runs left queued (Redis was down when they were uploaded) or stranded. */
export const IMPORT_SWEEP_INTERVAL_MS = 30_000;
