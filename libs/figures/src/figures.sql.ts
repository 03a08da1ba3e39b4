/**
 * The SQL of every figure (DESIGN.md "Figures"), in one place so that a change to a definition shows
 * in review. Everything is parameterised; the only pieces chosen by code are the fixed fragments below,
 * never client text. One statement computes the figures of one date, for all services (or one), either
 * nationally or per group; the reports run it for each date they need (D, D − 1 year, month-ends).
 *
 * Parameters: $1 the date D, $2 the service (null: all), $3 (known-at variant only) the moment K, and
 * last (area variants only) the code of the region or CCG whose practices alone are counted.
 * figuresOnDatesSql runs the same statement for each date of an array $1 (a trend's month-ends): one
 * planning and one round trip instead of one per date.
 */
import { Service, SERVICES } from '@app/domain';
import { practiceInScope } from '@app/practices';

export type GroupBy = 'national' | 'region' | 'ccg' | 'clinical-system';
/** The practices counted: all of England, or only those of one region or one CCG (its code a parameter). */
export type AreaKind = 'england' | 'region' | 'ccg';

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
 * Level of service {S} as of D with everything known now: the one status_span whose
 * [valid_from, valid_to) contains D (spans are rebuilt from status_event by the write path with the
 * as-of rule). Answered from status_span_during_idx alone (an index-only scan, service first); joined
 * to the practices in scope by practice. No span: the level is unknown (null). When the statement is
 * for another service the join is empty: the planner drops it when it plans with $2 known (the
 * driver's unnamed statements), and otherwise the test stops it before the index is read.
 */
const LEVEL_FROM_SPANS = `
    LEFT JOIN (
      SELECT s.practice_id, s.level
      FROM status_span s
      WHERE s.service = '{S}'::service AND daterange(s.valid_from, s.valid_to, '[)') @> {D}
        AND ($2::service IS NULL OR $2::service = '{S}'::service)
    ) {L} ON {L}.practice_id = sc.id`;

/**
 * Level of service {S} as of D known at K. Spans hold today's knowledge, which is also what was known at
 * K wherever nothing recorded after K is effective on or before D: the events that decide D are then
 * the same. So the span's level (the join above) holds, except for a practice whose service has a late
 * event (recorded after K) effective by D ({L}_late_from ≤ D, from the statement's `late` rows): only
 * there are the events themselves ranked, keeping those recorded at or before K. The winner is the
 * latest effective date ≤ D, then the latest recorded_at, then the highest id: one backward step in
 * status_event_history_idx (practice, service, effective date, recorded at, id), whose recorded_at test
 * is checked inside the index. No row: the level is unknown (null). A known-at figure so costs what
 * today's does plus one step per late practice and service, not one step per practice and service.
 */
const LEVEL_KNOWN_AT = `
      CASE WHEN lt.{S}_late_from <= {D} THEN (
        SELECT ev.level FROM status_event ev
        WHERE ev.practice_id = sc.id AND ev.service = '{S}'::service
          AND ev.effective_date <= {D} AND ev.recorded_at <= $3::timestamptz
        ORDER BY ev.effective_date DESC, ev.recorded_at DESC, ev.id DESC
        LIMIT 1)
      ELSE {L}.level END`;

/**
 * Known at K: per practice with any event recorded after K, the earliest effective date of those, per
 * service (null: none). Read from status_event_recorded_idx (recorded_at first, with the columns it
 * needs), so its cost is that of the late events only. Independent of D: a trend computes it once.
 */
const LATE = `
    SELECT ev.practice_id,${SERVICES.map(
      (sv) => `
           min(ev.effective_date) FILTER (WHERE ev.service = '${sv}'::service) AS ${sv}_late_from`,
    ).join(',')}
    FROM status_event ev
    WHERE ev.recorded_at > $3::timestamptz AND ($2::service IS NULL OR ev.service = $2::service)
    GROUP BY ev.practice_id`;

const LATE_JOIN = `
    LEFT JOIN late lt ON lt.practice_id = sc.id`;

/** Per service: the alias of its level's join, and the numerators a group's cells give (see per_group). */
const LEVEL_ALIAS = (service: Service) => `l_${service}`;
const numerators = (service: Service) => `
           coalesce(sum(practices) FILTER (WHERE ${service} IS NOT NULL), 0)::bigint AS ${service}_known,
           coalesce(sum(practices) FILTER (WHERE ${service} >= 'capable'), 0)::bigint AS ${service}_capable,
           coalesce(sum(practices) FILTER (WHERE ${service} = 'enabled'), 0)::bigint AS ${service}_enabled,
           coalesce(sum(patients) FILTER (WHERE ${service} >= 'capable'), 0)::bigint AS ${service}_at_capable,
           coalesce(sum(patients) FILTER (WHERE ${service} = 'enabled'), 0)::bigint AS ${service}_at_enabled`;
const levelJoin = (service: Service) =>
  LEVEL_FROM_SPANS.replaceAll('{S}', service).replaceAll('{L}', LEVEL_ALIAS(service));
const levelOf = (service: Service, knownAt: boolean) =>
  knownAt
    ? `${LEVEL_KNOWN_AT.replaceAll('{S}', service).replaceAll('{L}', LEVEL_ALIAS(service))} AS ${service}`
    : `${LEVEL_ALIAS(service)}.level AS ${service}`;
const SERVICE_ROW_COLUMNS = ['known', 'capable', 'enabled', 'at_capable', 'at_enabled'];
const serviceRow = (service: Service) =>
  `('${service}'::service, ${SERVICE_ROW_COLUMNS.map((c) => `pg.${service}_${c}`).join(', ')})`;

/**
 * Percentage with one decimal. numeric division keeps 16+ significant digits, so rounding it to one
 * decimal is right (a true half, e.g. 1/8 → 12.5, is an exact decimal), and round() on numeric takes
 * halves away from zero.
 */
const pct = (num: string, den: string) => `round(100 * ${num}::numeric / nullif(${den}, 0), 1)`;

export function figuresSql(by: GroupBy, knownAt: boolean, area: AreaKind = 'england'): string {
  return figuresOn('$1::date', by, knownAt, area, knownAt);
}

/** The figures for every date of the array $1, one row per date, group and service (as_of first). */
export function figuresOnDatesSql(by: GroupBy, knownAt: boolean, area: AreaKind = 'england'): string {
  // Known at K: the late events are found once, for every date (MATERIALIZED: not again in each).
  return `${knownAt ? `WITH late AS MATERIALIZED (${LATE})` : ''}
SELECT d.day::text AS as_of, f.*
FROM unnest($1::date[]) d(day)
-- The per-date statement runs once per date with d.day as its D, each time through the same indexes.
CROSS JOIN LATERAL (${figuresOn('d.day', by, knownAt, area)}) f
ORDER BY d.day, f.code, f.service`;
}

/**
 * An area's practices: one more condition on the practices in scope, and the groups of a breakdown
 * narrowed to those inside the area (a region's CCGs; its own row of a region breakdown). England adds
 * nothing, so its statement is the very text it was before areas (its hash marks the stored figures).
 */
function areaOf(area: AreaKind, by: GroupBy, param: string) {
  if (area === 'england') return { needsCcg: false, filter: '', groups: GROUPS[by].list };
  const practices = area === 'region' ? `c.region_code = ${param}` : `p.ccg_code = ${param}`;
  const narrowed: Partial<Record<GroupBy, string>> =
    area === 'region'
      ? { region: `code = ${param}`, ccg: `region_code = ${param}` }
      : { region: `code = (SELECT region_code FROM ccg WHERE code = ${param})`, ccg: `code = ${param}` };
  const where = narrowed[by];
  return {
    needsCcg: area === 'region',
    filter: `\n      AND ${practices}`,
    groups: where ? `SELECT code::text, name FROM ${by} WHERE ${where}` : GROUPS[by].list,
  };
}

/** Practices in scope on D, in the words of @app/practices (the follow-up rule reads the same text). */
const IN_SCOPE = practiceInScope('p', '{D}');

/** The statement for one date, given as an SQL expression (a parameter, or a column of an outer query). */
function figuresOn(date: string, by: GroupBy, knownAt: boolean, areaKind: AreaKind, withLate = false): string {
  const group = GROUPS[by];
  const area = areaOf(areaKind, by, knownAt ? '$4::text' : '$3::text');
  const sql = `
WITH${withLate ? `\n  late AS (${LATE}),` : ''}
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
  scope AS (
    SELECT p.id, ${group.key} AS grp, sz.patients
    FROM practice p
    ${group.needsCcg || area.needsCcg ? 'JOIN ccg c ON c.code = p.ccg_code' : ''}
    LEFT JOIN size_on sz ON sz.practice_id = p.id
    WHERE ${IN_SCOPE}${area.filter}
  ),
  -- One pass over the practices in scope: each practice is one row, with its level in each service
  -- beside it (one join per service, by practice), counted into cells of group × the three levels
  -- (at most 4³ cells a group: few aggregates per practice, the rest is done on the cells). The
  -- practices and their list sizes are so read once per date, not once for the denominators and again
  -- for the numerators, and no join hashes practice × service rows (at ten times England those
  -- outgrow work_mem and spill). A practice with no level in a service (no event) has null there.
  cells AS (
    SELECT sc.grp, ${SERVICES.map((sv) => levelOf(sv, knownAt)).join(', ')},
           count(*) AS practices, sum(sc.patients) AS patients,
             count(*) FILTER (WHERE sc.patients IS NULL) AS without_list_size
    FROM scope sc${SERVICES.map(levelJoin).join('')}${knownAt ? LATE_JOIN : ''}
    GROUP BY sc.grp, ${SERVICES.join(', ')}
  ),
  -- Denominators and every service's numerators per group. A practice with no level in a service
  -- counts in the total and as neither capable nor enabled: "unknown" is what is left of the total.
  -- level >= 'capable' relies on the enum's order (not_capable < capable < enabled).
  per_group AS (
    SELECT grp,
           sum(practices)::bigint AS practices,
           coalesce(sum(patients), 0)::bigint AS patients,
           sum(without_list_size)::bigint AS without_list_size,${SERVICES.map(numerators).join(',')}
    FROM cells
    GROUP BY grp
  ),
  -- The same, one row per group and service.
  per_service AS (
    SELECT pg.grp, pg.practices, pg.patients, pg.without_list_size, v.*
    FROM per_group pg
    CROSS JOIN LATERAL (VALUES
      ${SERVICES.map(serviceRow).join(',\n      ')}
    ) v(service, known, capable, enabled, at_capable, at_enabled)
  ),
  groups AS (${area.groups}),
  -- Every group × service, zeros where nothing is in scope.
  figures AS (
    SELECT g.code, g.name, sv.service,
           coalesce(ps.practices, 0) AS practices_total,
           coalesce(ps.capable, 0) AS practices_capable,
           coalesce(ps.enabled, 0) AS practices_enabled,
           coalesce(ps.practices, 0) - coalesce(ps.known, 0) AS practices_unknown,
           coalesce(ps.patients, 0) AS patients_total,
           coalesce(ps.at_capable, 0) AS patients_at_capable,
           coalesce(ps.at_enabled, 0) AS patients_at_enabled,
           coalesce(ps.without_list_size, 0) AS practices_without_list_size
    FROM groups g
    CROSS JOIN unnest(enum_range(NULL::service)) sv(service)
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
