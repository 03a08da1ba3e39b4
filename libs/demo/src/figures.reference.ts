/**
 * Reference implementation of the figures of DESIGN.md ("Status history" and "Figures"), in memory and
 * written for clarity rather than speed. It checks the demo generator and serves as the oracle of property
 * tests of the SQL implementation, so it follows DESIGN.md to the letter:
 *
 * - practices in scope on D: open date ≤ D (or none) and (no close date, or close date > D);
 * - level of a service as of D: the event with the latest effective date ≤ D; ties go to the latest
 *   recorded-at, then the highest id, then (when neither is given) the later one in the input;
 *   known at K: only events recorded at or before K;
 * - no event: level unknown, counted in the total, neither capable nor enabled;
 * - list size on D: the latest list size effective ≤ D (ties: the later one in the input); none adds 0 and
 *   counts in practicesWithoutListSize;
 * - percentages: 100 × numerator / denominator, one decimal, half away from zero; null for a zero denominator.
 */
import { toDay } from '@app/domain';

export const SERVICES = ['appointments', 'prescriptions', 'records'] as const;
export type ServiceName = (typeof SERVICES)[number];
export const LEVELS = ['not_capable', 'capable', 'enabled'] as const;
export type LevelName = (typeof LEVELS)[number];

export interface FigurePractice {
  code: string;
  openedOn?: string | null;
  closedOn?: string | null;
}

export interface FigureListSize {
  practiceCode: string;
  effectiveDate: string;
  patients: number;
}

export interface FigureEvent {
  practiceCode: string;
  service: ServiceName;
  level: LevelName;
  effectiveDate: string;
  /** When the event was recorded (ISO timestamp with zone, or a Date). Needed for `knownAt`. */
  recordedAt?: string | Date | null;
  /** Database id: breaks ties of effective date and recorded-at (highest wins). */
  id?: number | bigint | null;
}

export interface FigureInput {
  practices: ReadonlyArray<FigurePractice>;
  listSizes: ReadonlyArray<FigureListSize>;
  events: ReadonlyArray<FigureEvent>;
}

export interface FigureOptions {
  /** Only events recorded at or before this instant count (DESIGN.md "Known at"). */
  knownAt?: string | Date | null;
  /** Services to compute; all three by default. */
  services?: ReadonlyArray<ServiceName>;
}

export interface ServiceFigures {
  service: ServiceName;
  date: string;
  practices: { total: number; capable: number; enabled: number; unknown: number };
  patients: { total: number; atCapable: number; atEnabled: number };
  practicesWithoutListSize: number;
  /** One decimal, half away from zero; null when the denominator is zero. */
  percentages: {
    practicesCapable: number | null;
    practicesEnabled: number | null;
    patientsAtCapable: number | null;
    patientsAtEnabled: number | null;
  };
}

export type LevelOrUnknown = LevelName | 'unknown';

// ------------------------------------------------------------------------------------------- rounding

/**
 * 100 × numerator / denominator rounded to `decimals` places, half away from zero, computed exactly in
 * integers (no floating-point surprise such as 1.005 → 1.00). Null when the denominator is zero.
 */
export function percent(numerator: number, denominator: number, decimals = 1): number | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new Error(`percent needs whole numbers, got ${numerator}/${denominator}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new Error(`bad decimals ${decimals}`);
  if (denominator === 0) return null;
  const negative = numerator < 0 !== denominator < 0 && numerator !== 0;
  const n = BigInt(Math.abs(numerator));
  const d = BigInt(Math.abs(denominator));
  const scale = 10n ** BigInt(decimals + 2); // 100 × 10^decimals
  // round(n × scale / d) with halves going up (away from zero, as the sign is applied afterwards)
  const scaled = (2n * n * scale + d) / (2n * d);
  const value = Number(scaled) / 10 ** decimals;
  return negative ? -value : value;
}

// ------------------------------------------------------------------------------------------- the rules

export function inScope(practice: FigurePractice, date: string): boolean {
  const d = toDay(date);
  const opened = practice.openedOn ? toDay(practice.openedOn) <= d : true;
  const notClosed = practice.closedOn ? toDay(practice.closedOn) > d : true;
  return opened && notClosed;
}

function instant(value: string | Date): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${String(value)}`);
  return ms;
}

interface IndexedEvent {
  day: number;
  recordedMs: number; // -Infinity when absent
  id: bigint | null;
  order: number;
  level: LevelName;
}

/** Whether a beats b for the same practice and service (later effective date, then recorded-at, id, order). */
function later(a: IndexedEvent, b: IndexedEvent): boolean {
  if (a.day !== b.day) return a.day > b.day;
  if (a.recordedMs !== b.recordedMs) return a.recordedMs > b.recordedMs;
  if (a.id !== null && b.id !== null && a.id !== b.id) return a.id > b.id;
  if (a.id !== null && b.id === null) return true;
  if (a.id === null && b.id !== null) return false;
  return a.order > b.order;
}

/**
 * Pre-indexes the input so that many dates can be computed cheaply. `knownAt` is applied here, once.
 */
export class FigureCalculator {
  private readonly events = new Map<string, IndexedEvent[]>();
  private readonly listSizes = new Map<string, Array<{ day: number; order: number; patients: number }>>();
  private readonly practiceDays = new WeakMap<FigurePractice, { open: number | null; close: number | null }>();

  constructor(
    private readonly input: FigureInput,
    knownAt?: string | Date | null,
  ) {
    const knownMs = knownAt === undefined || knownAt === null ? null : instant(knownAt);
    input.events.forEach((e, order) => {
      if (!(SERVICES as readonly string[]).includes(e.service)) throw new Error(`unknown service ${e.service}`);
      if (!(LEVELS as readonly string[]).includes(e.level)) throw new Error(`unknown level ${e.level}`);
      const recordedMs = e.recordedAt === undefined || e.recordedAt === null ? -Infinity : instant(e.recordedAt);
      if (knownMs !== null) {
        if (recordedMs === -Infinity) throw new Error('knownAt needs recordedAt on every event');
        if (recordedMs > knownMs) return;
      }
      const key = `${e.practiceCode}\u0000${e.service}`;
      const list = this.events.get(key) ?? [];
      list.push({
        day: toDay(e.effectiveDate),
        recordedMs,
        id: e.id === undefined || e.id === null ? null : BigInt(e.id),
        order,
        level: e.level,
      });
      this.events.set(key, list);
    });
    input.listSizes.forEach((l, order) => {
      if (!Number.isSafeInteger(l.patients) || l.patients < 0) throw new Error(`bad list size ${l.patients}`);
      const list = this.listSizes.get(l.practiceCode) ?? [];
      list.push({ day: toDay(l.effectiveDate), order, patients: l.patients });
      this.listSizes.set(l.practiceCode, list);
    });
  }

  levelAsOf(practiceCode: string, service: ServiceName, date: string): LevelOrUnknown {
    return this.levelOnDay(practiceCode, service, toDay(date));
  }

  private levelOnDay(practiceCode: string, service: ServiceName, day: number): LevelOrUnknown {
    let best: IndexedEvent | null = null;
    for (const e of this.events.get(`${practiceCode}\u0000${service}`) ?? []) {
      if (e.day <= day && (best === null || later(e, best))) best = e;
    }
    return best ? best.level : 'unknown';
  }

  /** The list size on D, or null when there is none. */
  listSizeOn(practiceCode: string, date: string): number | null {
    return this.listSizeOnDay(practiceCode, toDay(date));
  }

  private listSizeOnDay(practiceCode: string, day: number): number | null {
    let best: { day: number; order: number; patients: number } | null = null;
    for (const l of this.listSizes.get(practiceCode) ?? []) {
      if (l.day <= day && (best === null || l.day > best.day || (l.day === best.day && l.order > best.order))) best = l;
    }
    return best ? best.patients : null;
  }

  private inScopeOnDay(practice: FigurePractice, day: number): boolean {
    let days = this.practiceDays.get(practice);
    if (!days) {
      days = {
        open: practice.openedOn ? toDay(practice.openedOn) : null,
        close: practice.closedOn ? toDay(practice.closedOn) : null,
      };
      this.practiceDays.set(practice, days);
    }
    return (days.open === null || days.open <= day) && (days.close === null || days.close > day);
  }

  compute(
    date: string,
    services: ReadonlyArray<ServiceName> = SERVICES,
    filter?: (p: FigurePractice) => boolean,
  ): ServiceFigures[] {
    const day = toDay(date);
    const scope = this.input.practices.filter((p) => this.inScopeOnDay(p, day) && (!filter || filter(p)));
    const sizes = scope.map((p) => this.listSizeOnDay(p.code, day));
    const withoutListSize = sizes.filter((s) => s === null).length;
    return services.map((service) => {
      const f: ServiceFigures = {
        service,
        date,
        practices: { total: 0, capable: 0, enabled: 0, unknown: 0 },
        patients: { total: 0, atCapable: 0, atEnabled: 0 },
        practicesWithoutListSize: withoutListSize,
        percentages: {
          practicesCapable: null,
          practicesEnabled: null,
          patientsAtCapable: null,
          patientsAtEnabled: null,
        },
      };
      scope.forEach((p, i) => {
        const patients = sizes[i] ?? 0;
        const level = this.levelOnDay(p.code, service, day);
        f.practices.total += 1;
        f.patients.total += patients;
        if (level === 'unknown') f.practices.unknown += 1;
        if (level === 'capable' || level === 'enabled') {
          f.practices.capable += 1;
          f.patients.atCapable += patients;
        }
        if (level === 'enabled') {
          f.practices.enabled += 1;
          f.patients.atEnabled += patients;
        }
      });
      f.percentages = {
        practicesCapable: percent(f.practices.capable, f.practices.total),
        practicesEnabled: percent(f.practices.enabled, f.practices.total),
        patientsAtCapable: percent(f.patients.atCapable, f.patients.total),
        patientsAtEnabled: percent(f.patients.atEnabled, f.patients.total),
      };
      return f;
    });
  }

  /** The same figures within each group (region, CCG, supplier…); groups add up to the national figures. */
  computeBy(
    date: string,
    groupOf: (p: FigurePractice) => string,
    services: ReadonlyArray<ServiceName> = SERVICES,
  ): Map<string, ServiceFigures[]> {
    const day = toDay(date);
    const groups = [...new Set(this.input.practices.filter((p) => this.inScopeOnDay(p, day)).map(groupOf))].sort();
    return new Map(groups.map((g) => [g, this.compute(date, services, (p) => groupOf(p) === g)]));
  }
}

/** Figures for every service (or `options.services`) on `date`. */
export function computeFigures(input: FigureInput, date: string, options: FigureOptions = {}): ServiceFigures[] {
  return new FigureCalculator(input, options.knownAt).compute(date, options.services ?? SERVICES);
}

/** The figures of one service on `date`. */
export function computeServiceFigures(
  input: FigureInput,
  date: string,
  service: ServiceName,
  options: Omit<FigureOptions, 'services'> = {},
): ServiceFigures {
  return computeFigures(input, date, { ...options, services: [service] })[0];
}
