-- Trigger function: the audit trail is append-only. Installed by migration People.
CREATE OR REPLACE FUNCTION audit_entry_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'P0001';
      END $function$;
