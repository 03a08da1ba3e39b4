import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Level, RecordSource, Service } from '@app/common';
import type { StatusEventDto } from './status.dto';

export interface NewStatusEvent {
  practiceId: number;
  service: Service;
  level: Level;
  effectiveDate: string;
  recordedBy: number | null;
  source: RecordSource;
  note: string | null;
}

const EVENT_COLUMNS = `id::text AS id, service, level, effective_date::text AS "effectiveDate", recorded_at AS "recordedAt",
  recorded_by AS "recordedBy", source, note`;

/** All SQL of the status history and its derived spans. */
@Injectable()
export class StatusRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertEvent(m: EntityManager, e: NewStatusEvent): Promise<StatusEventDto> {
    const rows = await m.query(
      `INSERT INTO status_event (practice_id, service, level, effective_date, recorded_by, source, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${EVENT_COLUMNS}`,
      [e.practiceId, e.service, e.level, e.effectiveDate, e.recordedBy, e.source, e.note],
    );
    return rows[0];
  }

  /**
   * Rebuilds the validity spans of one practice's service from its events, with the as-of rule of
   * DESIGN.md: per effective date the winner is the latest recorded_at, then the highest id; each span
   * lasts until the next effective date. Rebuilding (rather than patching) keeps it right after
   * back-dated events, at the cost of a few dozen rows per write. Callers hold the practice row lock.
   * Returns the current (open) level.
   */
  async rebuildSpans(m: EntityManager, practiceId: number, service: Service): Promise<Level | undefined> {
    const rows = await this.rebuild(m, [practiceId], service);
    return rows.find((r) => r.valid_to === null)?.level;
  }

  /** The same for every service of many practices at once (bulk imports, the demo loader). */
  async rebuildSpansForPractices(m: EntityManager, practiceIds: number[]): Promise<void> {
    await this.rebuild(m, practiceIds, null);
  }

  private async rebuild(m: EntityManager, practiceIds: number[], service: Service | null): Promise<{ level: Level; valid_to: string | null }[]> {
    await m.query(`DELETE FROM status_span WHERE practice_id = ANY($1) AND ($2::service IS NULL OR service = $2)`, [practiceIds, service]);
    return m.query(
      `INSERT INTO status_span (practice_id, service, valid_from, valid_to, level, event_id)
       SELECT practice_id, service, effective_date,
              lead(effective_date) OVER (PARTITION BY practice_id, service ORDER BY effective_date), level, id
       FROM (SELECT DISTINCT ON (practice_id, service, effective_date) practice_id, service, effective_date, level, id
             FROM status_event WHERE practice_id = ANY($1) AND ($2::service IS NULL OR service = $2)
             ORDER BY practice_id, service, effective_date, recorded_at DESC, id DESC) winners
       RETURNING level, valid_to`,
      [practiceIds, service],
    );
  }

  history(practiceId: number): Promise<StatusEventDto[]> {
    return this.db.query(
      `SELECT ${EVENT_COLUMNS} FROM status_event WHERE practice_id = $1
       ORDER BY effective_date DESC, recorded_at DESC, id DESC`,
      [practiceId],
    );
  }
}
