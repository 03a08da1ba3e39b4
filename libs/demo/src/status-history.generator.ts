/**
 * Generates the demo's Patient Online status history: which practice could offer (capable) and offered
 * (enabled) online appointments, repeat prescriptions and record access, and from when.
 *
 * The history per practice is invented, but the national figures computed from it with DESIGN.md's
 * definitions are the published ones, by construction:
 *
 * 1. Each service has a fixed adoption order of the practices: a score mixing a practice-wide keenness
 *    (shared by the three services), a per-service draw, the practice's size (bigger practices earlier)
 *    and its clinical system (EMIS/TPP earlier, small suppliers later), all from a fixed-seed PRNG.
 * 2. At each checkpoint of the schedule (2013-01-01 … 2015-06-30) the sets of enabled and of capable
 *    practices are chosen among the practices in scope on that date: everything enabled (capable) at the
 *    previous checkpoint stays so (except a few deliberate regressions), then practices are added in
 *    adoption order until the target share (of practices or of patients, list sizes as of that date) is
 *    reached to one decimal place; a final pass fills the last gap with smaller practices, so a patient
 *    share lands within a few hundredths of a per cent of its target. The achieved shares are checked
 *    (one decimal) before returning; a miss throws.
 * 3. Between two checkpoints, every change is given an effective date inside that interval (one event per
 *    level step), so the level as of each checkpoint is exactly the chosen one, and the month-end figures in
 *    between progress smoothly. Events never precede the practice's open date nor 2013-01-01, never follow
 *    2015-06-30 or the practice's closing, and a practice-service never has two events on the same date.
 *
 * Same inputs and seed → same events, in the same order.
 */
import { fromDay, monthEnds, toDay } from '@app/domain';
import { FigureCalculator, LEVELS, LevelName, SERVICES, ServiceName, percent } from './figures.reference';
import { normal, streamFor } from './prng';

export const DEFAULT_SEED = 20140930;
export const HISTORY_START = '2013-01-01';
export const HISTORY_END = '2015-06-30';

export interface GeneratorPractice {
  code: string;
  openedOn?: string | null;
  closedOn?: string | null;
  /** Clinical system (EMIS, TPP, INPS, MICROTEST, OTHER, UNKNOWN); optional, shapes who adopts first. */
  supplier?: string | null;
}

export interface GeneratorListSize {
  practiceCode: string;
  effectiveDate: string;
  patients: number;
}

export interface GeneratedEvent {
  practiceCode: string;
  service: ServiceName;
  level: LevelName;
  effectiveDate: string;
}

/** A share in per cent (one decimal at most) of practices in scope, or of their patients. */
export interface ShareTarget {
  by: 'practices' | 'patients';
  percent: number;
}

export interface ServiceCheckpoint {
  capable: ShareTarget;
  enabled: ShareTarget;
  /** Share (0–1) of the practices enabled at the previous checkpoint that drop back to capable. */
  regress?: number;
  /** >1 bunches this interval's changes towards its end (e.g. before a contractual deadline). */
  lateness?: number;
}

export interface Checkpoint {
  date: string;
  services: Record<ServiceName, ServiceCheckpoint>;
}

const prac = (p: number): ShareTarget => ({ by: 'practices', percent: p });
const pat = (p: number): ShareTarget => ({ by: 'patients', percent: p });

/**
 * The published figures (NHS England, 2013–2015) and plausible in-between points. The mandatory ones:
 * 2013-09-30 patients at enabled practices 64 / 64 / 2 %; 2014-09-30 practices capable 99 / 98 / 84 % and
 * patients at enabled practices 91 / 88 / 21 %; 2015-03-31 practices enabled 98.7 / 97.4 / 96.8 %.
 */
export const DEFAULT_SCHEDULE: ReadonlyArray<Checkpoint> = [
  {
    date: '2013-01-01',
    services: {
      appointments: { capable: prac(90), enabled: prac(52) },
      prescriptions: { capable: prac(88), enabled: prac(51) },
      records: { capable: prac(30), enabled: prac(0.5) },
    },
  },
  {
    date: '2013-09-30',
    services: {
      appointments: { capable: prac(94), enabled: pat(64) },
      prescriptions: { capable: prac(92), enabled: pat(64) },
      records: { capable: prac(50), enabled: pat(2) },
    },
  },
  {
    date: '2014-03-31',
    services: {
      appointments: { capable: prac(97), enabled: pat(79), regress: 0.003 },
      prescriptions: { capable: prac(95.5), enabled: pat(77), regress: 0.003 },
      records: { capable: prac(70), enabled: pat(8) },
    },
  },
  {
    date: '2014-09-30',
    services: {
      appointments: { capable: prac(99), enabled: pat(91) },
      prescriptions: { capable: prac(98), enabled: pat(88) },
      records: { capable: prac(84), enabled: pat(21) },
    },
  },
  {
    date: '2014-12-31',
    services: {
      appointments: { capable: prac(99.4), enabled: prac(95) },
      prescriptions: { capable: prac(98.8), enabled: prac(93) },
      records: { capable: prac(93), enabled: prac(55), lateness: 1.5 },
    },
  },
  {
    date: '2015-03-31',
    services: {
      appointments: { capable: prac(99.7), enabled: prac(98.7) },
      prescriptions: { capable: prac(99.3), enabled: prac(97.4) },
      records: { capable: prac(98.5), enabled: prac(96.8), lateness: 2 },
    },
  },
  {
    date: '2015-06-30',
    services: {
      appointments: { capable: prac(99.8), enabled: prac(98.9), regress: 0.002 },
      prescriptions: { capable: prac(99.5), enabled: prac(97.7), regress: 0.002 },
      records: { capable: prac(98.9), enabled: prac(97.2), regress: 0.002 },
    },
  },
];

/** Chance, per practice-service and interval, of a short lapse (enabled → capable → enabled). */
const TRANSIENT_LAPSE = 0.001;
/** How soon after opening a new practice reports its first status (days, at most). */
const FIRST_REPORT_WITHIN_DAYS = 45;

const SUPPLIER_EFFECT: Record<ServiceName, Record<string, number>> = {
  appointments: { EMIS: 0.3, TPP: 0.3, INPS: 0, MICROTEST: -0.9, OTHER: -1.3 },
  prescriptions: { EMIS: 0.3, TPP: 0.3, INPS: -0.1, MICROTEST: -0.9, OTHER: -1.3 },
  records: { EMIS: 0.6, TPP: 0.4, INPS: -0.7, MICROTEST: -1.3, OTHER: -1.6 },
};

interface PracticeState {
  code: string;
  openDay: number | null;
  closeDay: number | null;
  supplier: string;
  /** mean of its list sizes, for the adoption score */
  meanPatients: number;
}

/** Whole-number target count of practices whose one-decimal percentage equals `pct`, nearest to it. */
function practicesForPercent(pct: number, total: number): number {
  const n = Math.round((pct * total) / 100);
  for (const candidate of [n, n - 1, n + 1, n - 2, n + 2]) {
    if (candidate >= 0 && candidate <= total && percent(candidate, total, 1) === pct) return candidate;
  }
  return Math.max(0, Math.min(total, n));
}

export function generateStatusHistory(
  practices: ReadonlyArray<GeneratorPractice>,
  listSizes: ReadonlyArray<GeneratorListSize>,
  seed: number = DEFAULT_SEED,
  schedule: ReadonlyArray<Checkpoint> = DEFAULT_SCHEDULE,
): GeneratedEvent[] {
  validateSchedule(schedule);
  const seen = new Set<string>();
  for (const p of practices) {
    if (seen.has(p.code)) throw new Error(`duplicate practice ${p.code}`);
    seen.add(p.code);
  }
  const sorted = [...practices].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const calc = new FigureCalculator({ practices: sorted, listSizes, events: [] });

  const sizeTotals = new Map<string, { sum: number; n: number }>();
  for (const l of listSizes) {
    if (l.patients <= 0) continue;
    const t = sizeTotals.get(l.practiceCode) ?? { sum: 0, n: 0 };
    t.sum += l.patients;
    t.n += 1;
    sizeTotals.set(l.practiceCode, t);
  }
  const states: PracticeState[] = sorted.map((p) => {
    const t = sizeTotals.get(p.code);
    return {
      code: p.code,
      openDay: p.openedOn ? toDay(p.openedOn) : null,
      closeDay: p.closedOn ? toDay(p.closedOn) : null,
      supplier: (p.supplier ?? 'UNKNOWN').toUpperCase(),
      meanPatients: t ? t.sum / t.n : 0,
    };
  });
  const checkpointDays = schedule.map((c) => toDay(c.date));
  const inScopeAt = (s: PracticeState, day: number) =>
    (s.openDay === null || s.openDay <= day) && (s.closeDay === null || s.closeDay > day);
  /** practice index → list size on each checkpoint (0 when none) */
  const sizeAt = schedule.map((c) => sorted.map((p) => calc.listSizeOn(p.code, c.date) ?? 0));
  const scopeAt = checkpointDays.map((day) => states.map((s, i) => (inScopeAt(s, day) ? i : -1)).filter((i) => i >= 0));

  // 1. adoption order per service
  const keenness = states.map((s) => normal(streamFor(seed, 'keenness', s.code)));
  const orderOf = new Map<ServiceName, number[]>();
  for (const service of SERVICES) {
    const score = states.map((s, i) => {
      const own = normal(streamFor(seed, 'adoption', service, s.code));
      const size = Math.log(Math.max(s.meanPatients, 500) / 6500);
      return 0.8 * keenness[i] + 0.6 * own + 0.5 * size + (SUPPLIER_EFFECT[service][s.supplier] ?? 0);
    });
    const order = states.map((_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
    orderOf.set(service, order);
  }

  // 2. the level of every practice in scope at every checkpoint
  /** service → checkpoint → practice index → level (undefined: not in scope) */
  const levels = new Map<ServiceName, Array<Array<LevelName | undefined>>>();
  for (const service of SERVICES) {
    const order = orderOf.get(service)!;
    const perCheckpoint: Array<Array<LevelName | undefined>> = [];
    let prevEnabled = new Set<number>();
    let prevCapable = new Set<number>();
    schedule.forEach((checkpoint, k) => {
      const target = checkpoint.services[service];
      const scope = scopeAt[k];
      const inScope = new Set(scope);
      const size = sizeAt[k];
      const scopeOrder = order.filter((i) => inScope.has(i));

      const regressed = new Set<number>();
      if (target.regress) {
        for (const i of prevEnabled) {
          if (inScope.has(i) && streamFor(seed, 'regress', service, checkpoint.date, states[i].code)() < target.regress)
            regressed.add(i);
        }
      }
      const enabled = new Set([...prevEnabled].filter((i) => inScope.has(i) && !regressed.has(i)));
      fillToTarget(
        enabled,
        new Set(),
        regressed,
        target.enabled,
        scopeOrder,
        size,
        `${service} enabled on ${checkpoint.date}`,
      );
      const capable = new Set([...prevCapable].filter((i) => inScope.has(i)));
      for (const i of enabled) capable.add(i);
      for (const i of regressed) capable.add(i); // a lapse from enabled goes back to capable
      fillToTarget(
        capable,
        enabled,
        new Set(),
        target.capable,
        scopeOrder,
        size,
        `${service} capable on ${checkpoint.date}`,
      );

      const row: Array<LevelName | undefined> = new Array<LevelName | undefined>(states.length).fill(undefined);
      for (const i of scope) row[i] = enabled.has(i) ? 'enabled' : capable.has(i) ? 'capable' : 'not_capable';
      perCheckpoint.push(row);
      prevEnabled = enabled;
      prevCapable = capable;
    });
    levels.set(service, perCheckpoint);
  }

  // 3. events
  const events: GeneratedEvent[] = [];
  const rank = (l: LevelName) => LEVELS.indexOf(l);
  states.forEach((s, i) => {
    for (const service of SERVICES) {
      const rnd = streamFor(seed, 'dates', service, s.code);
      const perCheckpoint = levels.get(service)!;
      let current: LevelName | undefined;
      const emit = (level: LevelName, day: number) => {
        events.push({ practiceCode: s.code, service, level, effectiveDate: fromDay(day) });
        current = level;
      };
      schedule.forEach((checkpoint, k) => {
        const level = perCheckpoint[k][i];
        if (level === undefined) return;
        const hi = checkpointDays[k];
        const lateness = checkpoint.services[service].lateness ?? 1;
        if (current === undefined) {
          // First report: on the first day of the history, or soon after the practice opened.
          if (k === 0) return emit(level, hi);
          const lo = Math.max(s.openDay ?? checkpointDays[0], checkpointDays[k - 1] + 1);
          return emit(level, lo + Math.floor(rnd() * Math.min(hi - lo + 1, FIRST_REPORT_WITHIN_DAYS)));
        }
        const lo = checkpointDays[k - 1] + 1;
        if (level === current) {
          if (level === 'enabled' && hi - lo >= 1 && rnd() < TRANSIENT_LAPSE) {
            const [d1, d2] = twoDays(rnd, lo, hi, 1);
            emit('capable', d1);
            emit('enabled', d2);
          }
          return;
        }
        if (rank(level) - rank(current) === 2 && hi - lo >= 1) {
          const [d1, d2] = twoDays(rnd, lo, hi, lateness);
          emit('capable', d1);
          emit('enabled', d2);
          return;
        }
        emit(level, oneDay(rnd, lo, hi, lateness));
      });
    }
  });
  events.sort(
    (a, b) =>
      (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0) ||
      (a.practiceCode < b.practiceCode ? -1 : a.practiceCode > b.practiceCode ? 1 : 0) ||
      SERVICES.indexOf(a.service) - SERVICES.indexOf(b.service),
  );
  return events;
}

/** A day in [lo, hi]; lateness > 1 makes later days likelier. */
function oneDay(rnd: () => number, lo: number, hi: number, lateness: number): number {
  const u = Math.pow(rnd(), 1 / lateness);
  return lo + Math.min(hi - lo, Math.floor(u * (hi - lo + 1)));
}

/** Two different days in [lo, hi] (hi > lo), in order. */
function twoDays(rnd: () => number, lo: number, hi: number, lateness: number): [number, number] {
  let a = oneDay(rnd, lo, hi, lateness);
  let b = oneDay(rnd, lo, hi, lateness);
  if (a > b) [a, b] = [b, a];
  if (a === b) {
    if (b < hi) b += 1;
    else a -= 1;
  }
  return [a, b];
}

/**
 * Adds practices to `set` in `order` (or removes the latest-ordered ones not in `keep`) until the share
 * of practices or patients reaches `target` to one decimal. `exclude` are never added.
 */
function fillToTarget(
  set: Set<number>,
  keep: Set<number>,
  exclude: Set<number>,
  target: ShareTarget,
  order: number[],
  size: number[],
  what: string,
): void {
  const shareOf = (s: Set<number>) =>
    target.by === 'practices'
      ? percent(s.size, order.length, 1)
      : percent(
          [...s].reduce((a, i) => a + size[i], 0),
          order.reduce((a, i) => a + size[i], 0),
          1,
        );
  if (target.by === 'practices') {
    const n = practicesForPercent(target.percent, order.length);
    for (const i of order) {
      if (set.size >= n) break;
      if (!set.has(i) && !exclude.has(i)) set.add(i);
    }
    for (let j = order.length - 1; j >= 0 && set.size > n; j--) {
      if (!keep.has(order[j])) set.delete(order[j]);
    }
  } else {
    const total = order.reduce((a, i) => a + size[i], 0);
    const goal = (target.percent / 100) * total;
    const tolerance = 0.00004 * total; // 0.004 percentage points
    let sum = [...set].reduce((a, i) => a + size[i], 0);
    if (sum <= goal) {
      // in adoption order while the next practice fits, then only smaller ones that fit, until close enough
      let j = 0;
      for (; j < order.length; j++) {
        const i = order[j];
        if (set.has(i) || exclude.has(i)) continue;
        if (sum + size[i] > goal) break;
        set.add(i);
        sum += size[i];
      }
      for (; j < order.length && goal - sum > tolerance; j++) {
        const i = order[j];
        if (set.has(i) || exclude.has(i) || size[i] === 0) continue;
        if (sum + size[i] <= goal) {
          set.add(i);
          sum += size[i];
        }
      }
    } else {
      for (let j = order.length - 1; j >= 0 && sum > goal; j--) {
        const i = order[j];
        if (!set.has(i) || keep.has(i)) continue;
        if (sum - size[i] >= goal - tolerance) {
          set.delete(i);
          sum -= size[i];
        }
      }
    }
  }
  const achieved = shareOf(set);
  if (achieved !== Math.round(target.percent * 10) / 10) {
    throw new Error(`cannot reach ${target.percent}% of ${target.by} for ${what}: got ${achieved}%`);
  }
}

function validateSchedule(schedule: ReadonlyArray<Checkpoint>): void {
  if (schedule.length === 0) throw new Error('empty schedule');
  if (schedule[0].date !== HISTORY_START) throw new Error(`the schedule must start on ${HISTORY_START}`);
  schedule.forEach((c, k) => {
    if (k > 0 && toDay(c.date) <= toDay(schedule[k - 1].date)) throw new Error('checkpoints must be in date order');
    if (toDay(c.date) > toDay(HISTORY_END)) throw new Error(`checkpoint ${c.date} after ${HISTORY_END}`);
    for (const service of SERVICES) {
      const t = c.services[service];
      if (!t) throw new Error(`checkpoint ${c.date} lacks ${service}`);
      for (const share of [t.capable, t.enabled]) {
        if (!(share.percent >= 0 && share.percent <= 100)) throw new Error(`bad share ${share.percent}`);
      }
    }
  });
}

// ------------------------------------------------------------------------------------------- barriers

export const BARRIER_CATEGORIES = [
  'system_not_capable',
  'awaiting_supplier',
  'staff_capacity',
  'identity_verification',
  'clinical_safety',
  'information_governance',
  'record_redaction',
  'training_needed',
  'low_patient_demand',
  'practice_policy',
  'other',
] as const;
export type BarrierCategory = (typeof BARRIER_CATEGORIES)[number];

export interface DemoBarrier {
  practiceCode: string;
  service: ServiceName;
  category: BarrierCategory;
  detail: string;
}

const SERVICE_WORDS: Record<ServiceName, string> = {
  appointments: 'online appointment booking',
  prescriptions: 'online repeat prescriptions',
  records: 'online record access',
};

const DETAILS: Record<BarrierCategory, (s: string) => string> = {
  system_not_capable: (s) => `Current clinical system version does not support ${s}.`,
  awaiting_supplier: (s) => `Upgrade needed for ${s} is booked with the supplier; waiting for a date.`,
  staff_capacity: (s) => `Reception team short-staffed; no one free to set up ${s} this quarter.`,
  identity_verification: (s) => `Unsure how to check patients' identity before giving ${s}.`,
  clinical_safety: (s) => `GPs worried about patients seeing results before a clinician has discussed them (${s}).`,
  information_governance: (s) => `Waiting for CCG information governance advice before switching on ${s}.`,
  record_redaction: (s) => `Third-party information in older records must be reviewed before ${s}.`,
  training_needed: (s) => `Staff need training on the ${s} settings before go-live.`,
  low_patient_demand: (s) => `Few patients have asked for ${s}; not a priority for the partners.`,
  practice_policy: (s) => `Partners decided to wait for the practice merger before offering ${s}.`,
  other: (s) => `Practice is moving premises; will revisit ${s} after the move.`,
};

const CAPABLE_CATEGORIES: BarrierCategory[] = [
  'staff_capacity',
  'identity_verification',
  'clinical_safety',
  'information_governance',
  'training_needed',
  'low_patient_demand',
  'practice_policy',
  'other',
];

/**
 * A handful of follow-up barriers for the demo: practices in scope on `asOf` that do not offer a service
 * yet (level below enabled, records first), each with a barrier whose category suits the level
 * (not capable → system or supplier; capable → the practice's own reasons).
 */
export function generateDemoBarriers(
  practices: ReadonlyArray<GeneratorPractice>,
  events: ReadonlyArray<GeneratedEvent>,
  asOf: string = '2015-03-31',
  seed: number = DEFAULT_SEED,
  count = 12,
): DemoBarrier[] {
  const calc = new FigureCalculator({ practices, listSizes: [], events });
  const candidates: Array<{ code: string; service: ServiceName; level: LevelName; key: number }> = [];
  for (const p of practices) {
    if (!((!p.openedOn || p.openedOn <= asOf) && (!p.closedOn || p.closedOn > asOf))) continue;
    for (const service of ['records', 'prescriptions', 'appointments'] as const) {
      const level = calc.levelAsOf(p.code, service, asOf);
      if (level === 'not_capable' || level === 'capable') {
        candidates.push({ code: p.code, service, level, key: streamFor(seed, 'barrier', service, p.code)() });
      }
    }
  }
  candidates.sort((a, b) => a.key - b.key || (a.code < b.code ? -1 : 1));
  const chosen: DemoBarrier[] = [];
  const usedPractices = new Set<string>();
  for (const c of candidates) {
    if (chosen.length >= count) break;
    if (usedPractices.has(c.code)) continue;
    usedPractices.add(c.code);
    const rnd = streamFor(seed, 'barrier-category', c.service, c.code);
    let category: BarrierCategory;
    if (c.level === 'not_capable') {
      category = rnd() < 0.5 ? 'system_not_capable' : 'awaiting_supplier';
    } else {
      const pool = c.service === 'records' ? [...CAPABLE_CATEGORIES, 'record_redaction' as const] : CAPABLE_CATEGORIES;
      category = pool[Math.floor(rnd() * pool.length)];
    }
    chosen.push({
      practiceCode: c.code,
      service: c.service,
      category,
      detail: DETAILS[category](SERVICE_WORDS[c.service]),
    });
  }
  return chosen;
}

/** Month-end dates of the generated history (handy for charts and snapshot seeding). */
export function historyMonthEnds(): string[] {
  return monthEnds(HISTORY_START, HISTORY_END);
}
