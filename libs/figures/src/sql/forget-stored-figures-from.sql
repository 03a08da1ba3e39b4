-- Deletes the stored figures from `since` on, unless nothing changed or only today onwards (never stored,
-- see stored_figures_last_date), after taking the guard; latest date first, so two deleters cannot
-- deadlock (docs/figures.md, "Stored figures" and "Locks and deadlocks"). Once per transaction and date.
-- Installed by migrations StoredFigures, StoredFiguresLockOrder.
CREATE OR REPLACE FUNCTION forget_stored_figures_from(since date)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      DECLARE
        done text := current_setting('pot.stored_figures_forgotten_from', true);
      BEGIN
        IF since IS NULL OR since >= stored_figures_last_date() + 2 THEN RETURN; END IF;
        IF done <> '' AND done::date <= since THEN RETURN; END IF;
        LOCK TABLE stored_figures_guard IN ROW EXCLUSIVE MODE;
        PERFORM 1 FROM stored_figures WHERE as_of >= since
          ORDER BY as_of DESC, service DESC, definition DESC FOR UPDATE;
        DELETE FROM stored_figures WHERE as_of >= since;
        PERFORM set_config('pot.stored_figures_forgotten_from', since::text, true);
      END $function$;
