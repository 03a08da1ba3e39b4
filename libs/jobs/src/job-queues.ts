import { JobName, JobPayloads, QueueName, Schedule } from './jobs.constants';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: number;
}

export interface ScheduleEntry {
  job: string;
  id: string | null;
  cron: string | null;
  timeZone: string | null;
  /** The queue library's own key of this schedule. */
  key: string;
}

/** What a handler may know of the attempt it runs in. */
export interface JobAttempt {
  /** No retry follows if this attempt fails: a handler that records its failures records this one itself. */
  lastAttempt: boolean;
}

/** One handler per job name; the type makes a missing or unknown job name a compile error. */
export type JobHandlers = { [J in JobName]: (payload: JobPayloads[J], attempt: JobAttempt) => Promise<unknown> };

/**
 * What to do once a job has failed for good, for the jobs that keep a state of their own (an import run):
 * also when no attempt of the handler saw it coming, i.e. its worker was lost while running it once too
 * often (Bull's stall limit fails the job without another attempt).
 */
export type JobGaveUpHandlers = { [J in JobName]?: (payload: JobPayloads[J], error: Error) => Promise<unknown> };

/**
 * The queues as the rest of the code sees them. Only libs/jobs/src/bull knows these are Bull queues,
 * so moving to BullMQ means writing one new implementation of this class and of JobRunner.
 */
export abstract class JobQueues {
  /** Adds a job unless one with this id is already waiting, delayed, running or done (a failed one is replaced). */
  abstract add<J extends JobName>(
    job: J,
    payload: JobPayloads[J],
    opts: { jobId: string; delayMs?: number },
  ): Promise<void>;
  /** Removes a waiting or delayed job; false when there is none (or it is running: handlers re-check state). */
  abstract remove(job: JobName, jobId: string): Promise<boolean>;
  /**
   * False when Redis has lost what it held (restarted without persistence, flushed, replaced) since
   * markState() was last called, or was never marked: then the queued jobs it held are gone too.
   */
  abstract keepsState(): Promise<boolean>;
  abstract markState(): Promise<void>;
  /** Whether Redis is connected right now (the relay skips a poll rather than queueing commands offline). */
  abstract isConnected(): boolean;
  abstract counts(timeoutMs: number): Promise<Record<QueueName, QueueCounts>>;
  /** The state of one job ('delayed', 'completed', …) or undefined when Redis holds no such job. */
  abstract jobState(job: JobName, jobId: string): Promise<string | undefined>;
  /** Makes the recurring schedules exactly `wanted`: removes every other one, adds the missing ones. */
  abstract syncSchedules(wanted: Schedule[]): Promise<{ added: number; removed: number }>;
  abstract listSchedules(): Promise<ScheduleEntry[]>;
}

/** The consuming side, used by the worker only. */
export abstract class JobRunner {
  abstract start(handlers: JobHandlers, concurrency: number, gaveUp?: JobGaveUpHandlers): void;
  /** Stops taking jobs and waits for the running ones to finish (graceful shutdown). */
  abstract stop(): Promise<void>;
}
