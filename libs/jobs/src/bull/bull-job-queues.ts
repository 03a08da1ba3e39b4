import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { JobQueues, QueueCounts, ScheduleEntry } from '../job-queues';
import { JOB_QUEUE, JOB_RETRIES, JobName, JobPayloads, QUEUE_NAMES, QueueName, Schedule } from '../jobs.constants';
import { withTimeout } from '../with-timeout';

/** A key of our own beside the queues': gone only when Redis lost its data (see JobQueues.keepsState). */
const STATE_MARKER = 'state-kept-since';

/** JobQueues on Bull 4. */
@Injectable()
export class BullJobQueues extends JobQueues {
  private readonly queues: Map<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.FollowUps) followUps: Queue,
    @InjectQueue(QueueName.Reminders) reminders: Queue,
    @InjectQueue(QueueName.Schedules) schedules: Queue,
    @InjectQueue(QueueName.Imports) imports: Queue,
  ) {
    super();
    this.queues = new Map([
      [QueueName.FollowUps, followUps],
      [QueueName.Reminders, reminders],
      [QueueName.Schedules, schedules],
      [QueueName.Imports, imports],
    ]);
  }

  queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async add<J extends JobName>(
    job: J,
    payload: JobPayloads[J],
    opts: { jobId: string; delayMs?: number },
  ): Promise<void> {
    const queue = this.queue(JOB_QUEUE[job]);
    const existing = await queue.getJob(opts.jobId);
    if (existing) {
      // A kept failed job would silently swallow the new one with the same id (bull #1828): replace it.
      if (!(await existing.isFailed())) return;
      await existing.remove();
    }
    await queue.add(job, payload, {
      ...JOB_RETRIES[job],
      jobId: opts.jobId,
      delay: Math.max(0, Math.round(opts.delayMs ?? 0)),
    });
  }

  async remove(job: JobName, jobId: string): Promise<boolean> {
    const found = await this.queue(JOB_QUEUE[job]).getJob(jobId);
    if (!found) return false;
    const state = await found.getState();
    if (state !== 'delayed' && state !== 'waiting' && state !== 'paused') return false;
    await found.remove();
    return true;
  }

  isConnected(): boolean {
    return this.all().every((q) => q.client.status === 'ready');
  }

  async keepsState(): Promise<boolean> {
    const schedules = this.queue(QueueName.Schedules);
    return (await schedules.client.exists(schedules.toKey(STATE_MARKER))) === 1;
  }

  async markState(): Promise<void> {
    const schedules = this.queue(QueueName.Schedules);
    await schedules.client.set(schedules.toKey(STATE_MARKER), new Date().toISOString());
  }

  async jobState(job: JobName, jobId: string): Promise<string | undefined> {
    const found = await this.queue(JOB_QUEUE[job]).getJob(jobId);
    return found ? found.getState() : undefined;
  }

  async counts(timeoutMs: number): Promise<Record<QueueName, QueueCounts>> {
    const entries = await withTimeout(
      Promise.all(QUEUE_NAMES.map(async (name) => [name, await this.queue(name).getJobCounts()] as const)),
      timeoutMs,
      'Redis did not answer',
    );
    return Object.fromEntries(
      entries.map(([name, c]) => [
        name,
        {
          waiting: c.waiting,
          active: c.active,
          delayed: c.delayed,
          failed: c.failed,
          completed: c.completed,
          paused: (c as { paused?: number }).paused ?? 0,
        },
      ]),
    ) as Record<QueueName, QueueCounts>;
  }

  /**
   * A schedule's key includes its cron, so a changed cron would otherwise add a second schedule while
   * the old one keeps firing (bull #752): every schedule that is not exactly wanted is removed first.
   * Adding an existing schedule again changes nothing, so restarts and parallel workers never double one.
   */
  async syncSchedules(wanted: Schedule[]): Promise<{ added: number; removed: number }> {
    const queue = this.queue(QueueName.Schedules);
    const matches = (e: ScheduleEntry, s: Schedule) =>
      e.job === (s.job as string) && e.id === s.job && e.cron === s.cron && e.timeZone === s.timeZone;
    const existing = await this.listSchedules();
    const unwanted = existing.filter((e) => !wanted.some((s) => matches(e, s)));
    for (const e of unwanted) await queue.removeRepeatableByKey(e.key);
    const missing = wanted.filter((s) => !existing.some((e) => matches(e, s)));
    for (const s of wanted) {
      // Fixed job id = the job's name: one schedule per job, whatever the cron.
      await queue.add(s.job, {}, { jobId: s.job, repeat: { cron: s.cron, tz: s.timeZone } });
    }
    return { added: missing.length, removed: unwanted.length };
  }

  async listSchedules(): Promise<ScheduleEntry[]> {
    const jobs = await this.queue(QueueName.Schedules).getRepeatableJobs();
    return jobs.map((j) => ({
      job: j.name,
      id: j.id ?? null,
      cron: j.cron ?? null,
      timeZone: j.tz ?? null,
      key: j.key,
    }));
  }
}
