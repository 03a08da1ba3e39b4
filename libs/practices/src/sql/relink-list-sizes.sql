-- The list-size link rule (DESIGN.md "Words": the list size on date D is the latest one effective on or
-- before D): each list size runs until its practice's next effective date (valid_to, null for the latest).
-- The one copy of that rule, called after every list-size write: a manual one
-- (PracticesRepository.upsertListSize), an import (ApplyRepository.listSizes) and the demo loader.
--
-- For each practice of p_practice_ids, relinks the rows from the one before p_since (the same position in
-- that array: the earliest date written; null for the whole history) on: a new or changed date alters no
-- earlier link. So an import of the latest month reads and rewrites two rows a practice, never the whole
-- history. Writes only the rows whose link changes.
CREATE OR REPLACE FUNCTION relink_list_sizes(p_practice_ids integer[], p_since date[]) RETURNS void
  LANGUAGE sql AS $$
  -- Each practice's first row to relink, found once a practice (materialized: joined in, the planner ran
  -- this lookup once for every list size of the practices, four times slower for an import of a month).
  WITH bounds AS MATERIALIZED (
    SELECT c.practice_id,
           coalesce((SELECT max(b.effective_date) FROM list_size b
                     WHERE b.practice_id = c.practice_id AND b.effective_date < c.since), '-infinity') AS from_date
    FROM unnest(p_practice_ids, p_since) AS c(practice_id, since)
  )
  UPDATE list_size l SET valid_to = n.next_date
  FROM (
    SELECT s.id, lead(s.effective_date) OVER (PARTITION BY s.practice_id ORDER BY s.effective_date) AS next_date
    FROM bounds f
    JOIN list_size s ON s.practice_id = f.practice_id AND s.effective_date >= f.from_date
  ) n
  WHERE l.id = n.id AND l.valid_to IS DISTINCT FROM n.next_date
$$;
