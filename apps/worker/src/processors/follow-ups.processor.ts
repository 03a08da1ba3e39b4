import { Injectable } from '@nestjs/common';
import { FollowUpRemindersService, FollowUpRuleService } from '@app/follow-ups';
import { EvaluatePracticePayload, FollowUpDuePayload, JobHandlers, JobName, QueueName } from '@app/jobs';
import { JobProcessor } from './job-processor';

@Injectable()
export class FollowUpsProcessor implements JobProcessor {
  readonly queue = QueueName.FollowUps;

  constructor(
    private readonly rule: FollowUpRuleService,
    private readonly reminders: FollowUpRemindersService,
  ) {}

  /** After a status write: the rule re-reads the practice's current state, so a repeat changes nothing. */
  evaluatePractice(p: EvaluatePracticePayload) {
    return this.rule.evaluatePractice(p.practiceId);
  }

  /** Re-checks that the follow-up is still active and still due that day before reminding its owner. */
  followUpDue(p: FollowUpDuePayload) {
    return this.reminders.remindDue(p.followUpId, p.dueDate);
  }

  handlers(): Partial<JobHandlers> {
    return {
      [JobName.EvaluatePractice]: (p) => this.evaluatePractice(p),
      [JobName.FollowUpDue]: (p) => this.followUpDue(p),
    };
  }
}
