/// <reference lib="dom" />
import { Level, Role, Service } from '@app/domain';
import { TEST_PASSWORD } from '../setup/factories';
import { TestContext } from '../setup/test-context';
import { atWidth, axeViolations, browserSuite, percentText, sidewaysOverflow, tableCell } from './browser';
import { headlineOf, headlineShown, seedPractices, SERVICES } from './dashboard';

jest.setTimeout(120_000);

/**
 * The web app in Debian's Chromium, against the real API on a real port (its own database, seeded below)
 * serving the built app. Tests read what a person reads: labels, headings, table captions and headers.
 */
describe('web app in a browser', () => {
  const MANAGER = 'manager@test.invalid';
  const suite = browserSuite(async (ctx) => {
    await seed(ctx);
    await ctx.factories.user({ role: Role.Manager, regionCode: 'Y54', email: MANAGER, name: 'Mona Manager' });
  });
  const { test, signIn } = suite;
  const CAPTION = (month: string) => `Progress in numbers at the end of ${month}`;
  /** The month-end date input (the known-on date and the trend range have their own Month and Year boxes). */
  const monthEnd = () => suite.page.getByRole('group', { name: 'Figures at the end of' });
  const errorSummary = () => suite.page.getByRole('alert');
  const summaryOf = async (asOf: string) =>
    (await suite.ctx.api(Role.Manager).get(`/reports/summary?asOf=${asOf}`).expect(200)).body;
  const percent = percentText;

  /** Every headline figure on the page equals the API's, for the date, the year before and the change. */
  const expectFiguresOf = async (asOf: string, month: string, now: string, yearEarlier: string) => {
    const shown = await headlineShown(suite.page, CAPTION(month), [now, yearEarlier, 'Change (percentage points)']);
    expect(shown).toEqual(headlineOf(await summaryOf(asOf)));
  };

  test('signs in and opens the dashboard; a reload keeps the session (Secure cookie on http://localhost)', async () => {
    await suite.page.goto(`${suite.base}/?asOf=2014-09-30`);
    await suite.page.waitForURL(/\/sign-in\?next=/);
    await signIn(MANAGER);
    await suite.page.getByRole('heading', { name: /Progress in numbers/ }).waitFor();
    expect(new URL(suite.page.url()).search).toBe('?asOf=2014-09-30');
    await suite.page.getByText('Mona Manager').waitFor();
    const cookies = await suite.context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.secure, c.sameSite])).toEqual([
      ['pot_session', true, true, 'Strict'],
    ]);
    await suite.page.reload();
    await suite.page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    expect(suite.page.url()).toBe(`${suite.base}/?asOf=2014-09-30`);
  });

  test('on a phone (360 px) nothing runs off the side: header items under More, tables in a box', async () => {
    const page = suite.page;
    const sideways = () => sidewaysOverflow(page.locator('html'));
    const allDrawn = async () => {
      await page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
      await page.getByRole('table', { name: /^Practices still to go/ }).waitFor();
      await page.getByRole('table', { name: /^Breakdown by region/ }).waitFor();
    };
    await atWidth(page, 360, async () => {
      await page.goto(`${suite.base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30&area=england')}`);
      await signIn(MANAGER);
      await allDrawn();
      // The header was first drawn without its items (signed out): the items that do not fit are under More.
      await page.getByRole('button', { name: 'More' }).click();
      await page.getByRole('link', { name: 'Reminders' }).waitFor();
      expect(await sideways()).toBe(0);
      // The same on a reload, where the header is drawn before the session is known.
      await page.reload();
      await allDrawn();
      await page.getByRole('button', { name: 'More' }).waitFor();
      expect(await sideways()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  test('a wrong password: the error summary links to the field, which shows the same message', async () => {
    await suite.page.goto(`${suite.base}/sign-in`);
    await signIn(MANAGER, 'not my password');
    await errorSummary().getByRole('heading', { name: 'There is a problem' }).waitFor();
    const link = errorSummary().getByRole('link', { name: 'Enter the right e-mail address and password' });
    expect(await link.getAttribute('href')).toBe('#email');
    expect(await suite.page.locator('#email--error-message, .nhsuk-error-message').first().innerText()).toMatch(
      /^(Error:\s*)?Enter the right e-mail address and password$/,
    );
    expect(await suite.page.title()).toMatch(/^Error: Sign in/);
    expect(await axeViolations(suite.page)).toEqual([]);
  });

  test('empty fields: one message for each, at the top and at the field', async () => {
    await suite.page.goto(`${suite.base}/sign-in`);
    await suite.page.getByRole('button', { name: 'Sign in' }).click();
    const items = await errorSummary().getByRole('listitem').allInnerTexts();
    expect(items).toEqual(['Enter your e-mail address', 'Enter your password']);
    expect(await suite.page.locator('.nhsuk-error-message').allInnerTexts()).toEqual([
      expect.stringMatching(/Enter your e-mail address/),
      expect.stringMatching(/Enter your password/),
    ]);
  });

  test('a locked account: the page says so and when to try again', async () => {
    await suite.ctx.factories.user({ role: Role.Support, email: 'locked@test.invalid' });
    for (let i = 0; i < 5; i++)
      await suite.ctx
        .api('anonymous')
        .post('/auth/login')
        .send({ email: 'locked@test.invalid', password: `guess ${i}` })
        .expect(401);
    await suite.page.goto(`${suite.base}/sign-in`);
    await signIn('locked@test.invalid');
    await expect(errorSummary().innerText()).resolves.toMatch(
      /Too many unsuccessful sign-ins for this account\. Try again in 15 minutes\./,
    );
  });

  test('each headline figure on the page is the API summary for the date', async () => {
    await suite.page.goto(`${suite.base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn(MANAGER);
    await expectFiguresOf('2014-09-30', 'September 2014', '30 September 2014', '30 September 2013');
    // The API's own sentences, as it writes them.
    const text = (await suite.ctx.api(Role.Manager).get('/reports/summary?asOf=2014-09-30&format=text').expect(200))
      .text;
    const firstBullet = text
      .split('\n')
      .find((l) => l.startsWith('•'))!
      .replace(/^•\s*/, '');
    await suite.page.getByText(firstBullet).waitFor();
    expect(await axeViolations(suite.page)).toEqual([]);
  });

  test('a trend chart per service over the 24 months to the date, its table equal to the API trend', async () => {
    await suite.page.goto(`${suite.base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn(MANAGER);
    for (const [name, service] of SERVICES) {
      // The chart: an image named after the service, drawn by the lazily loaded chart library.
      const chart = suite.page.getByRole('img', {
        name: new RegExp(`^Line chart of ${name}, October 2012 to September 2014`),
      });
      // Both lines drawn, in their colours (NHS blue, NHS dark grey).
      await chart.locator('svg path[stroke="#005eb8"]').first().waitFor({ state: 'attached' });
      await chart.locator('svg path[stroke="#425563"]').first().waitFor({ state: 'attached' });
      // Its data, behind the details toggle: every month and both measures as the API gives them.
      const trend = (
        await suite.ctx.api(Role.Manager).get(`/reports/trend?from=2012-10&to=2014-09&service=${service}`).expect(200)
      ).body as { points: { asOf: string; practicesCapablePct: number | null; patientsAtEnabledPct: number | null }[] };
      expect(trend.points).toHaveLength(24);
      const section = suite.page.locator('.app-trend-chart').filter({ has: suite.page.getByRole('heading', { name }) });
      await section.getByText('Show the data as a table').click();
      const caption = `${name}: month-end figures, October 2012 to September 2014`;
      const table = suite.page.getByRole('table', { name: caption });
      await table.waitFor();
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent.trim())));
      const monthName = (date: string) =>
        new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      expect(rows).toEqual(
        trend.points.map((p) => [monthName(p.asOf), percent(p.practicesCapablePct), percent(p.patientsAtEnabledPct)]),
      );
      expect(await tableCell(suite.page, caption, 'September 2014', 'Share of practices capable')).toBe(
        percent(trend.points[23].practicesCapablePct),
      );
    }
    expect(await axeViolations(suite.page)).toEqual([]);
  });

  test('another date updates the figures and the URL; Back, Forward and a pasted URL restore the view', async () => {
    await suite.page.goto(`${suite.base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn(MANAGER);
    await suite.page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    await monthEnd().getByLabel('Month', { exact: true }).fill('3');
    await monthEnd().getByLabel('Year', { exact: true }).fill('2014');
    await suite.page.getByRole('button', { name: 'Show figures' }).click();
    await expectFiguresOf('2014-03-31', 'March 2014', '31 March 2014', '31 March 2013');
    expect(new URL(suite.page.url()).search).toBe('?asOf=2014-03-31');

    await suite.page.goBack();
    await suite.page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    expect(await monthEnd().getByLabel('Month', { exact: true }).inputValue()).toBe('9');
    await suite.page.goForward();
    await suite.page.getByRole('table', { name: CAPTION('March 2014') }).waitFor();

    // The link sent to someone else: it opens on the same view (after sign-in for a new suite.browser).
    const other = await suite.browser.newContext();
    try {
      const pasted = await other.newPage();
      await pasted.goto(suite.page.url());
      await pasted.getByLabel('E-mail address').fill(MANAGER);
      await pasted.getByLabel('Password').fill(TEST_PASSWORD);
      await pasted.getByRole('button', { name: 'Sign in' }).click();
      await pasted.getByRole('table', { name: CAPTION('March 2014') }).waitFor();
      expect(pasted.url()).toBe(`${suite.base}/?asOf=2014-03-31`);
    } finally {
      await other.close();
    }
  });

  test('a month that is not one: the date input shows the error and the figures stay', async () => {
    await suite.page.goto(`${suite.base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn(MANAGER);
    await suite.page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    await monthEnd().getByLabel('Month', { exact: true }).fill('13');
    await suite.page.getByRole('button', { name: 'Show figures' }).click();
    await suite.page.getByText('Enter a month from 1 to 12').waitFor();
    expect(new URL(suite.page.url()).search).toBe('?asOf=2014-09-30');
  });

  test('keyboard only: skip link, sign-in and the date form', async () => {
    await suite.page.goto(`${suite.base}/sign-in`);
    await suite.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The skip link is the first thing in the tab order, and takes the keyboard to the main content.
    const firstTabbable = await suite.page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].find(
          (el) => el.tabIndex >= 0,
        )?.textContent,
    );
    expect(firstTabbable).toBe('Skip to main content');
    await suite.page.getByRole('link', { name: 'Skip to main content' }).focus();
    await suite.page.keyboard.press('Enter');
    expect(await suite.page.evaluate(() => document.activeElement?.id)).toBe('maincontent');
    let guard = 0;
    while ((await suite.page.evaluate(() => document.activeElement?.id)) !== 'email' && guard++ < 15)
      await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.type(MANAGER);
    await suite.page.keyboard.press('Tab');
    expect(await suite.page.evaluate(() => document.activeElement?.id)).toBe('password');
    await suite.page.keyboard.type(TEST_PASSWORD);
    await suite.page.keyboard.press('Enter');
    await suite.page.getByRole('heading', { name: /Progress in numbers/ }).waitFor();

    guard = 0;
    while ((await suite.page.evaluate(() => document.activeElement?.id)) !== 'month-end-month' && guard++ < 20)
      await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.press('Control+A');
    await suite.page.keyboard.type('9');
    await suite.page.keyboard.press('Tab');
    await suite.page.keyboard.press('Control+A');
    await suite.page.keyboard.type('2014');
    await suite.page.keyboard.press('Enter');
    await suite.page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
  });

  test('axe finds no serious or critical problem on the sign-in page', async () => {
    await suite.page.goto(`${suite.base}/sign-in`);
    await suite.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await axeViolations(suite.page)).toEqual([]);
  });

  test('sign-out ends the session: back to sign-in with a message, and a reload stays signed out', async () => {
    await suite.page.goto(`${suite.base}/sign-in`);
    await signIn(MANAGER);
    await suite.page.getByRole('button', { name: 'Sign out' }).click();
    await suite.page.getByText('You have signed out.').waitFor();
    await suite.page.goto(`${suite.base}/`);
    await suite.page.waitForURL(/\/sign-in/);
  });

  test('deactivation sends the user back to sign-in with the reason at their next request', async () => {
    const user = await suite.ctx.factories.user({ role: Role.Manager, email: 'leaving@test.invalid' });
    await suite.page.goto(`${suite.base}/sign-in?next=${encodeURIComponent('/?asOf=2014-09-30')}`);
    await signIn('leaving@test.invalid');
    await suite.page.getByRole('table', { name: CAPTION('September 2014') }).waitFor();
    await suite.ctx.api().post(`/users/${user.id}/deactivate`).expect(200);
    await monthEnd().getByLabel('Month', { exact: true }).fill('6');
    await suite.page.getByRole('button', { name: 'Show figures' }).click();
    await suite.page.getByText('This session has ended: sign in again').waitFor();
    expect(new URL(suite.page.url()).pathname).toBe('/sign-in');
  });
});

/**
 * Four practices whose services arrive at different dates, so that the figures differ between
 * September 2013, March 2014 and September 2014.
 */
async function seed(ctx: TestContext): Promise<void> {
  const { Appointments: A, Prescriptions: P, Records: R } = Service;
  const { Capable: C, Enabled: E } = Level;
  const plan: [patients: number, events: [Service, Level, string][]][] = [
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
  // All in the factories' default region and CCG.
  await seedPractices(
    ctx,
    plan.map(([patients, events]) => ['Y54', '00M', patients, events]),
  );
}
