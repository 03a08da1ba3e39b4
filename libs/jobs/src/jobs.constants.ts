/**
 * Queue names, job names, payloads and default options, shared by producers (the outbox, the API's
 * monitoring) and the worker's processors. Nothing here depends on Bull.
 */
export enum QueueName {
  FollowUps = 'follow-ups',
  Reminders = 'reminders',
  Schedules = 'schedules',
  /** Its own queue, so that a long import never holds up the short jobs of the others. */
  Imports = 'imports',
}
export const QUEUE_NAMES = [QueueName.FollowUps, QueueName.Reminders, QueueName.Schedules, QueueName.Imports] as const;

export enum JobName {
  /** Re-apply the follow-up rule to one practice (after a status write). */
  EvaluatePractice = 'evaluate-practice',
  /** A follow-up's due date has come: remind its owner. */
  FollowUpDue = 'follow-up-due',
  /** E-mail one stored reminder. */
  SendReminderEmail = 'send-reminder-email',
  DailyDigest = 'daily-digest',
  OverdueEscalation = 'overdue-escalation',
  /** Re-apply the follow-up rule to every practice (nightly, and after a bulk import). */
  SweepFollowUps = 'sweep-follow-ups',
  MonthEndSnapshot = 'month-end-snapshot',
  /** Process one import run (uploaded, or queued by the CLI). */
  Import = 'import',
}

/** Which queue runs each job. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.EvaluatePractice]: QueueName.FollowUps,
  [JobName.FollowUpDue]: QueueName.FollowUps,
  [JobName.SendReminderEmail]: QueueName.Reminders,
  [JobName.DailyDigest]: QueueName.Schedules,
  [JobName.OverdueEscalation]: QueueName.Schedules,
  [JobName.SweepFollowUps]: QueueName.Schedules,
  [JobName.MonthEndSnapshot]: QueueName.Schedules,
  [JobName.Import]: QueueName.Imports,
};

export interface EvaluatePracticePayload {
  practiceId: number;
}
export interface FollowUpDuePayload {
  followUpId: number;
  dueDate: string;
  /** The due date this one replaces, whose delayed job is removed. */
  previousDueDate?: string;
}
export interface SendReminderEmailPayload {
  reminderId: number;
}
/**
 * The run row is the source of truth (committed with the outbox row that asks for this job; its state is
 * re-checked when the job runs), so the job carries only the run id and may run twice.
 */
export interface ImportPayload {
  runId: number;
}
/** Scheduled jobs carry no data: they work on the Clock's today. `reason` only says who asked (logs). */
export interface ScheduledPayload {
  reason?: string;
}

export interface JobPayloads {
  [JobName.EvaluatePractice]: EvaluatePracticePayload;
  [JobName.FollowUpDue]: FollowUpDuePayload;
  [JobName.SendReminderEmail]: SendReminderEmailPayload;
  [JobName.DailyDigest]: ScheduledPayload;
  [JobName.OverdueEscalation]: ScheduledPayload;
  [JobName.SweepFollowUps]: ScheduledPayload;
  [JobName.MonthEndSnapshot]: ScheduledPayload;
  [JobName.Import]: ImportPayload;
}

/** The recurring jobs, registered by the worker with these fixed ids (see ScheduleRegistry). */
export const SCHEDULED_JOBS = [
  JobName.DailyDigest,
  JobName.OverdueEscalation,
  JobName.SweepFollowUps,
  JobName.MonthEndSnapshot,
] as const;
export type ScheduledJob = (typeof SCHEDULED_JOBS)[number];

export interface Schedule {
  job: ScheduledJob;
  cron: string;
  timeZone: string;
}

/**
 * Defaults of every job: retried with exponential backoff (2 s, 4 s, … 10 attempts: about 17 minutes,
 * so a PostgreSQL restart or failover at 07:00 does not cost the day's digest; 5 attempts gave up after
 * 30 s); failures kept for inspection. Completed jobs are kept for a day so that a job relayed twice from
 * the outbox (the relay died between adding it and marking the row) is dropped by its jobId instead of
 * running again.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: false,
};

/**
 * Jobs that wait on something outside us retry for longer. An e-mail retries for about three hours (5 s,
 * 10 s, … doubling, 12 attempts): an SMTP relay down for an hour still gets every reminder, where the
 * default ~30 s of retries gave up on all of them for good.
 */
export const JOB_RETRIES: Partial<
  Record<JobName, { attempts: number; backoff: { type: 'exponential'; delay: number } }>
> = {
  [JobName.SendReminderEmail]: { attempts: 12, backoff: { type: 'exponential', delay: 5000 } },
  // An import retries only what a retry can fix (a database outage: the run starts over from its file);
  // each attempt may read a whole file, so three, 5 s apart then 10 s. On the last the run is marked failed.
  [JobName.Import]: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
};

/**
 * Jobs at once per worker process, where not WORKER_CONCURRENCY. Imports run one at a time anyway (an
 * advisory lock in PostgreSQL): a second import job would only hold a connection while it waits.
 */
export const JOB_CONCURRENCY: Partial<Record<JobName, number>> = {
  [JobName.Import]: 1,
};

/** Deterministic id of a follow-up's due job: moving the date removes this one and adds the next. */
export const followUpDueJobId = (followUpId: number, dueDate: string) => `due-${followUpId}-${dueDate}`;
export const outboxJobId = (outboxId: string | number) => `outbox-${outboxId}`;
