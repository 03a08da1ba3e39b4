import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/domain';
import { AppConfig } from '@app/config';
import { JobName, Outbox } from '@app/jobs';
import { FollowUpRuleRepository } from './follow-up-rule.repository';

export interface RuleRunResult {
  created: number;
  updated: number;
  resolved: number;
  cancelled: number;
}

/**
 * DESIGN.md: a practice in scope that does not offer every service has exactly one active follow-up,
 * which resolves itself once all services are enabled. Applied to one practice after each status write
 * (through the outbox) and to every practice by the nightly sweep and after imports.
 */
@Injectable()
export class FollowUpRuleService {
  private readonly logger = new Logger('FollowUpRule');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: FollowUpRuleRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  evaluatePractice(practiceId: number): Promise<RuleRunResult> {
    return this.apply([practiceId]);
  }

  async sweep(): Promise<RuleRunResult> {
    const result = await this.apply(null);
    this.logger.log(
      result,
      `Follow-up sweep: ${result.created} created, ${result.updated} updated, ${result.resolved} resolved, ` +
        `${result.cancelled} cancelled`,
    );
    return result;
  }

  /** One transaction: close, update, create; each new follow-up's due job goes to the outbox with it. */
  private apply(practiceIds: number[] | null): Promise<RuleRunResult> {
    const today = this.clock.today();
    return this.db.transaction(async (m) => {
      await this.repo.lockPractices(m, practiceIds);
      const { resolved, cancelled } = await this.repo.close(m, today, practiceIds);
      const updated = await this.repo.updateServices(m, today, practiceIds);
      const created = await this.repo.create(m, today, practiceIds, this.config.FOLLOW_UP_DUE_DAYS);
      await this.outbox.addMany(
        m,
        JobName.FollowUpDue,
        created.map((f) => ({ followUpId: f.id, dueDate: f.dueDate })),
      );
      return { created: created.length, updated, resolved, cancelled };
    });
  }
}
