import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '@app/config';
import { JobQueues, wantedSchedules, withTimeout } from '@app/jobs';

/**
 * Job counts per queue (waiting, active, delayed, failed…), imports included, for operators watching a
 * backlog grow; and `schedulesMissing`, the recurring jobs Redis does not hold (none once a worker has
 * run: it re-adds them within a minute, also after Redis lost its data). Down only when Redis does not
 * answer in time: a backlog, or schedules waiting for a worker, is information, not an outage.
 */
@Injectable()
export class QueuesHealthIndicator {
  constructor(
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string, timeoutMs = 1500) {
    const indicator = this.health.check(key);
    try {
      const [counts, schedules] = await withTimeout(
        Promise.all([this.queues.counts(timeoutMs), this.queues.listSchedules()]),
        timeoutMs,
        'Redis did not answer',
      );
      const held = new Set(schedules.map((s) => `${s.job} ${s.cron}`));
      const schedulesMissing = wantedSchedules(this.config)
        .filter((w) => !held.has(`${w.job} ${w.cron}`))
        .map((w) => w.job);
      return indicator.up({ ...counts, schedulesMissing });
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
