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
