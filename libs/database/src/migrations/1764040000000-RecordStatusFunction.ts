import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The span rule as one statement over `p_practice_ids` and `p_service` (null: every service). Per
 * effective date the winner is the latest recorded_at, then the highest id, and each span lasts until the
 * next effective date (DESIGN.md's as-of rule). Events are append-only, so the set of effective dates only
 * grows and no span ever has to be deleted: a winner either updates the span that starts on its date or
 * adds one. Rows go in oldest first, so a span stops being open before its successor opens (the partial
 * unique index allows one open span per practice and service). Only spans that change are written.
 * Exported for migration SpanRefreshPlanned, which runs the same statement from PL/pgSQL.
 */
export const SPAN_REFRESH = `
        WITH winners AS (
          SELECT DISTINCT ON (practice_id, service, effective_date) practice_id, service, effective_date, level, id
          FROM status_event
          WHERE practice_id = ANY(p_practice_ids) AND (p_service IS NULL OR service = p_service)
          ORDER BY practice_id, service, effective_date, recorded_at DESC, id DESC
        )
        INSERT INTO status_span (practice_id, service, valid_from, valid_to, level, event_id)
        SELECT practice_id, service, effective_date,
               lead(effective_date) OVER (PARTITION BY practice_id, service ORDER BY effective_date), level, id
        FROM winners ORDER BY practice_id, service, effective_date
        ON CONFLICT (practice_id, service, valid_from) DO UPDATE
          SET valid_to = EXCLUDED.valid_to, level = EXCLUDED.level, event_id = EXCLUDED.event_id
          WHERE status_span.valid_to IS DISTINCT FROM EXCLUDED.valid_to OR status_span.event_id <> EXCLUDED.event_id`;

/** How the first version locked the practice: one statement, joined to its CCG for the region. */
export const JOINED_LOCK = `        SELECT p.id, p.code, c.region_code, p.opened_on INTO v_practice
        FROM practice p JOIN ccg c ON c.code = p.ccg_code WHERE p.code = p_code FOR UPDATE OF p;`;

/** `record_status_event` with its practice lock (`lock` fills v_practice, or leaves NOT FOUND set). */
export function recordStatusEventSql(create: 'CREATE FUNCTION' | 'CREATE OR REPLACE FUNCTION', lock: string): string {
  return `${create} record_status_event(
        p_code text, p_writable_region text, p_service service, p_level service_level, p_effective_date date,
        p_latest_date date, p_recorded_by integer, p_source record_source, p_note text, p_audit_action text,
        p_outbox_kind text)
      RETURNS TABLE (outcome text, region_code text, opened_on text, id text, service service, level service_level,
                     effective_date text, recorded_at timestamptz, recorded_by integer, source record_source, note text,
                     current_level service_level)
      LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        v_practice record;
        v_event status_event%ROWTYPE;
      BEGIN
${lock}
        IF NOT FOUND THEN RETURN; END IF;
        IF (p_writable_region IS NOT NULL AND v_practice.region_code <> p_writable_region)
           OR p_effective_date > p_latest_date OR p_effective_date < v_practice.opened_on THEN
          RETURN QUERY SELECT 'refused', v_practice.region_code::text, v_practice.opened_on::text,
            NULL::text, NULL::service, NULL::service_level, NULL::text, NULL::timestamptz, NULL::integer,
            NULL::record_source, NULL::text, NULL::service_level;
          RETURN;
        END IF;

        INSERT INTO status_event (practice_id, service, level, effective_date, recorded_by, source, note)
        VALUES (v_practice.id, p_service, p_level, p_effective_date, p_recorded_by, p_source, p_note)
        RETURNING * INTO v_event;
        PERFORM refresh_status_spans(ARRAY[v_practice.id], p_service);
        INSERT INTO audit_entry (user_id, action, entity_type, entity_id, details)
        VALUES (p_recorded_by, p_audit_action, 'practice', v_practice.code, jsonb_build_object(
          'eventId', v_event.id::text, 'service', p_service, 'level', p_level,
          'effectiveDate', p_effective_date::text, 'note', p_note));
        INSERT INTO outbox (kind, payload) VALUES (p_outbox_kind, jsonb_build_object('practiceId', v_practice.id));

        RETURN QUERY SELECT 'recorded', v_practice.region_code::text, v_practice.opened_on::text,
          v_event.id::text, v_event.service, v_event.level, v_event.effective_date::text, v_event.recorded_at,
          v_event.recorded_by, v_event.source, v_event.note, s.level
        -- The latest span is the open one; asked by the primary key, which even a table without statistics
        -- yet (a new database) gets planned on, rather than the partial index of all open spans of the service.
        FROM status_span s WHERE s.practice_id = v_practice.id AND s.service = p_service
        ORDER BY s.valid_from DESC LIMIT 1;
      END $$`;
}

/**
 * The status write path in the database, so that one write is one round trip (docs/decisions.md,
 * "A status write is one database call"):
 *
 * - `refresh_status_spans(practice_ids, service)` brings the validity spans of those practices (one
 *   service, or all when it is null) up to date with their events. The only copy of the span rule: the
 *   single write below, bulk imports and the demo loader all call it.
 * - `record_status_event(...)` locks the practice, appends the event, refreshes the spans and writes the
 *   audit and outbox rows, all in the caller's transaction. It writes nothing, and answers
 *   `outcome = 'refused'` with what it found, when the practice is in a region the writer may not change,
 *   the effective date is after the latest allowed (today) or before the practice opened: the application then raises
 *   the exact error from the practice's region and opening date (the rules and their messages live in TypeScript; these
 *   checks repeat them only so the lock and the check happen together). An unknown code answers no row at all.
 *
 * Each statement of a PL/pgSQL function takes a fresh snapshot under READ COMMITTED, so once the row
 * lock is granted the events read are the ones every earlier writer committed: concurrent writes to one
 * practice still apply one after the other, exactly as with a lock taken from the application.
 */
export class RecordStatusFunction1764040000000 implements MigrationInterface {
  name = 'RecordStatusFunction1764040000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION refresh_status_spans(p_practice_ids integer[], p_service service) RETURNS void
      LANGUAGE sql AS $$
${SPAN_REFRESH}
      $$`);

    await q.query(recordStatusEventSql('CREATE FUNCTION', JOINED_LOCK));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION record_status_event(text, text, service, service_level, date, date, integer, record_source, text,
           text, text)`,
    );
    await q.query(`DROP FUNCTION refresh_status_spans(integer[], service)`);
  }
}
