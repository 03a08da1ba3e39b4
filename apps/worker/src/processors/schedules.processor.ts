import { Injectable } from '@nestjs/common';
import { FollowUpRemindersService, FollowUpRuleService } from '@app/follow-ups';
import { JobHandlers, JobName, QueueName } from '@app/jobs';
import { SnapshotsService } from '@app/snapshots';
import { JobProcessor } from './job-processor';

/** The recurring jobs. Each works on the Clock's today, so tests drive them with clock.setNow(). */
@Injectable()
export class SchedulesProcessor implements JobProcessor {
  readonly queue = QueueName.Schedules;

  constructor(
    private readonly rule: FollowUpRuleService,
    private readonly reminders: FollowUpRemindersService,
    private readonly snapshots: SnapshotsService,
  ) {}

  dailyDigest() {
    return this.reminders.sendDigest();
  }

  overdueEscalation() {
    return this.reminders.escalateOverdue();
  }

  sweepFollowUps() {
    return this.rule.sweep();
  }

  monthEndSnapshot() {
    return this.snapshots.captureMonthEnd();
  }

  handlers(): Partial<JobHandlers> {
    return {
      [JobName.DailyDigest]: () => this.dailyDigest(),
      [JobName.OverdueEscalation]: () => this.overdueEscalation(),
      [JobName.SweepFollowUps]: () => this.sweepFollowUps(),
      [JobName.MonthEndSnapshot]: () => this.monthEndSnapshot(),
    };
  }
}
