/// <reference lib="dom" />
import { Level, Role, Service } from '@app/domain';
import { TEST_PASSWORD } from '../setup/factories';
import { TestContext } from '../setup/test-context';
import { axeViolations, browserSuite, percentText, tableCell } from './browser';
import {
  HEADLINE,
  headlineOf as headlineCells,
  headlineShown as shownIn,
  MIDLANDS,
  NORTH,
  type PracticePlan,
  seedPractices,
  sharedPractices,
} from './dashboard';

jest.setTimeout(180_000);

/**
 * The dashboard's "as known on" (the API's knownAt), its chosen trend range and CCGs as an area, in Debian's
 * Chromium against the real API: the figures read from the page's tables equal the API's own.
 */
describe('dashboard: as known on, trend range and CCGs in a browser', () => {
  const MANAGER = 'england.manager@test.invalid';
  const NORTH_MANAGER = 'north.manager@test.invalid';
  /** Every seeded status event was recorded on 1 October 2014 at noon: before the known-on day used here. */
  const RECORDED = '2014-10-01T12:00:00Z';
  /** What the page sends for "known on 15 October 2014": the end of that day in London (BST, +01:00). */
  const KNOWN_AT = '2014-10-15T23:59:59.999999+01:00';
  let late: { code: string };

  const suite = browserSuite(async (ctx) => {
    late = await seed(ctx, NORTH, MIDLANDS, RECORDED);
    await ctx.factories.user({ role: Role.Manager, email: MANAGER, name: 'Erin England' });
    await ctx.factories.user({ role: Role.Manager, regionCode: NORTH[0], email: NORTH_MANAGER, name: 'Nora North' });
  });
  const { test } = suite;
  const page = () => suite.page;

  const apiGet = async (path: string) => (await suite.ctx.api(Role.Manager).get(path).expect(200)).body;

  /** The eighteen headline cells (six figures: now, a year earlier, change), as the page shows them. */
  const headlineShown = (caption = HEADLINE) => shownIn(page(), caption);
  /** The same cells from the API's summary, formatted as the page writes them. */
  const headlineOf = async (query: string) => headlineCells(await apiGet(`/reports/summary?asOf=2014-09-30&${query}`));
  const knownOnForm = () => page().getByRole('group', { name: 'As known on (optional)' });
  const KNOWN_ON_TOGGLE = 'See the figures as known on an earlier day';
  const fillKnownOn = async (day: string, month: string, year: string) => {
    // The form is behind its toggle unless the page already shows known-on figures or a problem.
    if (
      !(await page()
        .locator('details.app-known-on')
        .evaluate((d) => (d as HTMLDetailsElement).open))
    )
      await page().getByText(KNOWN_ON_TOGGLE).click();
    await knownOnForm().getByLabel('Day', { exact: true }).fill(day);
    await knownOnForm().getByLabel('Month', { exact: true }).fill(month);
    await knownOnForm().getByLabel('Year', { exact: true }).fill(year);
    await page().getByRole('button', { name: 'Show as known on' }).click();
  };
  const KNOWN_CAPTION = `${HEADLINE}, as known at the end of 15 October 2014`;
  const search = () => new URL(page().url()).searchParams;
  /** A trend table's caption: the table is behind its details toggle (in the page, not yet shown). */
  const trendCaption = (text: string | RegExp) => page().locator('caption', { hasText: text });

  test('known on a day: the label, the URL and every headline figure are the API’s as known then', async () => {
    await suite.signInAt('/?asOf=2014-09-30', MANAGER);
    expect(await headlineShown()).toEqual(await headlineOf(''));
    // Today's knowledge by default: the form waits behind its toggle.
    expect(await knownOnForm().isVisible()).toBe(false);

    await fillKnownOn('15', '10', '2014');
    await page().getByRole('heading', { name: 'Figures as known at the end of 15 October 2014' }).waitFor();
    expect(search().get('knownAt')).toBe('2014-10-15');
    expect(await headlineShown(KNOWN_CAPTION)).toEqual(await headlineOf(`knownAt=${encodeURIComponent(KNOWN_AT)}`));
    // The heading's caption and the page's title say it too, and the other sections are known-on as well.
    await page()
      .getByRole('heading', { name: 'Patient Online in England, as known at the end of 15 October 2014' })
      .waitFor();
    expect(await page().title()).toMatch(/England, September 2014, as known at the end of 15 October 2014/);
    await page()
      .getByRole('table', { name: 'Practices still to go at the end of September 2014, as known at the end of 15' })
      .waitFor();
    await trendCaption(/^Book or cancel appointments: month-end figures, .*as known at the end of 15/).waitFor({
      state: 'attached',
    });
    expect(await axeViolations(page())).toEqual([]);
  });

  test('a status change recorded later, back-dated: the current figures change, the known-on ones do not', async () => {
    const known = `/?asOf=2014-09-30&knownAt=2014-10-15`;
    await suite.signInAt(known, MANAGER);
    const before = await headlineShown(KNOWN_CAPTION);
    const currentBefore = await headlineOf('');

    // Recorded now (after 15 October 2014), effective in June 2014: before the date shown.
    await suite.ctx
      .api(Role.Admin)
      .post(`/practices/${late.code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate: '2014-06-01' })
      .expect(201);
    const currentAfter = await headlineOf('');
    expect(currentAfter).not.toEqual(currentBefore);

    await page().reload();
    expect(await headlineShown(KNOWN_CAPTION)).toEqual(before);
    expect(before).toEqual(await headlineOf(`knownAt=${encodeURIComponent(KNOWN_AT)}`));

    // The way back to the current figures: the link drops knownAt, and the page shows today's knowledge.
    await page().getByRole('link', { name: 'Show the current figures' }).click();
    expect(await headlineShown()).toEqual(currentAfter);
    expect(search().get('knownAt')).toBeNull();
    expect(
      await page()
        .getByRole('heading', { name: /Figures as known at/ })
        .count(),
    ).toBe(0);
  });

  test('a pasted link restores the known-on view; Back returns to the current figures', async () => {
    await suite.signInAt('/?asOf=2014-09-30', MANAGER);
    await headlineShown();
    await fillKnownOn('15', '10', '2014');
    await page().getByRole('table', { name: KNOWN_CAPTION }).waitFor();
    const link = page().url();

    const other = await suite.browser.newContext();
    try {
      const pasted = await other.newPage();
      await pasted.goto(link);
      await pasted.getByLabel('E-mail address').fill(MANAGER);
      await pasted.getByLabel('Password').fill(TEST_PASSWORD);
      await pasted.getByRole('button', { name: 'Sign in' }).click();
      await pasted.getByRole('table', { name: KNOWN_CAPTION }).waitFor();
      expect(new URL(pasted.url()).searchParams.get('knownAt')).toBe('2014-10-15');
      const form = pasted.getByRole('group', { name: 'As known on (optional)' });
      expect(await form.getByLabel('Day', { exact: true }).inputValue()).toBe('15');
      expect(await form.getByLabel('Month', { exact: true }).inputValue()).toBe('10');
    } finally {
      await other.close();
    }

    await page().goBack();
    await page().getByRole('table', { name: HEADLINE }).waitFor();
    expect(
      await page()
        .getByRole('heading', { name: /Figures as known at/ })
        .count(),
    ).toBe(0);
  });

  test('known-on problems: a day to come is refused here, a bad link by the API, against the field', async () => {
    await suite.signInAt('/?asOf=2014-09-30', MANAGER);
    await headlineShown();
    await fillKnownOn('1', '1', '2999');
    await page().getByRole('alert').getByText('The known-on date must be today or in the past').waitFor();
    expect(search().get('knownAt')).toBeNull();
    await fillKnownOn('31', '2', '2014');
    await page().getByRole('alert').getByText('The known-on date must be a real date').waitFor();
    expect(await page().title()).toMatch(/^Error: /);
    expect(await axeViolations(page())).toEqual([]);

    // A link with an instant the API refuses: its own message, in the summary and against the field.
    await page().goto(`${suite.base}/?asOf=2014-09-30&knownAt=yesterday`);
    await page().locator('#known-on-error').getByText('knownAt must be an ISO 8601 timestamp').waitFor();
    expect(await page().title()).toMatch(/^Error: /);
  });

  test('the trend range: the URL and the charts’ tables follow it; a bad range is refused', async () => {
    await suite.signInAt('/?asOf=2014-09-30', MANAGER);
    const caption = (service: string, span: string) => `${service}: month-end figures, ${span}`;
    await trendCaption(caption('View medical record', 'October 2012 to September 2014')).waitFor({ state: 'attached' });
    const from = page().getByRole('group', { name: 'From' });
    const to = page().getByRole('group', { name: 'To' });
    await from.getByLabel('Month', { exact: true }).fill('1');
    await from.getByLabel('Year', { exact: true }).fill('2014');
    await to.getByLabel('Month', { exact: true }).fill('6');
    await to.getByLabel('Year', { exact: true }).fill('2014');
    await page().getByRole('button', { name: 'Show trends' }).click();
    await page().getByRole('heading', { name: 'Trends over 6 months' }).waitFor();
    expect([search().get('from'), search().get('to')]).toEqual(['2014-01', '2014-06']);

    const trend = await apiGet('/reports/trend?from=2014-01&to=2014-06&service=records');
    const table = caption('View medical record', 'January 2014 to June 2014');
    await trendCaption(table).waitFor({ state: 'attached' });
    const shown: string[] = [];
    for (const month of ['January', 'February', 'March', 'April', 'May', 'June'])
      shown.push(await tableCell(page(), table, `${month} 2014`, 'Share of practices capable'));
    expect(shown).toEqual(
      trend.points.map((p: { practicesCapablePct: number | null }) => percentText(p.practicesCapablePct)),
    );

    // The last month before the first, and a range over the API's 120 months: refused here, URL unchanged.
    await to.getByLabel('Year', { exact: true }).fill('2013');
    await page().getByRole('button', { name: 'Show trends' }).click();
    await page().getByRole('alert').getByText('The last month must be the same as or after the first').waitFor();
    await from.getByLabel('Year', { exact: true }).fill('2000');
    await to.getByLabel('Year', { exact: true }).fill('2014');
    await page().getByRole('button', { name: 'Show trends' }).click();
    await page().getByRole('alert').getByText('The trend can show at most 120 months').waitFor();
    expect([search().get('from'), search().get('to')]).toEqual(['2014-01', '2014-06']);
    expect(await axeViolations(page())).toEqual([]);

    await page().goBack();
    await page().getByRole('heading', { name: 'Trends over 24 months' }).waitFor();
  });

  test('a CCG as the area: the heading names it and the headline is the API’s summary of that CCG', async () => {
    await suite.signInAt('/?asOf=2014-09-30', NORTH_MANAGER);
    // A regional user still lands on their region, with the whole region chosen.
    await page()
      .getByRole('heading', { name: `Patient Online in ${NORTH[1]} Progress in numbers` })
      .waitFor();
    expect(await headlineShown()).toEqual(await headlineOf(`regionCode=${NORTH[0]}`));
    expect(await page().getByLabel('CCG', { exact: true }).inputValue()).toBe('');

    await page().getByLabel('CCG', { exact: true }).selectOption({ label: 'Airedale CCG (00N)' });
    await page()
      .getByRole('heading', { name: `Patient Online in Airedale CCG, ${NORTH[1]} Progress in numbers` })
      .waitFor();
    expect(search().get('ccg')).toBe('00N');
    const ccg = await headlineOf('ccgCode=00N');
    expect(await headlineShown()).toEqual(ccg);
    expect(ccg).not.toEqual(await headlineOf(`regionCode=${NORTH[0]}`));
    expect(await page().title()).toMatch(/Airedale CCG, September 2014/);

    // Another region drops the CCG; the CCG select lists that region's CCGs only.
    await page().getByLabel('Area').selectOption({ label: MIDLANDS[1] });
    await page()
      .getByRole('heading', { name: `Patient Online in ${MIDLANDS[1]} Progress in numbers` })
      .waitFor();
    expect(search().get('ccg')).toBeNull();
    // The region's CCGs arrive after the heading: wait for them, then read every option.
    const ccgSelect = page().getByLabel('CCG', { exact: true });
    await ccgSelect.locator('option', { hasText: 'Leicester CCG' }).waitFor({ state: 'attached' });
    const options = await ccgSelect.locator('option').allTextContents();
    expect(options).toEqual(['All CCGs in the region', 'Leicester CCG (01A)']);
    expect(await axeViolations(page())).toEqual([]);
  });

  test('keyboard only: the CCG, the known-on date and the trend range', async () => {
    await suite.signInAt('/?asOf=2014-09-30', NORTH_MANAGER);
    await headlineShown();
    const tabTo = async (id: string) => {
      let guard = 0;
      while ((await page().evaluate(() => document.activeElement?.id)) !== id && guard++ < 60)
        await page().keyboard.press('Tab');
      expect(await page().evaluate(() => document.activeElement?.id)).toBe(id);
    };

    await tabTo('ccg');
    await page().keyboard.press('ArrowDown');
    await page().waitForURL(/ccg=00M/);
    // The select shows the URL's choice again before the next key (React sets it from the URL).
    await page().waitForFunction(() => (document.getElementById('ccg') as HTMLSelectElement | null)?.value === '00M');
    await page().keyboard.press('ArrowDown');
    await page().waitForURL(/ccg=00N/);
    await page()
      .getByRole('heading', { name: /Patient Online in Airedale CCG/ })
      .waitFor();

    // The known-on form opens from its toggle, by Enter.
    await tabTo('known-on-toggle');
    await page().keyboard.press('Enter');
    await tabTo('known-on-day');
    for (const value of ['15', '10', '2014']) {
      await page().keyboard.press('Control+A');
      await page().keyboard.type(value);
      await page().keyboard.press('Tab');
    }
    await page().keyboard.press('Enter');
    await page().getByRole('heading', { name: 'Figures as known at the end of 15 October 2014' }).waitFor();
    expect(search().get('knownAt')).toBe('2014-10-15');

    await tabTo('trend-from-month');
    for (const value of ['4', '2014', '9', '2014']) {
      await page().keyboard.press('Control+A');
      await page().keyboard.type(value);
      await page().keyboard.press('Tab');
    }
    await page().keyboard.press('Enter');
    await page().getByRole('heading', { name: 'Trends over 6 months' }).waitFor();
    expect(search().toString()).toBe('asOf=2014-09-30&ccg=00N&knownAt=2014-10-15&from=2014-04&to=2014-09');

    // The link back to the current figures, by keyboard too.
    await page().getByRole('link', { name: 'Show the current figures' }).focus();
    await page().keyboard.press('Enter');
    await page().waitForURL((url) => !url.searchParams.has('knownAt'));
  });
});

/**
 * Two regions, the north with two CCGs whose figures differ, every status event recorded on `recordedAt`.
 * Returns a northern practice whose medical record is not yet offered (a later correction changes that).
 */
async function seed(
  ctx: TestContext,
  north: readonly [string, string],
  midlands: readonly [string, string],
  recordedAt: string,
): Promise<{ code: string }> {
  const f = ctx.factories;
  await f.region(...north);
  await f.region(...midlands);
  await f.ccg('00M', north[0], 'Bradford CCG');
  await f.ccg('00N', north[0], 'Airedale CCG');
  await f.ccg('01A', midlands[0], 'Leicester CCG');
  const { Appointments: A, Prescriptions: P, Records: R } = Service;
  const { Capable: C, Enabled: E, NotCapable: N } = Level;
  const shared = sharedPractices(north[0], midlands[0]);
  const plan: PracticePlan[] = [
    ...shared.north,
    [
      north[0],
      '00N',
      500,
      [
        [A, C, '2014-05-01'],
        [R, N, '2013-01-01'],
      ],
    ],
    [
      north[0],
      '00N',
      1500,
      [
        [A, E, '2012-06-01'],
        [P, C, '2014-02-01'],
        [R, C, '2013-11-01'],
      ],
    ],
    shared.midlands,
  ];
  const seeded = await seedPractices(ctx, plan, recordedAt);
  return seeded.find((s) => s.patients === 500)!.practice;
}
