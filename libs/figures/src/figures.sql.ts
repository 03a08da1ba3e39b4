/**
 * The SQL of every figure (DESIGN.md "Figures"), in one place so that a change to a definition shows
 * in review. Everything is parameterised; the only pieces chosen by code are the fixed fragments below,
 * never client text. One statement computes the figures of one date, for all services (or one), either
 * nationally or per group; the reports run it for each date they need (D, D − 1 year, month-ends).
 *
 * Parameters: $1 the date D, $2 the service (null: all), $3 (known-at variant only) the moment K.
 * figuresOnDatesSql runs the same statement for each date of an array $1 (a trend's month-ends): one
 * planning and one round trip instead of one per date.
 */
export type GroupBy = 'national' | 'region' | 'ccg' | 'clinical-system';

/** The groups of a breakdown: every group is listed, also one with no practice in scope (all zeros). */
const GROUPS: Record<GroupBy, { key: string; list: string; needsCcg?: boolean }> = {
  national: { key: `'ENG'`, list: `SELECT 'ENG'::text AS code, 'England'::text AS name` },
  region: { key: 'c.region_code', list: `SELECT code::text, name FROM region`, needsCcg: true },
  ccg: { key: 'p.ccg_code', list: `SELECT code::text, name FROM ccg` },
  'clinical-system': {
    key: 'p.clinical_system::text',
    list: `SELECT s::text AS code, s::text AS name FROM unnest(enum_range(NULL::clinical_system)) s`,
  },
};

/**
 * Level of each service as of D with everything known now: the one status_span whose
 * [valid_from, valid_to) contains D (spans are rebuilt from status_event by the write path with the
 * as-of rule). Answered from status_span_during_idx alone (an index-only scan).
 */
const LEVEL_FROM_SPANS = `
  level_on AS (
    SELECT s.practice_id, s.service, s.level
    FROM status_span s
    WHERE daterange(s.valid_from, s.valid_to, '[)') @> {D}
      AND ($2::service IS NULL OR s.service = $2::service)
  )`;

/**
 * Level as of D known at K: spans hold today's knowledge, so this applies the as-of rule to the events
 * themselves, keeping only those recorded at or before K. For each practice in scope and service, the
 * winner is the latest effective date ≤ D, then the latest recorded_at, then the highest id: one
 * backward step in status_event_history_idx (practice, service, effective date, recorded at, id), whose
 * recorded_at test is checked inside the index. No row: the level is unknown (the join drops it).
 */
const LEVEL_KNOWN_AT = `
  level_on AS (
    SELECT sc.id AS practice_id, sv.service, e.level
    FROM scope sc
    CROSS JOIN unnest(enum_range(NULL::service)) sv(service)
    CROSS JOIN LATERAL (
      SELECT ev.level FROM status_event ev
      WHERE ev.practice_id = sc.id AND ev.service = sv.service
        AND ev.effective_date <= {D} AND ev.recorded_at <= $3::timestamptz
      ORDER BY ev.effective_date DESC, ev.recorded_at DESC, ev.id DESC
      LIMIT 1) e
    WHERE $2::service IS NULL OR sv.service = $2::service
  )`;

/**
 * Percentage with one decimal. numeric division keeps 16+ significant digits, so rounding it to one
 * decimal is right (a true half, e.g. 1/8 → 12.5, is an exact decimal), and round() on numeric takes
 * halves away from zero.
 */
const pct = (num: string, den: string) => `round(100 * ${num}::numeric / nullif(${den}, 0), 1)`;

export function figuresSql(by: GroupBy, knownAt: boolean): string {
  return figuresOn('$1::date', by, knownAt);
}

/** The figures for every date of the array $1, one row per date, group and service (as_of first). */
export function figuresOnDatesSql(by: GroupBy, knownAt: boolean): string {
  return `
SELECT d.day::text AS as_of, f.*
FROM unnest($1::date[]) d(day)
-- The per-date statement runs once per date with d.day as its D, each time through the same indexes.
CROSS JOIN LATERAL (${figuresOn('d.day', by, knownAt)}) f
ORDER BY d.day, f.code, f.service`;
}

/** The statement for one date, given as an SQL expression (a parameter, or a column of an outer query). */
function figuresOn(date: string, by: GroupBy, knownAt: boolean): string {
  const group = GROUPS[by];
  const sql = `
WITH
  -- List size on D: the list_size row whose [effective_date, valid_to) contains D (at most one per
  -- practice, as the write path keeps valid_to = the next effective date). Index-only scan; the
  -- expression is the index's (coalesce: see migration 1764060000000-ListSizeRangeIndex).
  size_on AS (
    SELECT z.practice_id, z.patients
    FROM list_size z
    WHERE daterange(z.effective_date, coalesce(z.valid_to, 'infinity'), '[)') @> {D}
  ),
  -- Practices in scope on D: opened on or before D (or no open date) and not closed on or before D.
  -- patients is null when the practice has no list size on D (it then adds 0 and is counted apart).
  -- NOT MATERIALIZED: computed again where used, which is cheap, but lets the planner see its true size;
  -- a materialized CTE is estimated at a fraction of it, and at ten times England the planner then
  -- hashed the spans and sorted them (measured 310 ms a date, against 215 ms inlined).
  scope AS NOT MATERIALIZED (
    SELECT p.id, ${group.key} AS grp, sz.patients
    FROM practice p
    ${group.needsCcg ? 'JOIN ccg c ON c.code = p.ccg_code' : ''}
    LEFT JOIN size_on sz ON sz.practice_id = p.id
    WHERE (p.opened_on IS NULL OR p.opened_on <= {D})
      AND (p.closed_on IS NULL OR p.closed_on > {D})
  ),
  ${knownAt ? LEVEL_KNOWN_AT : LEVEL_FROM_SPANS},
  -- Denominators per group: practices and patients in scope, whatever their levels.
  per_group AS (
    SELECT grp, count(*) AS practices, coalesce(sum(patients), 0) AS patients,
           count(*) FILTER (WHERE patients IS NULL) AS without_list_size
    FROM scope
    GROUP BY grp
  ),
  -- Numerators per group and service. The inner join keeps only practices in scope; a practice with
  -- no level (no event) has no row here, so it counts as neither capable nor enabled: "unknown" is
  -- what is left of the total. level >= 'capable' relies on the enum's order (not_capable < capable < enabled).
  per_service AS (
    SELECT sc.grp, l.service,
           count(*) AS known,
           count(*) FILTER (WHERE l.level >= 'capable') AS capable,
           count(*) FILTER (WHERE l.level = 'enabled') AS enabled,
           coalesce(sum(sc.patients) FILTER (WHERE l.level >= 'capable'), 0) AS at_capable,
           coalesce(sum(sc.patients) FILTER (WHERE l.level = 'enabled'), 0) AS at_enabled
    FROM level_on l
    JOIN scope sc ON sc.id = l.practice_id
    GROUP BY sc.grp, l.service
  ),
  groups AS (${group.list}),
  -- Every group × service, zeros where nothing is in scope.
  figures AS (
    SELECT g.code, g.name, sv.service,
           coalesce(pg.practices, 0) AS practices_total,
           coalesce(ps.capable, 0) AS practices_capable,
           coalesce(ps.enabled, 0) AS practices_enabled,
           coalesce(pg.practices, 0) - coalesce(ps.known, 0) AS practices_unknown,
           coalesce(pg.patients, 0) AS patients_total,
           coalesce(ps.at_capable, 0) AS patients_at_capable,
           coalesce(ps.at_enabled, 0) AS patients_at_enabled,
           coalesce(pg.without_list_size, 0) AS practices_without_list_size
    FROM groups g
    CROSS JOIN unnest(enum_range(NULL::service)) sv(service)
    LEFT JOIN per_group pg ON pg.grp = g.code
    LEFT JOIN per_service ps ON ps.grp = g.code AND ps.service = sv.service
    WHERE $2::service IS NULL OR sv.service = $2::service
  )
SELECT code, name, service::text AS service,
       practices_total, practices_capable, practices_enabled, practices_unknown,
       patients_total, patients_at_capable, patients_at_enabled, practices_without_list_size,
       ${pct('practices_capable', 'practices_total')} AS practices_capable_pct,
       ${pct('practices_enabled', 'practices_total')} AS practices_enabled_pct,
       ${pct('patients_at_capable', 'patients_total')} AS patients_at_capable_pct,
       ${pct('patients_at_enabled', 'patients_total')} AS patients_at_enabled_pct
FROM figures
ORDER BY code, service`;
  return sql.replaceAll('{D}', date);
}
