-- Statement trigger function on list_size: forgets the stored figures of the earliest date the statement's
-- changed rows can alter (docs/figures.md, "Stored figures"). Installed by migration StoredFigures, which
-- writes the three trigger functions from one template (forgetFunction) and creates their triggers.
CREATE OR REPLACE FUNCTION forget_stored_figures_list_size()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        PERFORM forget_stored_figures_from('-infinity');
      ELSIF TG_OP = 'INSERT' THEN
        PERFORM forget_stored_figures_from((SELECT min(n.f) FROM (SELECT id AS k, effective_date AS f, valid_to AS t, (practice_id, patients) AS v FROM new_rows) n));
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM forget_stored_figures_from((SELECT min(o.f) FROM (SELECT id AS k, effective_date AS f, valid_to AS t, (practice_id, patients) AS v FROM old_rows) o));
      ELSE
        PERFORM forget_stored_figures_from((
          SELECT min(CASE
              WHEN o.k IS NULL THEN n.f
              WHEN n.k IS NULL THEN o.f
              WHEN o.f IS NOT DISTINCT FROM n.f AND o.v IS NOT DISTINCT FROM n.v THEN
                CASE WHEN o.t IS DISTINCT FROM n.t THEN least(coalesce(o.t, 'infinity'), coalesce(n.t, 'infinity')) END
              ELSE least(o.f, n.f) END)
          FROM (SELECT id AS k, effective_date AS f, valid_to AS t, (practice_id, patients) AS v FROM old_rows) o FULL JOIN (SELECT id AS k, effective_date AS f, valid_to AS t, (practice_id, patients) AS v FROM new_rows) n ON n.k = o.k));
      END IF;
      RETURN NULL;
    END $function$;
