import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, RecordSource } from '@app/common';
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
  ) {}

  /** Appends one status event and brings the derived spans (and so the current level) up to date, in one transaction. */
  async recordLevel(code: string, dto: RecordLevelDto, actor?: Actor): Promise<RecordLevelResultDto> {
    return this.db.transaction(async (m) => {
      const practice = await this.practices.lockForWrite(m, code, actor);
      this.practices.checkEffectiveDate(practice, dto.effectiveDate);
      return this.repo.appendEvent(m, {
        practiceId: practice.id, service: dto.service, level: dto.level, effectiveDate: dto.effectiveDate,
        recordedBy: actor?.userId ?? null, source: RecordSource.Manual, note: dto.note ?? null,
      });
    });
  }

  async history(code: string): Promise<PracticeHistoryDto> {
    const practiceId = await this.practices.requireId(code);
    const [statusEvents, listSizes] = await Promise.all([this.repo.history(practiceId), this.practices.listSizeHistory(practiceId)]);
    return { code, statusEvents, listSizes };
  }
}
