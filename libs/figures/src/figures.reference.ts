/**
 * Reference implementation of DESIGN.md "Figures", in memory, written to be obviously right rather than
 * fast: the oracle of the property tests of the SQL (test/figures) and of the demo-data generator's tests.
 * Pure functions over plain arrays; dates are `YYYY-MM-DD` strings (which compare correctly as text).
 *
 * - Practices in scope on D: openedOn ≤ D (or none) and (closedOn none, or closedOn > D).
 * - Level of a service as of D: the event with the latest effectiveDate ≤ D; ties: latest recordedAt,
 *   then highest id. Known at K: only events with recordedAt ≤ K. No event: unknown (in the total,
 *   neither capable nor enabled).
 * - List size on D: the one with the latest effectiveDate ≤ D; none: adds 0, counted in
 *   practicesWithoutListSize. (List sizes keep no history of corrections, so knownAt does not apply to them.)
 * - Percentages: 100 × numerator / denominator, one decimal, half away from zero; null for a zero denominator.
 */
import { percent } from './percent';

export type RefService = 'appointments' | 'prescriptions' | 'records';
export type RefLevel = 'not_capable' | 'capable' | 'enabled';
export const REF_SERVICES: readonly RefService[] = ['appointments', 'prescriptions', 'records'];

export interface RefPractice {
  id: number;
  openedOn: string | null;
  closedOn: string | null;
  regionCode: string;
  ccgCode: string;
  clinicalSystem: string;
}

export interface RefListSize {
  practiceId: number;
  effectiveDate: string;
  patients: number;
}

export interface RefEvent {
  id: number | string | bigint;
  practiceId: number;
  service: RefService;
  level: RefLevel;
  effectiveDate: string;
  /** ISO 8601 with a zone (microseconds kept) or a Date. */
  recordedAt: string | Date;
}

export interface RefServiceFigures {
  practices: { total: number; capable: number; enabled: number; unknown: number };
  patients: { total: number; atCapable: number; atEnabled: number };
  practicesCapablePct: number | null;
  practicesEnabledPct: number | null;
  patientsAtCapablePct: number | null;
  patientsAtEnabledPct: number | null;
}

export interface RefFigures {
  practicesWithoutListSize: number;
  services: Record<RefService, RefServiceFigures>;
}

export type RefGroupBy = 'region' | 'ccg' | 'clinical-system';

/** The national figures of every service on `asOf`, optionally as known at `knownAt`. */
export function referenceFigures(
  practices: readonly RefPractice[],
  listSizes: readonly RefListSize[],
  events: readonly RefEvent[],
  asOf: string,
  knownAt?: string | Date | null,
): RefFigures {
  const known = knownAt === undefined || knownAt === null ? null : micros(knownAt);
  const inScope = practices.filter(
    (p) => (p.openedOn === null || p.openedOn <= asOf) && (p.closedOn === null || p.closedOn > asOf),
  );
  const size = (practiceId: number): number | null => {
    let best: RefListSize | null = null;
    for (const l of listSizes) {
      if (
        l.practiceId === practiceId &&
        l.effectiveDate <= asOf &&
        (best === null || l.effectiveDate >= best.effectiveDate)
      )
        best = l;
    }
    return best ? best.patients : null;
  };
  const level = (practiceId: number, service: RefService): RefLevel | 'unknown' => {
    let best: RefEvent | null = null;
    for (const e of events) {
      if (e.practiceId !== practiceId || e.service !== service || e.effectiveDate > asOf) continue;
      if (known !== null && micros(e.recordedAt) > known) continue;
      if (best === null || beats(e, best)) best = e;
    }
    return best ? best.level : 'unknown';
  };

  const sizes = new Map(inScope.map((p) => [p.id, size(p.id)]));
  const services = {} as Record<RefService, RefServiceFigures>;
  for (const service of REF_SERVICES) {
    const f = {
      practices: { total: 0, capable: 0, enabled: 0, unknown: 0 },
      patients: { total: 0, atCapable: 0, atEnabled: 0 },
    };
    for (const p of inScope) {
      const patients = sizes.get(p.id) ?? 0;
      const l = level(p.id, service);
      f.practices.total += 1;
      f.patients.total += patients;
      if (l === 'unknown') f.practices.unknown += 1;
      if (l === 'capable' || l === 'enabled') {
        f.practices.capable += 1;
        f.patients.atCapable += patients;
      }
      if (l === 'enabled') {
        f.practices.enabled += 1;
        f.patients.atEnabled += patients;
      }
    }
    services[service] = {
      ...f,
      practicesCapablePct: percent(f.practices.capable, f.practices.total),
      practicesEnabledPct: percent(f.practices.enabled, f.practices.total),
      patientsAtCapablePct: percent(f.patients.atCapable, f.patients.total),
      patientsAtEnabledPct: percent(f.patients.atEnabled, f.patients.total),
    };
  }
  return { practicesWithoutListSize: [...sizes.values()].filter((s) => s === null).length, services };
}

/** The same figures within each group that has a practice (in scope or not), keyed by group code. */
export function referenceBreakdown(
  by: RefGroupBy,
  practices: readonly RefPractice[],
  listSizes: readonly RefListSize[],
  events: readonly RefEvent[],
  asOf: string,
  knownAt?: string | Date | null,
): Map<string, RefFigures> {
  const groupOf = (p: RefPractice) => (by === 'region' ? p.regionCode : by === 'ccg' ? p.ccgCode : p.clinicalSystem);
  const codes = [...new Set(practices.map(groupOf))].sort();
  return new Map(
    codes.map((code) => [
      code,
      referenceFigures(
        practices.filter((p) => groupOf(p) === code),
        listSizes,
        events,
        asOf,
        knownAt,
      ),
    ]),
  );
}

/** Whether event a wins over b for the same effective date rule: later date, then later recorded, then higher id. */
function beats(a: RefEvent, b: RefEvent): boolean {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate > b.effectiveDate;
  const ra = micros(a.recordedAt);
  const rb = micros(b.recordedAt);
  if (ra !== rb) return ra > rb;
  return BigInt(a.id) > BigInt(b.id);
}

/** Microseconds since the epoch (PostgreSQL keeps microseconds; a JavaScript Date only milliseconds). */
export function micros(t: string | Date): bigint {
  if (t instanceof Date) return BigInt(t.getTime()) * 1000n;
  // Also PostgreSQL's text form: "2014-01-01 10:00:00.123456+00".
  const m = /^(.*T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,6}))?(Z|[+-]\d{2}(?::?\d{2})?)$/.exec(t.trim().replace(' ', 'T'));
  if (!m) throw new Error(`not an ISO timestamp with a zone: ${t}`);
  const zone = /^[+-]\d{2}$/.test(m[3]) ? `${m[3]}:00` : m[3];
  const ms = Date.parse(`${m[1]}${zone}`);
  if (Number.isNaN(ms)) throw new Error(`not an ISO timestamp with a zone: ${t}`);
  return BigInt(ms) * 1000n + BigInt((m[2] ?? '').padEnd(6, '0'));
}
