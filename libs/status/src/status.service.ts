import { Injectable } from '@nestjs/common';
import { Actor, Clock, monthEnd, RecordSource, writableRegion } from '@app/domain';
import { JobName } from '@app/jobs';
import { PracticesService } from '@app/practices';
import { STATUS_RECORD_ACTION } from './status-audit';
import { monthEndsDecided, monthEndsLookingBackAt } from './status-impact';
import {
  PracticeHistoryDto,
  RecordLevelDto,
  RecordLevelResultDto,
  StatusEventDto,
  StatusImpactDto,
  StatusImpactQuery,
} from './status.dto';
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
    const today = this.clock.today();
    const result = await this.repo.recordEvent({
      code,
      service: dto.service,
      level: dto.level,
      effectiveDate: dto.effectiveDate,
      note: dto.note ?? null,
      recordedBy: actor?.userId ?? null,
      source: RecordSource.Manual,
      writableRegion: writableRegion(actor),
      latestDate: today,
      auditAction: STATUS_RECORD_ACTION,
      outboxKind: JobName.EvaluatePractice,
    });
    if (result.outcome !== 'recorded') {
      const refused = { refusal: result.outcome, code, effectiveDate: dto.effectiveDate, today, ...result.practice };
      throw this.practices.refusalError(refused, actor);
    }
    return { event: this.withDerived(result.event), currentLevel: result.currentLevel };
  }

  /**
   * Which figures recording `q` would change, read before it is recorded (nothing is written). The new
   * event would be the latest recorded, so it decides every date from its effective date up to the next
   * recorded change of the service (which keeps deciding its own dates), and a practice counts in no
   * figure from its close date. Over those days the level recorded now is one level (no event lies
   * between), so either every figure of those days changes or, when that level is the new one, none
   * does. The effective date is checked as recording it would be (not in the future, not before the
   * practice opened), so the form hears of those problems first.
   */
  async impact(code: string, q: StatusImpactQuery): Promise<StatusImpactDto> {
    const facts = await this.repo.impactFacts(code, q.service, q.effectiveDate);
    if (!facts) throw this.practices.notFound(code);
    this.practices.checkEffectiveDate(facts, q.effectiveDate);
    const today = this.clock.today();
    const closes = facts.closedOn !== null && (facts.nextChange === null || facts.closedOn <= facts.nextChange);
    const until = closes ? facts.closedOn : facts.nextChange;
    const levelBefore = facts.levelBefore ?? 'unknown';
    const changesFigures = levelBefore !== q.level && (until === null || until > q.effectiveDate);
    const days = { from: q.effectiveDate, until };
    return {
      practiceCode: facts.code,
      service: q.service,
      level: q.level,
      effectiveDate: q.effectiveDate,
      today,
      backDated: q.effectiveDate < today,
      levelBefore,
      until,
      untilBecause: until === null ? null : closes ? 'closed' : 'next-change',
      changesFigures,
      monthEnds: changesFigures ? monthEndsDecided(days, today) : null,
      previousYearOf: changesFigures ? monthEndsLookingBackAt(days, today) : null,
      areas: changesFigures
        ? [
            { kind: 'england', code: null, name: 'England' },
            { kind: 'region', code: facts.regionCode, name: facts.regionName },
            { kind: 'ccg', code: facts.ccgCode, name: facts.ccgName },
            { kind: 'clinical-system', code: facts.clinicalSystem, name: facts.clinicalSystem },
          ]
        : [],
    };
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
