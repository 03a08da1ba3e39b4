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
