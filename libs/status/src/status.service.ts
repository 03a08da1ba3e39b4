import { Injectable } from '@nestjs/common';
import { Actor, Clock, monthEnd, RecordSource, writableRegion } from '@app/common';
import { JobName } from '@app/jobs';
import { PracticesService } from '@app/practices';
import { PracticeHistoryDto, RecordLevelDto, RecordLevelResultDto, StatusEventDto } from './status.dto';
import { StatusEventRow, StatusRepository } from './status.repository';

/** Rules of the status history (DESIGN.md "Status history"). */
@Injectable()
export class StatusService {
  constructor(
    private readonly repo: StatusRepository,
    private readonly practices: PracticesService,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one status event and brings the derived spans (and so the current level) up to date, in one
   * transaction that is one database call. The follow-up rule is asked for through the outbox in that same
   * transaction: no Redis call in the request, and no committed write without its job.
   */
  async recordLevel(code: string, dto: RecordLevelDto, actor?: Actor): Promise<RecordLevelResultDto> {
    const result = await this.repo.recordEvent({
      code,
      service: dto.service,
      level: dto.level,
      effectiveDate: dto.effectiveDate,
      note: dto.note ?? null,
      recordedBy: actor?.userId ?? null,
      source: RecordSource.Manual,
      writableRegion: writableRegion(actor),
      latestDate: this.clock.today(),
      auditAction: 'status.record',
      outboxKind: JobName.EvaluatePractice,
    });
    if (result?.outcome !== 'recorded')
      return this.practices.explainRefusal(code, result?.practice, dto.effectiveDate, actor);
    return { event: this.withDerived(result.event), currentLevel: result.currentLevel };
  }

  async history(code: string): Promise<PracticeHistoryDto> {
    const practiceId = await this.practices.requireId(code);
    const [statusEvents, listSizes] = await Promise.all([
      this.repo.history(practiceId),
      this.practices.listSizeHistory(practiceId),
    ]);
    return { code, statusEvents: statusEvents.map((e) => this.withDerived(e)), listSizes };
  }

  /**
   * Back-dated: recorded after the end of the month it took effect in, so it changed the figures of a
   * month-end already past (figures that may have been published). An import recorded the day after its
   * date, within the month, is not: no month-end's figures read differently for it.
   */
  private withDerived(event: StatusEventRow): StatusEventDto {
    const recordedOn = this.clock.dateOf(new Date(event.recordedAt));
    return { ...event, backDated: monthEnd(event.effectiveDate.slice(0, 7)) < recordedOn };
  }
}
