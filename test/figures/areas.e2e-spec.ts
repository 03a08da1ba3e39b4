import fc from 'fast-check';
import { monthEnd, Role, Service } from '@app/domain';
import { FiguresService, GroupFiguresDto, referenceFigures } from '@app/figures';
import { TestContext } from '../setup/test-context';
import { current, dayOf, loadWorld, only, previous, worldArb } from './figure-worlds';

/**
 * Figures of one region or CCG (regionCode, ccgCode on summary, breakdown and trend): the same statement
 * with the practices of the area alone. Property: on random worlds (two regions, three CCGs), an area's
 * summary equals its row of England's breakdown on both dates, its breakdown's rows equal England's rows
 * of the groups inside it, and its trend equals the reference implementation over the area's practices;
 * with and without knownAt. Then the HTTP edges: unknown codes, inconsistent codes, the area in the answer.
 */
describe('figures: a region or a CCG', () => {
  let ctx: TestContext;
  let figures: FiguresService;

  beforeAll(async () => {
    ctx = await TestContext.create();
    figures = ctx.app.get(FiguresService);
  });
  afterAll(() => ctx.close());

  const row = (groups: GroupFiguresDto[], code: string) => {
    const g = groups.find((x) => x.code === code)!;
    return { n: g.practicesWithoutListSize, now: current(g.services), before: previous(g.services) };
  };

  it("an area's figures equal its rows of England's breakdowns, and the reference (property)", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const data = await loadWorld(ctx, world);
        const asOf = dayOf(world.asOf);
        const k = world.knownAt;
        const byRegion = await figures.breakdown('region', asOf, k);
        const byCcg = await figures.breakdown('ccg', asOf, k);
        for (const [kind, code, national] of [
          ['regionCode', 'Y54', byRegion],
          ['regionCode', 'Y56', byRegion],
          ['ccgCode', '00C', byCcg],
          ['ccgCode', '07X', byCcg],
        ] as const) {
          const area = { [kind]: code };
          const summary = await figures.summary(asOf, k, area);
          expect({
            code,
            n: summary.practicesWithoutListSize,
            now: current(summary.services),
            before: previous(summary.services),
          }).toEqual({ code, ...row(national.groups, code) });

          // The area's trend (one service, month-ends around asOf) against the reference on its practices.
          const inArea = data.practices.filter((p) => (kind === 'regionCode' ? p.regionCode : p.ccgCode) === code);
          const month = Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1;
          const ym = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
          const service = [Service.Appointments, Service.Prescriptions, Service.Records][month % 3];
          const trend = await figures.trend(ym(month - 2), ym(month + 1), service, k, area);
          expect(trend.points.map((p) => ({ asOf: p.asOf, n: p.practicesWithoutListSize, ...only(p) }))).toEqual(
            trend.points.map((p) => {
              const ref = referenceFigures(inArea, data.listSizes, data.events, monthEnd(p.month), k);
              return { asOf: monthEnd(p.month), n: ref.practicesWithoutListSize, ...ref.services[service] };
            }),
          );
        }

        // Within Y54: its CCGs' rows are England's rows of those CCGs; by region, its own row alone.
        const ccgsOfY54 = await figures.breakdown('ccg', asOf, k, { regionCode: 'Y54' });
        expect(ccgsOfY54.groups.map((g) => g.code)).toEqual(['00C', '00D']);
        for (const g of ccgsOfY54.groups) expect(row(ccgsOfY54.groups, g.code)).toEqual(row(byCcg.groups, g.code));
        const regionOfY54 = await figures.breakdown('region', asOf, k, { regionCode: 'Y54' });
        expect(regionOfY54.groups.map((g) => [g.code, row(regionOfY54.groups, g.code)])).toEqual([
          ['Y54', row(byRegion.groups, 'Y54')],
        ]);
        // Clinical systems within a CCG add up to the CCG.
        const systems = await figures.breakdown('clinical-system', asOf, k, { ccgCode: '00D' });
        const total = systems.groups.reduce((n, g) => n + g.services.records.practices.total, 0);
        expect(total).toBe(byCcg.groups.find((g) => g.code === '00D')!.services.records.practices.total);
      }),
      { numRuns: 15 },
    );
  });

  describe('through HTTP', () => {
    beforeAll(async () => {
      await ctx.db.query(
        'TRUNCATE region, ccg, practice, list_size, status_event, status_span RESTART IDENTITY CASCADE',
      );
      await ctx.factories.region('Y55', 'Midlands and East of England');
      await ctx.factories.ccg('00C', 'Y54', 'NHS Darlington CCG');
      await ctx.factories.ccg('07X', 'Y56');
      await ctx.factories.practice({ ccgCode: '00C', regionCode: 'Y54', listSize: 5000, listSizeFrom: '2013-01-01' });
    });
    const api = () => ctx.api(Role.Manager);

    it("names the area in an area's answers, and leaves England's as they were", async () => {
      const england = (await api().get('/reports/summary?asOf=2014-09-30').expect(200)).body;
      expect(Object.keys(england)).toEqual(['asOf', 'knownAt', 'practicesWithoutListSize', 'previousYear', 'services']);
      const region = (await api().get('/reports/summary?asOf=2014-09-30&regionCode=y54').expect(200)).body;
      expect(region.area).toEqual({ regionCode: 'Y54', ccgCode: null, name: 'Region Y54' });
      const ccg = (await api().get('/reports/trend?from=2014-01&to=2014-02&service=records&ccgCode=00C').expect(200))
        .body;
      expect(ccg.area).toEqual({ regionCode: 'Y54', ccgCode: '00C', name: 'NHS Darlington CCG' });
      expect(ccg.points[0].patients.total).toBe(5000);
      const both = await api().get('/reports/breakdown?by=ccg&regionCode=Y54&ccgCode=00C').expect(200);
      expect(both.body.groups.map((g: GroupFiguresDto) => g.code)).toEqual(['00C']);
    });

    it('gives a region with no practice zeros, not an error', async () => {
      const res = await api().get('/reports/summary?asOf=2014-09-30&regionCode=Y55').expect(200);
      expect(res.body.services.records.practices.total).toBe(0);
      expect(res.body.services.records.practicesCapablePct).toBeNull();
    });

    it('answers 404 naming the field for an unknown region or CCG, 400 for a bad or inconsistent one', async () => {
      const problems = async (url: string, status: number) => (await api().get(url).expect(status)).body.problems;
      expect(await problems('/reports/summary?regionCode=Y99', 404)).toEqual([
        { field: 'regionCode', message: 'No region Y99' },
      ]);
      expect(await problems('/reports/trend?from=2014-01&to=2014-02&service=records&ccgCode=99Z', 404)).toEqual([
        { field: 'ccgCode', message: 'No CCG 99Z' },
      ]);
      expect((await problems('/reports/breakdown?by=ccg&regionCode=Y5', 400))[0].field).toBe('regionCode');
      expect((await problems('/reports/summary?ccgCode=00C&regionCode=Y56', 400))[0]).toEqual({
        field: 'ccgCode',
        message: 'CCG 00C is in region Y54, not Y56',
      });
      expect((await problems('/reports/breakdown?by=region&ccgCode=00C', 400))[0].field).toBe('by');
    });

    it("puts the area's name in the text and its code in the CSV file names", async () => {
      const text = await api().get('/reports/summary?asOf=2014-09-30&regionCode=Y54&format=text').expect(200);
      expect(text.text.split('\n')[0]).toBe('Progress in numbers in Region Y54 at end of September 2014:');
      const csv = await api().get('/reports/breakdown?by=ccg&asOf=2014-09-30&regionCode=Y54&format=csv').expect(200);
      expect(csv.headers['content-disposition']).toContain('figures-Y54-by-ccg-2014-09-30.csv');
      const trend = await api().get('/reports/trend?from=2014-01&to=2014-02&service=records&ccgCode=00C&format=csv');
      expect(trend.headers['content-disposition']).toContain('trend-00C-records-2014-01-2014-02.csv');
    });
  });
});
