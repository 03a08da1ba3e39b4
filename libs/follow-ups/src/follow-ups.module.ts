import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { OutboxModule } from '@app/jobs';
import { RemindersModule } from '@app/reminders';
import { BarrierReportRepository } from './barrier-report.repository';
import { BarrierReportService } from './barrier-report.service';
import { FollowUpRemindersService } from './follow-up-reminders.service';
import { FollowUpRuleRepository } from './follow-up-rule.repository';
import { FollowUpRuleService } from './follow-up-rule.service';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';

@Module({
  imports: [AuditModule, OutboxModule, RemindersModule],
  providers: [
    FollowUpsRepository,
    FollowUpRuleRepository,
    BarrierReportRepository,
    FollowUpsService,
    FollowUpRuleService,
    FollowUpRemindersService,
    BarrierReportService,
  ],
  exports: [FollowUpsService, FollowUpRuleService, FollowUpRemindersService, BarrierReportService],
})
export class FollowUpsModule {}
