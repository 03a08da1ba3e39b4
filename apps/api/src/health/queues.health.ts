import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { JobQueues } from '@app/jobs';

/**
 * Job counts per queue (waiting, active, delayed, failed…), for operators watching a backlog grow.
 * Down only when Redis does not answer in time: a backlog is information, not an outage.
 */
@Injectable()
export class QueuesHealthIndicator {
  constructor(
    private readonly queues: JobQueues,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string, timeoutMs = 1500) {
    const indicator = this.health.check(key);
    try {
      return indicator.up(await this.queues.counts(timeoutMs));
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
