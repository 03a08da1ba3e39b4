-- Trigger function: status history is append-only (DESIGN.md "Status history"); the database itself
-- refuses to change or remove an event. Installed by migration Foundation.
CREATE OR REPLACE FUNCTION status_event_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'status_event is append-only: record a correcting event instead' USING ERRCODE = 'P0001';
      END $function$;
