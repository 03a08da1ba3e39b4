import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, RecordSource } from '@app/common';
import { AuditService } from '@app/audit';
import { JobName, Outbox } from '@app/jobs';
import { PracticesService } from '@app/practices';
import { PracticeHistoryDto, RecordLevelDto, RecordLevelResultDto } from './status.dto';
import { StatusRepository } from './status.repository';

/** Rules of the status history (DESIGN.md "Status history"). */
@Injectable()
export class StatusService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: StatusRepository,
    private readonly practices: PracticesService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Appends one status event and brings the derived spans (and so the current level) up to date, in one
   * transaction. The follow-up rule is asked for through the outbox in that same transaction: no Redis
   * call in the request, and no committed write without its job.
   */
  async recordLevel(code: string, dto: RecordLevelDto, actor?: Actor): Promise<RecordLevelResultDto> {
    return this.db.transaction(async (m) => {
      const practice = await this.practices.lockForWrite(m, code, actor);
      this.practices.checkEffectiveDate(practice, dto.effectiveDate);
      const result = await this.repo.appendEvent(m, {
        practiceId: practice.id, service: dto.service, level: dto.level, effectiveDate: dto.effectiveDate,
        recordedBy: actor?.userId ?? null, source: RecordSource.Manual, note: dto.note ?? null,
      });
      await this.audit.record(m, {
        actor, action: 'status.record', entityType: 'practice', entityId: practice.code,
        details: { eventId: result.event.id, service: dto.service, level: dto.level, effectiveDate: dto.effectiveDate, note: dto.note ?? null },
      });
      await this.outbox.add(m, JobName.EvaluatePractice, { practiceId: practice.id });
      return result;
    });
  }

  async history(code: string): Promise<PracticeHistoryDto> {
    const practiceId = await this.practices.requireId(code);
    const [statusEvents, listSizes] = await Promise.all([this.repo.history(practiceId), this.practices.listSizeHistory(practiceId)]);
    return { code, statusEvents, listSizes };
  }
}
