import { JOB_QUEUE, JobGaveUpHandlers, JobHandlers, JobName, QueueName } from '@app/jobs';

/** One processor per queue; each handler a few lines calling a lib service, callable directly by tests. */
export interface JobProcessor {
  readonly queue: QueueName;
  handlers(): Partial<JobHandlers>;
  /** For jobs that keep a state of their own: what to record once the job has failed for good. */
  gaveUp?(): JobGaveUpHandlers;
}

export const JOB_PROCESSORS = Symbol('JOB_PROCESSORS');

/**
 * Every job name handled exactly once, by the processor of the job's queue; anything else stops the
 * worker at start-up rather than leaving a job type nobody runs.
 */
export function collectHandlers(processors: JobProcessor[]): JobHandlers {
  const handlers: Partial<JobHandlers> = {};
  for (const processor of processors) {
    for (const [name, handler] of Object.entries(processor.handlers()) as [JobName, JobHandlers[JobName]][]) {
      if (handlers[name]) throw new Error(`Job ${name} has two handlers`);
      if (JOB_QUEUE[name] !== processor.queue)
        throw new Error(`Job ${name} belongs to queue ${JOB_QUEUE[name]}, not ${processor.queue}`);
      (handlers as Record<JobName, unknown>)[name] = handler;
    }
  }
  const missing = Object.values(JobName).filter((name) => !handlers[name]);
  if (missing.length) throw new Error(`No handler for job(s) ${missing.join(', ')}`);
  return handlers as JobHandlers;
}

/** Every processor's handlers for jobs that failed for good, in one table (a job's own processor only). */
export function collectGaveUpHandlers(processors: JobProcessor[]): JobGaveUpHandlers {
  const all: JobGaveUpHandlers = {};
  for (const processor of processors) {
    for (const [name, handler] of Object.entries(processor.gaveUp?.() ?? {}) as [JobName, unknown][]) {
      if (JOB_QUEUE[name] !== processor.queue)
        throw new Error(`Job ${name} belongs to queue ${JOB_QUEUE[name]}, not ${processor.queue}`);
      (all as Record<JobName, unknown>)[name] = handler;
    }
  }
  return all;
}
