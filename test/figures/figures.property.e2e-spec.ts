import fc from 'fast-check';
import { monthEnd, Service } from '@app/domain';
import {
  ComparedServiceFiguresDto,
  FiguresService,
  referenceBreakdown,
  referenceFigures,
  RefFigures,
  ServiceFiguresDto,
} from '@app/figures';
import { propertyChunks } from '../setup/property-runs';
import { stoppedAfterEach } from '../setup/stopped-after-each';
import { TestContext } from '../setup/test-context';
import { current, dayOf, expectNationalFiguresMatch, KNOWN_AT, loadWorld, only, worldArb } from './figure-worlds';

/**
 * Property: for random practices (open and close dates, CCGs, suppliers), list-size histories and
 * back-dated status events with random recorded_at (ties included), the SQL figures equal the in-memory
 * reference implementation of DESIGN.md, for random dates (29 February favoured) and random knownAt;
 * breakdowns add up to the national figures. Each case gets its own data in one database.
 */
const ZERO = {
  practices: { total: 0, capable: 0, enabled: 0, unknown: 0 },
  patients: { total: 0, atCapable: 0, atEnabled: 0 },
};
const zeroFigures = (): RefFigures => ({
  practicesWithoutListSize: 0,
  services: Object.fromEntries(
    Object.values(Service).map((s) => [
      s,
      {
        ...ZERO,
        practicesCapablePct: null,
        practicesEnabledPct: null,
        patientsAtCapablePct: null,
        patientsAtEnabledPct: null,
      },
    ]),
  ) as RefFigures['services'],
});

describe('figures: SQL equals the reference implementation (property)', () => {
  let ctx: TestContext;
  let figures: FiguresService;

  beforeAll(async () => {
    ctx = await TestContext.create();
    figures = ctx.app.get(FiguresService);
  });
  afterAll(() => ctx.close());
  const work = stoppedAfterEach();

  // 10 cases a test (6–13 s on a loaded 2-core machine); PROPERTY_RUNS runs more, in more tests.
  it.each(propertyChunks(10).map((runs, i) => ({ part: i + 1, runs })))(
    'summary, breakdowns and trend points match, with and without knownAt (part $part, $runs cases)',
    ({ runs }) => work.run((signal) => checkWorlds(runs, signal)),
  );

  async function checkWorlds(runs: number, signal: AbortSignal): Promise<void> {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        // Once the test is over (timed out), no case touches the database again.
        fc.pre(!signal.aborted);
        const { practices, listSizes, events } = await loadWorld(ctx, world);
        const asOf = dayOf(world.asOf);
        await expectNationalFiguresMatch(figures, { practices, listSizes, events }, asOf, world.knownAt);
        // The national figures the breakdowns must add up to (stored by the check above, when settled).
        const summary = await figures.summary(asOf, world.knownAt);

        for (const by of ['region', 'ccg', 'clinical-system'] as const) {
          fc.pre(!signal.aborted);
          const breakdown = await figures.breakdown(by, asOf, world.knownAt);
          const expected = referenceBreakdown(by, practices, listSizes, events, asOf, world.knownAt);
          for (const g of breakdown.groups) {
            const want = expected.get(g.code) ?? zeroFigures();
            expect({ by, code: g.code, n: g.practicesWithoutListSize, services: current(g.services) }).toEqual({
              by,
              code: g.code,
              n: want.practicesWithoutListSize,
              services: want.services,
            });
          }
          // The groups add up to the national numerators and denominators, on both dates.
          const points: Array<(f: ComparedServiceFiguresDto) => ServiceFiguresDto> = [(f) => f, (f) => f.previousYear];
          for (const s of Object.values(Service)) {
            for (const point of points) {
              const total = { practices: { ...ZERO.practices }, patients: { ...ZERO.patients } };
              for (const g of breakdown.groups) {
                const f = point(g.services[s]);
                for (const k of Object.keys(total.practices) as Array<keyof typeof total.practices>)
                  total.practices[k] += f.practices[k];
                for (const k of Object.keys(total.patients) as Array<keyof typeof total.patients>)
                  total.patients[k] += f.patients[k];
              }
              const national = point(summary.services[s]);
              expect({ by, s, ...total }).toEqual({
                by,
                s,
                practices: national.practices,
                patients: national.patients,
              });
            }
          }
        }
      }),
      { numRuns: runs },
    );
  }

  /**
   * Known-at trends start from today's spans and rank events only where something recorded after K is
   * effective by the month-end (figures.sql.ts): every service's trend over 13 month-ends (three
   * statements at once, as the API runs them), for every knownAt of the worlds, against the reference.
   */
  it.each(propertyChunks(8).map((runs, i) => ({ part: i + 1, runs })))(
    'known-at trends of every service match, month by month (part $part, $runs cases)',
    ({ runs }) => work.run((signal) => checkKnownAtTrends(runs, signal)),
  );

  async function checkKnownAtTrends(runs: number, signal: AbortSignal): Promise<void> {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.constantFrom(...KNOWN_AT), async (world, knownAt) => {
        fc.pre(!signal.aborted);
        const { practices, listSizes, events } = await loadWorld(ctx, world);
        const month = Number(dayOf(world.asOf).slice(0, 4)) * 12 + Number(dayOf(world.asOf).slice(5, 7)) - 1;
        const ym = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
        for (const service of Object.values(Service)) {
          fc.pre(!signal.aborted);
          const trend = await figures.trend(ym(month - 6), ym(month + 6), service, knownAt);
          expect(trend.points.map((p) => ({ asOf: p.asOf, n: p.practicesWithoutListSize, ...only(p) }))).toEqual(
            trend.points.map((p) => {
              const ref = referenceFigures(practices, listSizes, events, monthEnd(p.month), knownAt);
              return { asOf: monthEnd(p.month), n: ref.practicesWithoutListSize, ...ref.services[service] };
            }),
          );
        }
      }),
      { numRuns: runs },
    );
  }
});
