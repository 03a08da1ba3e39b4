import fc from 'fast-check';
import { ClinicalSystem, Level, minusOneYear, monthEnd, Service } from '@app/domain';
import {
  FiguresService,
  referenceFigures,
  RefEvent,
  RefListSize,
  RefPractice,
  ServiceFiguresDto,
  ServicesFiguresDto,
} from '@app/figures';
import { TestContext } from '../setup/test-context';

/**
 * Random worlds for the figures' property tests: practices (open and close dates, CCGs, suppliers),
 * list-size histories and back-dated status events with random recorded_at (ties included), and a
 * report date (29 February favoured) with an optional knownAt.
 */
const BASE = Date.UTC(2012, 0, 1);
export const dayOf = (n: number) => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);
/** Days since 2012-01-01 that deserve attention: 29 February 2012 and 2016, 28 February 2013–2015, month ends. */
const SPECIAL_DAYS = [59, 58, 424, 789, 1154, 1519, 1520, 1521, 1004, 1339];
export const dayArb = (max: number) =>
  fc.oneof(fc.integer({ min: 0, max }), fc.constantFrom(...SPECIAL_DAYS.filter((d) => d <= max)));

// A few recording moments, an hour apart, some a microsecond later: ties on recorded_at happen often,
// and knownAt can fall exactly on, or a microsecond before, a recording.
export const RECORDED = [
  '2016-06-01T10:00:00.000000Z',
  '2016-06-01T10:00:00.000001Z',
  '2016-06-01T11:00:00.000000Z',
  '2016-06-01T12:00:00.000000Z',
];
export const KNOWN_AT = [...RECORDED, '2016-06-01T09:59:59.999999Z', '2016-06-01T11:30:00+01:00'];

const CCGS = [
  { code: '00C', regionCode: 'Y54' },
  { code: '00D', regionCode: 'Y54' },
  { code: '07X', regionCode: 'Y56' },
];

/**
 * A world draws most of its dates from a few "days" of its own, so that events share effective dates
 * (ties decided by recorded_at, then id), and the report date often falls exactly on an open, close,
 * list-size or event date, or a year after one (the boundaries where > and >= differ).
 */
export const practiceArb = (days: number[]) => {
  const someDay = (max: number) => fc.oneof(fc.constantFrom(...days), dayArb(max));
  return fc.record({
    openedOn: fc.option(someDay(1400), { nil: null }),
    closedOn: fc.option(someDay(1650), { nil: null }),
    ccg: fc.constantFrom(...CCGS),
    clinicalSystem: fc.constantFrom(ClinicalSystem.EMIS, ClinicalSystem.TPP, ClinicalSystem.UNKNOWN),
    listSizes: fc.uniqueArray(fc.record({ day: someDay(1600), patients: fc.integer({ min: 0, max: 20_000 }) }), {
      selector: (l) => l.day,
      maxLength: 3,
    }),
    events: fc.array(
      fc.record({
        service: fc.constantFrom(...Object.values(Service)),
        level: fc.constantFrom(...Object.values(Level)),
        day: someDay(1600),
        recordedAt: fc.constantFrom(...RECORDED),
      }),
      { maxLength: 8 },
    ),
  });
};

export const worldArb = fc.uniqueArray(dayArb(1600), { minLength: 1, maxLength: 3 }).chain((days) =>
  fc.record({
    practices: fc.array(practiceArb(days), { maxLength: 7 }),
    asOf: fc.oneof(dayArb(1650), fc.constantFrom(...days), fc.constantFrom(...days.map((d) => d + 365))),
    knownAt: fc.option(fc.constantFrom(...KNOWN_AT), { nil: undefined }),
  }),
);

export type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

export const only = (f: ServiceFiguresDto) => ({
  practices: f.practices,
  patients: f.patients,
  practicesCapablePct: f.practicesCapablePct,
  practicesEnabledPct: f.practicesEnabledPct,
  patientsAtCapablePct: f.patientsAtCapablePct,
  patientsAtEnabledPct: f.patientsAtEnabledPct,
});
export const current = (services: ServicesFiguresDto) =>
  Object.fromEntries(Object.values(Service).map((s) => [s, only(services[s])]));
export const previous = (services: ServicesFiguresDto) =>
  Object.fromEntries(Object.values(Service).map((s) => [s, only(services[s].previousYear)]));
/** The practice arbitrary's value: one practice with its list sizes and events. */
export type WorldPractice = World['practices'][number];

/** Empties the figures' tables and writes a world through the factories (which keep list_size.valid_to and the spans as
 * the write path does). */
export async function loadWorld(ctx: TestContext, world: World): Promise<ReferenceData> {
  await ctx.db.query(
    'TRUNCATE region, ccg, area_team, practice, list_size, status_event, status_span RESTART IDENTITY CASCADE',
  );
  for (const c of CCGS) await ctx.factories.ccg(c.code, c.regionCode);
  for (const p of world.practices) await addPractice(ctx, p);
  return readBack(ctx);
}

export async function addPractice(ctx: TestContext, p: WorldPractice): Promise<number> {
  // A close date must follow the open date (a CHECK constraint): otherwise the practice stays open.
  const closedOn = p.closedOn !== null && (p.openedOn === null || p.closedOn > p.openedOn) ? dayOf(p.closedOn) : null;
  const { id } = await ctx.factories.practice({
    ccgCode: p.ccg.code,
    regionCode: p.ccg.regionCode,
    clinicalSystem: p.clinicalSystem,
    openedOn: p.openedOn === null ? null : dayOf(p.openedOn),
    closedOn,
  });
  for (const l of p.listSizes) await ctx.factories.listSize(id, dayOf(l.day), l.patients);
  for (const e of p.events)
    await ctx.factories.statusEvent(id, e.service, e.level, dayOf(e.day), { recordedAt: e.recordedAt });
  return id;
}

export interface ReferenceData {
  practices: RefPractice[];
  listSizes: RefListSize[];
  events: RefEvent[];
}

/** The figures' tables as the reference implementation sees them. */
export async function readBack(ctx: TestContext): Promise<ReferenceData> {
  const practices: RefPractice[] = await ctx.db.query(
    `SELECT p.id, p.opened_on::text AS "openedOn", p.closed_on::text AS "closedOn", c.region_code AS "regionCode",
            p.ccg_code AS "ccgCode", p.clinical_system::text AS "clinicalSystem"
     FROM practice p JOIN ccg c ON c.code = p.ccg_code`,
  );
  const listSizes: RefListSize[] = await ctx.db.query(
    `SELECT practice_id AS "practiceId", effective_date::text AS "effectiveDate", patients FROM list_size`,
  );
  const events: RefEvent[] = await ctx.db.query(
    `SELECT id::text AS id, practice_id AS "practiceId", service::text AS service, level::text AS level,
       effective_date::text AS "effectiveDate",
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "recordedAt"
     FROM status_event`,
  );
  return { practices, listSizes, events };
}

/**
 * The national summary on `asOf` (both years) and the records trend of seven month-ends around it (the
 * trend puts several dates in one statement) equal the reference implementation on `data`.
 */
export async function expectNationalFiguresMatch(
  figures: FiguresService,
  data: ReferenceData,
  asOf: string,
  knownAt?: string,
): Promise<void> {
  const ref = (date: string) => referenceFigures(data.practices, data.listSizes, data.events, date, knownAt);
  const summary = await figures.summary(asOf, knownAt);
  expect({ n: summary.practicesWithoutListSize, services: current(summary.services) }).toEqual({
    n: ref(asOf).practicesWithoutListSize,
    services: ref(asOf).services,
  });
  const before = ref(minusOneYear(asOf));
  expect({ n: summary.previousYear.practicesWithoutListSize, services: previous(summary.services) }).toEqual({
    n: before.practicesWithoutListSize,
    services: before.services,
  });

  const monthIndex = Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1;
  const ym = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  const trend = await figures.trend(ym(monthIndex - 3), ym(monthIndex + 3), Service.Records, knownAt);
  expect(trend.points.map((p) => ({ asOf: p.asOf, n: p.practicesWithoutListSize, ...only(p) }))).toEqual(
    trend.points.map((p) => ({
      asOf: monthEnd(p.month),
      n: ref(p.asOf).practicesWithoutListSize,
      ...ref(p.asOf).services.records,
    })),
  );
}
