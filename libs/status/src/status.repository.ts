import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, selectOne, selectRows } from '@app/database';
import { Level, RecordSource, Service } from '@app/domain';
import type { JobName } from '@app/jobs';
import type { WriteRefusal } from '@app/practices';
import type { StatusEventDto } from './status.dto';

/** An event as stored; the service adds what it derives (`backDated`). */
export type StatusEventRow = Omit<StatusEventDto, 'backDated'>;

/** A manual status write, with what the database needs to check it under the practice's lock. */
export interface StatusWrite {
  code: string;
  service: Service;
  level: Level;
  effectiveDate: string;
  recordedBy: number | null;
  source: RecordSource;
  note: string | null;
  /** From `writableRegion(actor)`: null for everywhere. */
  writableRegion: string | null;
  /** The latest effective date allowed (today). */
  latestDate: string;
  /** Written with details of the shape StatusRecordAuditDetails (status-audit.ts). */
  auditAction: string;
  /** The job asked for through the outbox: the function writes its payload, `{ practiceId }`, in SQL. */
  outboxKind: JobName.EvaluatePractice;
}

const EVENT_COLUMNS = `id::text AS id, service, level, effective_date::text AS "effectiveDate",
                         recorded_at AS "recordedAt",
  recorded_by AS "recordedBy", source, note`;

/** What the practice looked like under the lock: enough to say why a write was refused. */
export interface PracticeSeen {
  /** Null when there is no such practice. */
  regionCode: string | null;
  openedOn: string | null;
}

/** A row of `record_status_event`: the outcome, the practice as seen, and the event when one was recorded. */
type RecordedRow = StatusEventRow & PracticeSeen & { outcome: RecordOutcome['outcome']; currentLevel: Level };

/** Recorded, or refused with the refusal code and the practice as the database saw it under the lock. */
export type RecordOutcome =
  | { outcome: 'recorded'; event: StatusEventRow; currentLevel: Level }
  | { outcome: WriteRefusal; practice: PracticeSeen };

export interface ImpactFacts {
  code: string;
  openedOn: string | null;
  closedOn: string | null;
  clinicalSystem: string;
  ccgCode: string;
  ccgName: string;
  regionCode: string;
  regionName: string;
  /** Null: no event on or before the date (unknown). */
  levelBefore: Level | null;
  nextChange: string | null;
}

/** All SQL of the status history and its derived spans. */
@Injectable()
export class StatusRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The whole of a manual status write in one call, and so one transaction (record_status_event,
   * libs/status/src/sql/record-status-event.sql): locks the practice, checks the write, appends the event,
   * refreshes its spans, writes the audit and outbox rows. Anything but `recorded` wrote nothing.
   */
  async recordEvent(w: StatusWrite): Promise<RecordOutcome> {
    const rows = await selectRows<RecordedRow>(
      this.db,
      `SELECT outcome, region_code AS "regionCode", opened_on AS "openedOn", ${EVENT_COLUMNS},
         current_level AS "currentLevel"
       FROM record_status_event($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        w.code,
        w.writableRegion,
        w.service,
        w.level,
        w.effectiveDate,
        w.latestDate,
        w.recordedBy,
        w.source,
        w.note,
        w.auditAction,
        w.outboxKind,
      ],
    );
    const { outcome, regionCode, openedOn, currentLevel, ...event } = rows[0];
    return outcome === 'recorded' ? { outcome, event, currentLevel } : { outcome, practice: { regionCode, openedOn } };
  }

  /**
   * Brings the spans of every service of many practices up to date with their events (bulk imports,
   * the demo loader, and tests that insert events directly).
   */
  async rebuildSpansForPractices(m: EntityManager, practiceIds: number[]): Promise<void> {
    await execute(m, `SELECT refresh_status_spans($1::integer[], NULL)`, [practiceIds]);
  }

  /**
   * The same for given (practice, service) pairs only (an import's new events): a service's spans depend
   * on its own events alone, so the other services of those practices need no look.
   */
  async rebuildSpansForServices(m: EntityManager, pairs: { practiceId: number; service: Service }[]): Promise<void> {
    const byService = new Map<Service, number[]>();
    for (const { practiceId, service } of pairs) {
      const ids = byService.get(service) ?? [];
      ids.push(practiceId);
      byService.set(service, ids);
    }
    for (const [service, practiceIds] of byService) {
      await execute(m, `SELECT refresh_status_spans($1::integer[], $2)`, [practiceIds, service]);
    }
  }

  /**
   * What a status change of one service on `effectiveDate` would meet: the practice (its dates and
   * areas), the level on that date as recorded now (the as-of rule over the events themselves) and the
   * next recorded change after it. Undefined: no such practice.
   */
  impactFacts(code: string, service: Service, effectiveDate: string): Promise<ImpactFacts | undefined> {
    return selectOne<ImpactFacts>(
      this.db,
      `SELECT p.code, p.opened_on::text AS "openedOn", p.closed_on::text AS "closedOn",
         p.clinical_system AS "clinicalSystem", c.code AS "ccgCode", c.name AS "ccgName",
         r.code AS "regionCode", r.name AS "regionName",
         (SELECT e.level FROM status_event e
          WHERE e.practice_id = p.id AND e.service = $2 AND e.effective_date <= $3
          ORDER BY e.effective_date DESC, e.recorded_at DESC, e.id DESC LIMIT 1) AS "levelBefore",
         (SELECT min(e.effective_date)::text FROM status_event e
          WHERE e.practice_id = p.id AND e.service = $2 AND e.effective_date > $3) AS "nextChange"
       FROM practice p JOIN ccg c ON c.code = p.ccg_code JOIN region r ON r.code = c.region_code
       WHERE p.code = $1`,
      [code, service, effectiveDate],
    );
  }

  history(practiceId: number): Promise<StatusEventRow[]> {
    return selectRows<StatusEventRow>(
      this.db,
      `SELECT ${EVENT_COLUMNS} FROM status_event WHERE practice_id = $1
       ORDER BY effective_date DESC, recorded_at DESC, id DESC`,
      [practiceId],
    );
  }
}
