/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Level, Role, Service } from '@app/common';
import { TEST_PASSWORD } from '../setup/factories';
import { TestContext } from '../setup/test-context';
import { axeViolations, baseUrlOf, launchChromium, openPage, tableCell, withScreenshotOnFailure } from './browser';

jest.setTimeout(120_000);

/**
 * The web app in Debian's Chromium, against the real API on a real port (its own database, seeded below)
 * serving the built app. Tests read what a person reads: labels, headings, table captions and headers.
 */
describe('web app in a browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  const MANAGER = 'manager@test.invalid';
  const CAPTION = (month: string) => `Progress in numbers at the end of ${month}`;
  /** Row header → the API's figure it shows. */
  const ROWS: [string, Service, 'practicesCapablePct' | 'patientsAtEnabledPct'][] = [
    ['Book or cancel appointments: practices capable', Service.Appointments, 'practicesCapablePct'],
    ['Book or cancel appointments: patients at practices offering', Service.Appointments, 'patientsAtEnabledPct'],
    ['View or order repeat prescriptions: practices capable', Service.Prescriptions, 'practicesCapablePct'],
    [
      'View or order repeat prescriptions: patients at practices offering',
      Service.Prescriptions,
      'patientsAtEnabledPct',
    ],
    ['View medical record: practices capable', Service.Records, 'practicesCapablePct'],
    ['View medical record: patients at practices offering', Service.Records, 'patientsAtEnabledPct'],
  ];

  beforeAll(async () => {
    ctx = await TestContext.create(undefined, { config: { LOGIN_IP_LIMIT_PER_MINUTE: 1000 } });
    await ctx.app.listen(0, '127.0.0.1');
    base = baseUrlOf(ctx.app.getHttpServer());
    browser = await launchChromium();
    await seedPractices(ctx);
    await ctx.factories.user({ role: Role.Manager, regionCode: 'Y54', email: MANAGER, name: 'Mona Manager' });
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    ({ page, problems } = await openPage(context));
  });
  afterEach(async () => {
    await context?.close();
    // The Content-Security-Policy let everything the app needs through, and nothing failed on the page.
    expect(problems).toEqual([]);
  });

  const test = (name: string, body: () => Promise<void>) =>
    it(name, () => withScreenshotOnFailure(() => page, name, body));

  const signIn = async (email: string, password = TEST_PASSWORD) => {
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const errorSummary = () => page.getByRole('alert');
  const summaryOf = async (asOf: string) =>
    (await ctx.api(Role.Manager).get(`/reports/summary?asOf=${asOf}`).expect(200)).body;
  const percent = (v: number | null) => (v === null ? 'No data' : `${v.toFixed(1)}%`);
  const points = (v: number | null) =>
    v === null ? 'No data' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`;

  /** Every headline figure on the page equals the API's, for the date, the year before and the change. */
  const expectFiguresOf = async (asOf: string, month: string, now: string, yearEarlier: string) => {
    await page.getByRole('table', { name: CAPTION(month) }).waitFor();
    const summary = await summaryOf(asOf);
    for (const [row, service, measure] of ROWS) {
      const figures = summary.services[service];
      expect([
        await tableCell(page, CAPTION(month), row, now),
        await tableCell(page, CAPTION(month), row, yearEarlier),
        await tableCell(page, CAPTION(month), row, 'Change (percentage points)'),
      ]).toEqual([percent(figures[measure]), percent(figures.previousYear[measure]), points(figures.change[measure])]);
    }
  };

  test('signs in and opens the dashboard; a reload keeps the session (Secure cookie on http://localhost)', async () => {
    await page.goto(`${base}/?asOf=2014-09-30`);
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(MANAGER);
    await page.getByRole('heading', { name: /Progress in numbers/ }).waitFor();
    expect(new URL(page.url()).search).toBe('?asOf=2014-09-30');
    await page.getByText('Mona Manager').waitFor();
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.secure, c.sameSite])).toEqual([
      ['pot_session', true, true, 'Strict'],
    ]);
    await page.reload();
    await page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    expect(page.url()).toBe(`${base}/?asOf=2014-09-30`);
  });

  test('a wrong password: the error summary links to the field, which shows the message', async () => {
    await page.goto(`${base}/sign-in`);
    await signIn(MANAGER, 'not my password');
    await errorSummary().getByRole('heading', { name: 'There is a problem' }).waitFor();
    const link = errorSummary().getByRole('link', { name: 'Enter the right e-mail address and password' });
    expect(await link.getAttribute('href')).toBe('#email');
    expect(await page.locator('#email--error-message, .nhsuk-error-message').first().innerText()).toMatch(
      /The e-mail address or password is not right/,
    );
    expect(await page.title()).toMatch(/^Error: Sign in/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('empty fields: one message for each, at the top and at the field', async () => {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const items = await errorSummary().getByRole('listitem').allInnerTexts();
    expect(items).toEqual(['Enter your e-mail address', 'Enter your password']);
    expect(await page.locator('.nhsuk-error-message').allInnerTexts()).toEqual([
      expect.stringMatching(/Enter your e-mail address/),
      expect.stringMatching(/Enter your password/),
    ]);
  });

  test('a locked account: the page says so and when to try again', async () => {
    await ctx.factories.user({ role: Role.Support, email: 'locked@test.invalid' });
    for (let i = 0; i < 5; i++)
      await ctx
        .api('anonymous')
        .post('/auth/login')
        .send({ email: 'locked@test.invalid', password: `guess ${i}` })
        .expect(401);
    await page.goto(`${base}/sign-in`);
    await signIn('locked@test.invalid');
    await expect(errorSummary().innerText()).resolves.toMatch(
      /Too many unsuccessful sign-ins for this account\. Try again in 15 minutes\./,
    );
  });

  test('each headline figure on the page is the API summary for the date', async () => {
    await page.goto(`${base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn(MANAGER);
    await expectFiguresOf('2014-09-30', 'September 2014', '30 September 2014', '30 September 2013');
    // The API's own sentences, as it writes them.
    const text = (await ctx.api(Role.Manager).get('/reports/summary?asOf=2014-09-30&format=text').expect(200)).text;
    const firstBullet = text
      .split('\n')
      .find((l) => l.startsWith('•'))!
      .replace(/^•\s*/, '');
    await page.getByText(firstBullet).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a trend chart per service over the 24 months to the date, its table equal to the API trend', async () => {
    await page.goto(`${base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn(MANAGER);
    const services: [string, Service][] = [
      ['Book or cancel appointments', Service.Appointments],
      ['View or order repeat prescriptions', Service.Prescriptions],
      ['View medical record', Service.Records],
    ];
    for (const [name, service] of services) {
      // The chart: an image named after the service, drawn by the lazily loaded chart library.
      const chart = page.getByRole('img', {
        name: new RegExp(`^Line chart of ${name}, October 2012 to September 2014`),
      });
      // Both lines drawn, in their colours (NHS blue, NHS dark grey).
      await chart.locator('svg path[stroke="#005eb8"]').first().waitFor({ state: 'attached' });
      await chart.locator('svg path[stroke="#425563"]').first().waitFor({ state: 'attached' });
      // Its data, behind the details toggle: every month and both measures as the API gives them.
      const trend = (
        await ctx.api(Role.Manager).get(`/reports/trend?from=2012-10&to=2014-09&service=${service}`).expect(200)
      ).body as { points: { asOf: string; practicesCapablePct: number | null; patientsAtEnabledPct: number | null }[] };
      expect(trend.points).toHaveLength(24);
      const section = page.locator('.app-trend-chart').filter({ has: page.getByRole('heading', { name }) });
      await section.getByText('Show the data as a table').click();
      const caption = `${name}: month-end figures, October 2012 to September 2014`;
      const table = page.getByRole('table', { name: caption });
      await table.waitFor();
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent.trim())));
      const monthName = (date: string) =>
        new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      expect(rows).toEqual(
        trend.points.map((p) => [monthName(p.asOf), percent(p.practicesCapablePct), percent(p.patientsAtEnabledPct)]),
      );
      expect(await tableCell(page, caption, 'September 2014', 'Share of practices capable')).toBe(
        percent(trend.points[23].practicesCapablePct),
      );
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  test('another date updates the figures and the URL; Back, Forward and a pasted URL restore the view', async () => {
    await page.goto(`${base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn(MANAGER);
    await page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2014');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expectFiguresOf('2014-03-31', 'March 2014', '31 March 2014', '31 March 2013');
    expect(new URL(page.url()).search).toBe('?asOf=2014-03-31');

    await page.goBack();
    await page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    expect(await page.getByLabel('Month').inputValue()).toBe('9');
    await page.goForward();
    await page.getByRole('table', { name: CAPTION('March 2014') }).waitFor();

    // The link sent to someone else: it opens on the same view (after sign-in for a new browser).
    const other = await browser.newContext();
    try {
      const pasted = await other.newPage();
      await pasted.goto(page.url());
      await pasted.getByLabel('E-mail address').fill(MANAGER);
      await pasted.getByLabel('Password').fill(TEST_PASSWORD);
      await pasted.getByRole('button', { name: 'Sign in' }).click();
      await pasted.getByRole('table', { name: CAPTION('March 2014') }).waitFor();
      expect(pasted.url()).toBe(`${base}/?asOf=2014-03-31`);
    } finally {
      await other.close();
    }
  });

  test('a month that is not one: the date input shows the error and the figures stay', async () => {
    await page.goto(`${base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn(MANAGER);
    await page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    await page.getByLabel('Month').fill('13');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByText('Enter a month from 1 to 12').waitFor();
    expect(new URL(page.url()).search).toBe('?asOf=2014-09-30');
  });

  test('keyboard only: skip link, sign-in and the date form', async () => {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The skip link is the first thing in the tab order, and takes the keyboard to the main content.
    const firstTabbable = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].find(
          (el) => el.tabIndex >= 0,
        )?.textContent,
    );
    expect(firstTabbable).toBe('Skip to main content');
    await page.getByRole('link', { name: 'Skip to main content' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('maincontent');
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'email' && guard++ < 15)
      await page.keyboard.press('Tab');
    await page.keyboard.type(MANAGER);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Progress in numbers/ }).waitFor();

    guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'month-end-month' && guard++ < 20)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2014');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
  });

  test('axe finds no serious or critical problem on the sign-in page', async () => {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('sign-out ends the session: back to sign-in with a message, and a reload stays signed out', async () => {
    await page.goto(`${base}/sign-in`);
    await signIn(MANAGER);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/sign-in/);
  });

  test('deactivation sends the user back to sign-in with the reason at their next request', async () => {
    const user = await ctx.factories.user({ role: Role.Manager, email: 'leaving@test.invalid' });
    await page.goto(`${base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn('leaving@test.invalid');
    await page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    await ctx.api().post(`/users/${user.id}/deactivate`).expect(200);
    await page.getByLabel('Month').fill('6');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByText('This session has ended: sign in again').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});

/**
 * Four practices whose services arrive at different dates, so that the figures differ between
 * September 2013, March 2014 and September 2014.
 */
async function seedPractices(ctx: TestContext): Promise<void> {
  const f = ctx.factories;
  const { Appointments: A, Prescriptions: P, Records: R } = Service;
  const { Capable: C, Enabled: E } = Level;
  const plan: [number, [Service, Level, string][]][] = [
    [
      1000,
      [
        [A, E, '2013-01-01'],
        [P, C, '2013-06-01'],
        [P, E, '2014-06-01'],
        [R, C, '2014-01-01'],
      ],
    ],
    [
      3000,
      [
        [A, C, '2013-01-01'],
        [A, E, '2014-02-01'],
        [P, E, '2013-01-01'],
        [R, E, '2014-09-01'],
      ],
    ],
    [
      500,
      [
        [A, C, '2014-05-01'],
        [P, C, '2012-01-01'],
      ],
    ],
    [
      2000,
      [
        [A, E, '2014-08-01'],
        [P, E, '2014-08-01'],
        [R, E, '2014-08-01'],
      ],
    ],
  ];
  for (const [patients, events] of plan) {
    const practice = await f.practice({ listSize: patients });
    for (const [service, level, date] of events) await f.statusEvent(practice.id, service, level, date);
  }
}
