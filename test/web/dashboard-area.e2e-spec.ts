/// <reference lib="dom" />
import { Level, Role, Service } from '@app/domain';
import { TestContext } from '../setup/test-context';
import { axeViolations, tableCell } from './browser';
import {
  areaHeading,
  headlineOf,
  headlineShown,
  MIDLANDS,
  NORTH,
  northManagerSuite,
  type PracticePlan,
  seedPractices,
  sharedPractices,
  SERVICES,
} from './dashboard';

jest.setTimeout(120_000);

/**
 * The dashboard's area (England or a region, in the URL as `area`) and its "Still to go" panel, in
 * Debian's Chromium against the real API: two regions whose figures differ, read from the page's tables.
 */
describe('dashboard area and outlook in a browser', () => {
  const { suite, test, signInAt } = northManagerSuite((ctx) => seedTwoRegions(ctx, NORTH, MIDLANDS), {
    email: 'north.manager@test.invalid',
    name: 'Nora North',
  });
  const OUTLOOK = 'Practices still to go at the end of September 2014';
  const query = (regionCode?: string) => `asOf=2014-09-30${regionCode ? `&regionCode=${regionCode}` : ''}`;

  /** The page names the area, and each headline figure equals the API's summary of that area. */
  const expectHeadlineOf = async (name: string, regionCode?: string) => {
    await areaHeading(suite.page, name).waitFor();
    const summary = (
      await suite.ctx
        .api(Role.Manager)
        .get(`/reports/summary?${query(regionCode)}`)
        .expect(200)
    ).body;
    expect(await headlineShown(suite.page)).toEqual(headlineOf(summary));
    return summary;
  };

  test('a regional user lands on their region: heading, select and figures are the region’s', async () => {
    await signInAt('/?asOf=2014-09-30');
    const north = await expectHeadlineOf(NORTH[1], NORTH[0]);
    expect(north.area).toEqual({ regionCode: NORTH[0], ccgCode: null, name: NORTH[1] });
    expect(await suite.page.getByLabel('Area').inputValue()).toBe(NORTH[0]);
    // The landing keeps the link as it was: only a choice goes into the URL.
    expect(new URL(suite.page.url()).search).toBe('?asOf=2014-09-30');
    // The region's figures are not England's (the seed makes them differ).
    const england = (await suite.ctx.api(Role.Manager).get(`/reports/summary?${query()}`).expect(200)).body;
    expect(england.services.records.practicesCapablePct).not.toBe(north.services.records.practicesCapablePct);
    expect(await suite.page.title()).toMatch(new RegExp(`${NORTH[1]}, September 2014`));
    expect(await axeViolations(suite.page)).toEqual([]);
  });

  test('switching area updates the URL and the figures; Back, Forward and a reload keep it', async () => {
    await signInAt('/?asOf=2014-09-30');
    await expectHeadlineOf(NORTH[1], NORTH[0]);

    await suite.page.getByLabel('Area').selectOption({ label: 'England' });
    await expectHeadlineOf('England');
    expect(new URL(suite.page.url()).searchParams.get('area')).toBe('england');

    await suite.page.getByLabel('Area').selectOption({ label: MIDLANDS[1] });
    await expectHeadlineOf(MIDLANDS[1], MIDLANDS[0]);
    expect(new URL(suite.page.url()).search).toBe(`?asOf=2014-09-30&area=${MIDLANDS[0]}`);

    await suite.page.goBack();
    await expectHeadlineOf('England');
    expect(await suite.page.getByLabel('Area').inputValue()).toBe('england');
    await suite.page.goBack();
    await expectHeadlineOf(NORTH[1], NORTH[0]);
    await suite.page.goForward();
    await expectHeadlineOf('England');

    // England chosen by a regional user stays England on a reload (the choice is in the link).
    await suite.page.reload();
    await expectHeadlineOf('England');
  });

  test('the "Still to go" table shows the API’s outlook for the date and area', async () => {
    const projections: (string | null)[] = [];
    for (const [area, name, regionCode] of [
      [NORTH[0], NORTH[1], NORTH[0]],
      ['england', 'England', undefined],
      [MIDLANDS[0], MIDLANDS[1], MIDLANDS[0]],
    ] as const) {
      if (area === NORTH[0]) await signInAt(`/?asOf=2014-09-30&area=${area}`);
      else await suite.page.getByLabel('Area').selectOption({ label: name });
      await areaHeading(suite.page, name).waitFor();
      await suite.page.getByRole('table', { name: OUTLOOK }).waitFor();
      const outlook = (
        await suite.ctx
          .api(Role.Manager)
          .get(`/reports/outlook?${query(regionCode)}`)
          .expect(200)
      ).body;
      for (const [label, service] of SERVICES) {
        const s = outlook.services[service];
        projections.push(s.projectedMonth);
        const cell = (column: string) => tableCell(suite.page, OUTLOOK, label, column);
        expect({
          inScope: await cell('Practices in scope'),
          offering: await cell('Offering'),
          stillToGo: await cell('Still to go'),
          pace: await cell('Net pace per month, last six months'),
          projected: await cell('Every practice offering by'),
        }).toEqual({
          inScope: s.inScope.toLocaleString('en-GB'),
          offering: s.offering.toLocaleString('en-GB'),
          stillToGo: s.stillToGo.toLocaleString('en-GB'),
          pace: `${s.pacePerMonth < 0 ? '−' : ''}${Math.abs(s.pacePerMonth).toFixed(1)}`,
          projected: s.projectedMonth ? monthYear(s.projectedMonth) : s.reason,
        });
      }
    }
    // The seed gives both kinds of answer: a projected month, and none (no pace) with the API's reason.
    expect(projections).toContain(null);
    expect(projections).toContain('2015-03');
    expect(await axeViolations(suite.page)).toEqual([]);
  });
});

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
/** 2016-03 → March 2016 (written out here, not with the page's code, so the test checks the page). */
const monthYear = (yearMonth: string) => `${MONTHS[Number(yearMonth.slice(5, 7)) - 1]} ${yearMonth.slice(0, 4)}`;

/**
 * Practices in two regions whose services arrive at different dates, so that the two regions, and England,
 * have different figures in September 2014 and a pace over the six months before it.
 */
async function seedTwoRegions(
  ctx: TestContext,
  north: readonly [string, string],
  midlands: readonly [string, string],
): Promise<void> {
  const f = ctx.factories;
  await f.region(...north);
  await f.region(...midlands);
  const { Appointments: A, Prescriptions: P } = Service;
  const { Capable: C, Enabled: E } = Level;
  const shared = sharedPractices(north[0], midlands[0]);
  const plan: PracticePlan[] = [
    ...shared.north,
    [north[0], '00M', 500, [[A, C, '2014-05-01']]],
    shared.midlands,
    [
      midlands[0],
      '01A',
      800,
      [
        [A, E, '2012-01-01'],
        [P, C, '2014-07-01'],
      ],
    ],
  ];
  await seedPractices(ctx, plan);
}
