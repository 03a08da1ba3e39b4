-- Brings the validity spans of these practices (one service, or every service when p_service is null)
-- up to date with their events: the only copy of the span rule (DESIGN.md "Status history"). Per
-- effective date the winner is the latest recorded_at, then the highest id; each span lasts until the next
-- effective date. Called by record_status_event, bulk imports and the demo loader. PL/pgSQL with a generic
-- plan, planned once a session (docs/decisions.md, "The span refresh is planned once a session").
-- Installed by migrations RecordStatusFunction, SpanRefreshPlanned.
CREATE OR REPLACE FUNCTION refresh_status_spans(p_practice_ids integer[], p_service service)
 RETURNS void
 LANGUAGE plpgsql
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
      BEGIN

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
          WHERE status_span.valid_to IS DISTINCT FROM EXCLUDED.valid_to OR status_span.event_id <> EXCLUDED.event_id;
      END $function$;
