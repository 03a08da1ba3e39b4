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

/**
 * From a CTE `events` (of one or many practices and services), the spans by DESIGN.md's as-of rule: per
 * effective date the winner is the latest recorded_at, then the highest id, and each span lasts until
 * the next effective date. Only spans that change are written. Events are append-only, so the set of
 * effective dates only grows and no span ever has to be deleted: a winner either updates the span that
 * starts on its date or adds one. Rows go in oldest first, so a span stops being open before its
 * successor opens (the partial unique index allows one open span per practice and service).
 */
const WINNERS_AND_SPAN_UPSERT = `
  winners AS (
    SELECT DISTINCT ON (practice_id, service, effective_date) practice_id, service, effective_date, level, id
    FROM events ORDER BY practice_id, service, effective_date, recorded_at DESC, id DESC
  ),
  upserted AS (
    INSERT INTO status_span (practice_id, service, valid_from, valid_to, level, event_id)
    SELECT practice_id, service, effective_date,
           lead(effective_date) OVER (PARTITION BY practice_id, service ORDER BY effective_date), level, id
    FROM winners ORDER BY practice_id, service, effective_date
    ON CONFLICT (practice_id, service, valid_from) DO UPDATE
      SET valid_to = EXCLUDED.valid_to, level = EXCLUDED.level, event_id = EXCLUDED.event_id
      WHERE status_span.valid_to IS DISTINCT FROM EXCLUDED.valid_to OR status_span.event_id <> EXCLUDED.event_id
  )`;

/** All SQL of the status history and its derived spans. */
@Injectable()
export class StatusRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends one event and brings the spans of its practice and service up to date, in one statement (the
   * write path's hot spot: each round trip counts). Returns the event and the service's current level.
   * The CTE's new row is not visible to the rest of the statement, so it is added to the events read.
   * Callers hold the practice row lock.
   */
  async appendEvent(m: EntityManager, e: NewStatusEvent): Promise<{ event: StatusEventDto; currentLevel: Level }> {
    const rows = await m.query(
      `WITH new_event AS (
         INSERT INTO status_event (practice_id, service, level, effective_date, recorded_by, source, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *
       ),
       events AS (
         SELECT id, practice_id, service, level, effective_date, recorded_at FROM status_event WHERE practice_id = $1 AND service = $2
         UNION ALL
         SELECT id, practice_id, service, level, effective_date, recorded_at FROM new_event
       ),
       ${WINNERS_AND_SPAN_UPSERT}
       SELECT ${EVENT_COLUMNS},
              (SELECT level FROM winners ORDER BY effective_date DESC LIMIT 1) AS "currentLevel"
       FROM new_event`,
      [e.practiceId, e.service, e.level, e.effectiveDate, e.recordedBy, e.source, e.note],
    );
    const { currentLevel, ...event } = rows[0];
    return { event, currentLevel };
  }

  /**
   * Brings the spans of every service of many practices up to date with their events (bulk imports,
   * the demo loader, and tests that insert events directly).
   */
  async rebuildSpansForPractices(m: EntityManager, practiceIds: number[]): Promise<void> {
    await m.query(
      `WITH events AS (
         SELECT id, practice_id, service, level, effective_date, recorded_at FROM status_event WHERE practice_id = ANY($1)
       ),
       ${WINNERS_AND_SPAN_UPSERT}
       SELECT count(*) FROM winners`,
      [practiceIds],
    );
  }

  /**
   * The same for given (practice, service) pairs only (an import's new events): a service's spans depend
   * on its own events alone, so the other services of those practices need no look.
   */
  async rebuildSpansForServices(m: EntityManager, pairs: { practiceId: number; service: Service }[]): Promise<void> {
    await m.query(
      `WITH events AS (
         SELECT id, practice_id, service, level, effective_date, recorded_at FROM status_event
         WHERE (practice_id, service) IN (SELECT * FROM unnest($1::int[], $2::service[]))
       ),
       ${WINNERS_AND_SPAN_UPSERT}
       SELECT count(*) FROM winners`,
      [pairs.map((p) => p.practiceId), pairs.map((p) => p.service)],
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
