import { MigrationInterface, QueryRunner } from 'typeorm';
import { ALONE_LOCK } from './1764110000000-PracticeLockAlone';
import { recordStatusEventSql } from './1764040000000-RecordStatusFunction';

/**
 * Installs the current text of three database functions (docs/DESIGN.md, "Database functions"). Each
 * function's current text lives in one .sql file under its feature; this migration carries frozen copies of
 * those files as they were when it was written, so it produces the same schema forever
 * (test/foundation/database-functions.e2e-spec.ts fails when a file and the migrated database differ: add a
 * migration with the file's new text).
 *
 * - record_status_event (libs/status/src/sql/record-status-event.sql) answers a refused write with its
 *   refusal code (not_found, outside_region, future, before_opened) instead of 'refused', or no row for an
 *   unknown practice, so the application no longer re-runs its checks to find out why.
 * - stored_figures_last_date (libs/figures/src/sql/stored-figures-last-date.sql) reads the zone from the
 *   session setting pot.time_zone, which every connection sets from APP_TIME_ZONE, instead of its own
 *   'Europe/London'.
 * - add_list_sizes (libs/practices/src/sql/add-list-sizes.sql) is new: the list-size link rule, written
 *   three times before (manual writes, imports, the demo loader), now one statement that adds list sizes
 *   and links them.
 */
export class DatabaseFunctionFiles1764180000000 implements MigrationInterface {
  name = 'DatabaseFunctionFiles1764180000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(RECORD_STATUS_EVENT);
    await q.query(STORED_FIGURES_LAST_DATE);
    await q.query(ADD_LIST_SIZES);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION add_list_sizes(integer[], date[], integer[], integer, record_source)`);
    await q.query(`CREATE OR REPLACE FUNCTION stored_figures_last_date() RETURNS date LANGUAGE sql STABLE AS $$
      SELECT (now() AT TIME ZONE 'Europe/London')::date - 2
    $$`);
    await q.query(recordStatusEventSql('CREATE OR REPLACE FUNCTION', ALONE_LOCK));
  }
}

/** Frozen copy of libs/status/src/sql/record-status-event.sql. */
const RECORD_STATUS_EVENT = `
-- A manual status write in one call, and so one transaction (docs/decisions.md, "A status write is one
-- database call"): locks the practice, checks the write, appends the event, refreshes the spans and
-- writes the audit and outbox rows, all in the caller's transaction.
--
-- A refused write writes nothing and answers its refusal code (outcome) with the practice as found;
-- TypeScript turns the code into the API's error (WriteRefusal and PracticesService.refusalError in
-- libs/practices). The checks run in the order the application checks any write to a practice:
-- not_found, outside_region (p_writable_region: null for everywhere), future (after p_latest_date, today)
-- and before_opened.
--
-- The practice row is locked alone, then its region read by a second statement: locked through the join to
-- its CCG, a practice whose CCG another transaction had just changed was not found at all (PostgreSQL
-- re-checks the locked row's join against the old CCG row). Each statement takes a fresh snapshot under
-- READ COMMITTED, so once the lock is granted the events read are the ones every earlier writer committed.
--
-- The audit details have the shape StatusRecordAuditDetails (libs/status/src/status-audit.ts) and the
-- outbox payload JobPayloads[p_outbox_kind] (libs/jobs/src/jobs.constants.ts); a test checks both.
CREATE OR REPLACE FUNCTION record_status_event(
    p_code text, p_writable_region text, p_service service, p_level service_level, p_effective_date date,
    p_latest_date date, p_recorded_by integer, p_source record_source, p_note text, p_audit_action text,
    p_outbox_kind text)
  RETURNS TABLE (outcome text, region_code text, opened_on text, id text, service service, level service_level,
                 effective_date text, recorded_at timestamptz, recorded_by integer, source record_source, note text,
                 current_level service_level)
  LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_practice_id integer;
  v_region_code text;
  v_opened_on date;
  v_refusal text;
  v_event status_event%ROWTYPE;
BEGIN
  PERFORM 1 FROM practice WHERE code = p_code FOR UPDATE;
  IF FOUND THEN
    SELECT p.id, c.region_code, p.opened_on INTO v_practice_id, v_region_code, v_opened_on
    FROM practice p JOIN ccg c ON c.code = p.ccg_code WHERE p.code = p_code;
  END IF;
  v_refusal := CASE
    WHEN v_practice_id IS NULL THEN 'not_found'
    WHEN p_writable_region IS NOT NULL AND v_region_code <> p_writable_region THEN 'outside_region'
    WHEN p_effective_date > p_latest_date THEN 'future'
    WHEN p_effective_date < v_opened_on THEN 'before_opened'
  END;
  IF v_refusal IS NOT NULL THEN
    RETURN QUERY SELECT v_refusal, v_region_code, v_opened_on::text,
      NULL::text, NULL::service, NULL::service_level, NULL::text, NULL::timestamptz, NULL::integer,
      NULL::record_source, NULL::text, NULL::service_level;
    RETURN;
  END IF;

  INSERT INTO status_event (practice_id, service, level, effective_date, recorded_by, source, note)
  VALUES (v_practice_id, p_service, p_level, p_effective_date, p_recorded_by, p_source, p_note)
  RETURNING * INTO v_event;
  PERFORM refresh_status_spans(ARRAY[v_practice_id], p_service);
  INSERT INTO audit_entry (user_id, action, entity_type, entity_id, details)
  VALUES (p_recorded_by, p_audit_action, 'practice', p_code, jsonb_build_object(
    'eventId', v_event.id::text, 'service', p_service, 'level', p_level,
    'effectiveDate', p_effective_date::text, 'note', p_note));
  INSERT INTO outbox (kind, payload) VALUES (p_outbox_kind, jsonb_build_object('practiceId', v_practice_id));

  RETURN QUERY SELECT 'recorded', v_region_code, v_opened_on::text,
    v_event.id::text, v_event.service, v_event.level, v_event.effective_date::text, v_event.recorded_at,
    v_event.recorded_by, v_event.source, v_event.note, s.level
  -- The latest span is the open one; asked by the primary key, which even a table without statistics
  -- yet (a new database) gets planned on, rather than the partial index of all open spans of the service.
  FROM status_span s WHERE s.practice_id = v_practice_id AND s.service = p_service
  ORDER BY s.valid_from DESC LIMIT 1;
END $$;
`;

/** Frozen copy of libs/figures/src/sql/stored-figures-last-date.sql. */
const STORED_FIGURES_LAST_DATE = `
-- The last date whose national figures may be stored: two days before today in the product's zone
-- (docs/figures.md, "Stored figures"). The zone is APP_TIME_ZONE, which every connection the application
-- opens sets as pot.time_zone (libs/config/src/pg-client-config.ts); a session without it fails here
-- rather than guess (psql: SET pot.time_zone = 'Europe/London'). now() is the transaction's start, which
-- only makes the rules that read this more careful.
CREATE OR REPLACE FUNCTION stored_figures_last_date() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE current_setting('pot.time_zone'))::date - 2
$$;
`;

/** Frozen copy of libs/practices/src/sql/add-list-sizes.sql. */
const ADD_LIST_SIZES = `
-- The list-size link rule (DESIGN.md "Words": the list size on date D is the latest one effective on or
-- before D): each list size runs until its practice's next effective date (valid_to, null for the latest).
-- The one copy of that rule, used by every writer of list sizes: a manual one
-- (PracticesRepository.upsertListSize), an import (ApplyRepository.listSizes) and the demo loader.
--
-- Adds the rows (practice, date, patients: the same position in the three arrays; one row a practice and
-- date) whose practice and date are not held yet, and answers the practice of each row added. A figure
-- for a date already held is the caller's to replace: that changes no date, so no link. Each new row is
-- linked as it goes in (to the next date, new or held); the one held row before a practice's new dates is
-- relinked to the first of them. So an import of the latest month writes one row and rewrites one row a
-- practice, in one statement. Callers hold the practices' row locks.
CREATE OR REPLACE FUNCTION add_list_sizes(p_practice_ids integer[], p_dates date[], p_patients integer[],
    p_recorded_by integer, p_source record_source) RETURNS SETOF integer
  LANGUAGE sql AS $$
  WITH fresh AS MATERIALIZED (
    SELECT t.practice_id, t.effective_date, t.patients
    FROM unnest(p_practice_ids, p_dates, p_patients) AS t(practice_id, effective_date, patients)
    WHERE NOT EXISTS (SELECT 1 FROM list_size l
        WHERE l.practice_id = t.practice_id AND l.effective_date = t.effective_date)
  ), added AS (
    INSERT INTO list_size (practice_id, effective_date, valid_to, patients, recorded_by, source)
    SELECT f.practice_id, f.effective_date,
           least(lead(f.effective_date) OVER (PARTITION BY f.practice_id ORDER BY f.effective_date),
                 (SELECT min(l.effective_date) FROM list_size l
                  WHERE l.practice_id = f.practice_id AND l.effective_date > f.effective_date)),
           f.patients, p_recorded_by, p_source
    FROM fresh f
    RETURNING practice_id
  ), held_before AS (
    -- Each held row that a new date now follows, and the earliest of the new dates after it.
    SELECT prev.id, min(f.effective_date) AS next_date
    FROM fresh f CROSS JOIN LATERAL (
      SELECT l.id FROM list_size l WHERE l.practice_id = f.practice_id AND l.effective_date < f.effective_date
      ORDER BY l.effective_date DESC LIMIT 1) prev
    GROUP BY prev.id
  ), relinked AS (
    UPDATE list_size l SET valid_to = h.next_date FROM held_before h
    WHERE l.id = h.id AND (l.valid_to IS NULL OR l.valid_to > h.next_date)
  )
  SELECT practice_id FROM added
$$;
`;
