/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { Level, Role, Service } from '@app/domain';
import { axeViolations, browserSuite, percentText, tableCell } from './browser';

jest.setTimeout(180_000);

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
/** 2014-03-31 → March 2014; 2014-03-03 → 3 March 2014 (written out here, so the test checks the page's own). */
const monthYear = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${monthYear(iso)}`;

/** Presses Tab until the element matching `selector` has focus (the keyboard alone, as a person moves). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * The write screens of a practice (record a status change, edit its details) in Debian's Chromium
 * against the real API: the impact of a back-dated change said before it is saved and then seen on the
 * dashboard, the API's refusals against their fields, another region's support staff given no form, a
 * concurrent edit shown and nothing lost, axe and the keyboard alone on both forms.
 */
describe('practice write screens in a browser', () => {
  const SUPPORT = 'north.support@test.invalid';
  const OTHER = 'midlands.support@test.invalid';
  const HEADLINE = 'Progress in numbers at the end of March 2014';
  const ROW = 'View medical record: patients at practices offering';
  let target = '';
  let other = '';

  const suite = browserSuite(async (ctx) => {
    const f = ctx.factories;
    await f.region('Y54', 'North of England');
    await f.region('Y55', 'Midlands and East of England');
    await f.ccg('00M', 'Y54', 'NHS Darlington CCG');
    await f.ccg('01A', 'Y55', 'NHS Bedford CCG');
    const p = await f.practice({ ccgCode: '00M', regionCode: 'Y54', openedOn: '2010-04-01', listSize: 6000 });
    target = p.code;
    await f.statusEvent(p.id, Service.Records, Level.Capable, '2013-01-01');
    const q = await f.practice({ ccgCode: '00M', regionCode: 'Y54', listSize: 4000 });
    other = q.code;
    await f.statusEvent(q.id, Service.Records, Level.Enabled, '2013-01-01');
    const r = await f.practice({ ccgCode: '01A', regionCode: 'Y55', listSize: 5000 });
    await f.statusEvent(r.id, Service.Records, Level.NotCapable, '2013-01-01');
    await f.user({ role: Role.Support, regionCode: 'Y54', email: SUPPORT, name: 'Sam Support' });
    await f.user({ role: Role.Support, regionCode: 'Y55', email: OTHER, name: 'Mo Midlands' });
  });
  const { test } = suite;
  const page = () => suite.page;

  const summaryOn = async (asOf: string) =>
    (await suite.ctx.api(Role.Manager).get(`/reports/summary?asOf=${asOf}`).expect(200)).body;
  const headlineOnPage = async () => {
    await page().getByRole('table', { name: HEADLINE }).waitFor();
    return tableCell(page(), HEADLINE, ROW, '31 March 2014');
  };
  const fillDate = async (group: string, day: string, month: string, year: string) => {
    const fieldset = page().getByRole('group', { name: group });
    await fieldset.getByLabel('Day').fill(day);
    await fieldset.getByLabel('Month').fill(month);
    await fieldset.getByLabel('Year').fill(year);
  };

  test('a back-dated status change says which figures it alters, is confirmed, and moves the dashboard', async () => {
    const before = await summaryOn('2014-03-31');
    await suite.signInAt('/?asOf=2014-03-31&area=england', SUPPORT);
    expect(await headlineOnPage()).toBe(percentText(before.services.records.patientsAtEnabledPct));

    await page().goto(`${suite.base}/practices/${target}/status/new`);
    await page()
      .getByRole('heading', { name: /Record a status change/ })
      .waitFor();
    expect(await axeViolations(page())).toEqual([]);
    await page().getByLabel('View medical record', { exact: true }).check();
    await page().getByLabel('Enabled: patients can use it (POMI 2)').check();
    await fillDate('Effective date', '3', '3', '2014');
    await page().getByLabel('Note (optional)').fill('Confirmed by the practice manager by phone');
    await page().getByRole('button', { name: 'Continue' }).click();

    // Before anything is saved: what it will change, in the API's terms.
    await page()
      .getByRole('heading', { name: /Check the status change before saving it/ })
      .waitFor();
    const impact = (
      await suite.ctx
        .api(Role.Support)
        .get(`/practices/${target}/status-impact?service=records&level=enabled&effectiveDate=2014-03-03`)
        .expect(200)
    ).body;
    expect(impact.monthEnds.first).toBe('2014-03-31');
    const warning = page().locator('#impact');
    expect(await warning.innerText()).toContain(
      `This change is effective from 3 March 2014. It will change the published month-end figures from March 2014 ` +
        `to ${monthYear(impact.monthEnds.last)} for England, North of England, NHS Darlington CCG ` +
        'and practices using EMIS.',
    );
    expect(await warning.innerText()).toContain(
      `at the month-ends from March 2015 to ${monthYear(impact.previousYearOf.last)}`,
    );
    const history = async () =>
      (await suite.ctx.api(Role.Support).get(`/practices/${target}/history`).expect(200)).body.statusEvents;
    expect(await history()).toHaveLength(1); // nothing saved yet
    expect(await axeViolations(page())).toEqual([]);

    await page().getByRole('button', { name: 'Save status change' }).click();
    await page()
      .getByText('View medical record: Enabled: patients can use it (POMI 2) from 3 March 2014 has been saved.')
      .waitFor();
    expect(new URL(page().url()).pathname).toBe(`/practices/${target}`);
    const events = await history();
    expect(events[0]).toMatchObject({
      service: 'records',
      level: 'enabled',
      effectiveDate: '2014-03-03',
      note: 'Confirmed by the practice manager by phone',
    });
    // The practice's page it lands on shows the change in its history, marked back-dated.
    const recordsHistory = page().getByRole('list', { name: 'View medical record' });
    const newest = recordsHistory.getByRole('listitem').first();
    await newest.getByText('Enabled', { exact: false }).waitFor();
    expect(await newest.innerText()).toMatch(/from 3 March 2014[\s\S]*Back-dated/);
    expect(await newest.innerText()).toContain('Note: Confirmed by the practice manager by phone');

    // The dashboard's headline for that date is the API's new figure, and it moved.
    const after = await summaryOn('2014-03-31');
    expect(after.services.records.patientsAtEnabledPct).toBeGreaterThan(before.services.records.patientsAtEnabledPct);
    await page().goto(`${suite.base}/?asOf=2014-03-31&area=england`);
    await page()
      .getByRole('heading', { name: /Progress in numbers/ })
      .waitFor();
    await page().waitForFunction(
      ([caption, text]) =>
        [...document.querySelectorAll('table')].some(
          (t) => t.caption?.textContent?.includes(caption) && t.textContent?.includes(text),
        ),
      [HEADLINE, percentText(after.services.records.patientsAtEnabledPct)] as const,
    );
    expect(await headlineOnPage()).toBe(percentText(after.services.records.patientsAtEnabledPct));
  });

  test('the API’s refusals are shown against their fields, and the summary links to them', async () => {
    await suite.signInAt(`/practices/${other}/status/new`, SUPPORT);
    await page()
      .getByRole('heading', { name: /Record a status change/ })
      .waitFor();
    // Nothing chosen: the form's own checks.
    await page().getByRole('button', { name: 'Continue' }).click();
    const summary = page().locator('.nhsuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual([
      'Select the service that changed',
      'Select the level the service is at',
      'Enter the effective date',
    ]);
    expect(await page().title()).toMatch(/^Error: /);

    // Before the practice opened (the factories open it on 1 January 2000): the API refuses, the form says so.
    await page().getByLabel('Book or cancel appointments', { exact: true }).check();
    await page().getByLabel('Capable, not enabled (POMI 1)').check();
    await fillDate('Effective date', '31', '12', '1999');
    await page().getByRole('button', { name: 'Continue' }).click();
    const early = `Effective date 31 December 1999 is before practice ${other} opened (1 January 2000)`;
    await summary.getByRole('link', { name: early }).waitFor();
    expect(await page().locator('#effectiveDate--error-message').innerText()).toContain(early);
    await summary.getByRole('link', { name: early }).click();
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('effectiveDate-day');
    expect(await axeViolations(page())).toEqual([]);

    // In the future: refused too, with the API's "today".
    await fillDate('Effective date', '1', '1', '2999');
    await page().getByRole('button', { name: 'Continue' }).click();
    const today = suite.ctx.clock.today();
    const future = `Effective date 1 January 2999 is in the future (today is ${longDate(today)})`;
    await page().locator('#effectiveDate--error-message', { hasText: future }).waitFor();
    // The answers given are kept.
    expect(await page().getByLabel('Book or cancel appointments', { exact: true }).isChecked()).toBe(true);
    const events = (await suite.ctx.api(Role.Support).get(`/practices/${other}/history`).expect(200)).body;
    expect(events.statusEvents).toHaveLength(1);
  });

  test('support staff of another region get no form, and the API refuses them', async () => {
    await suite.signInAt(`/practices/${target}/status/new`, OTHER);
    await page()
      .getByRole('heading', { name: /You cannot change this practice/ })
      .waitFor();
    expect(await page().getByText('Your account can change practices in region Y55 only.').count()).toBe(1);
    expect(await page().locator('#maincontent form').count()).toBe(0);
    expect(await axeViolations(page())).toEqual([]);
    await page().goto(`${suite.base}/practices/${target}/edit`);
    await page()
      .getByRole('heading', { name: /You cannot change this practice/ })
      .waitFor();
    expect(await page().locator('#maincontent form').count()).toBe(0);
    const api = suite.ctx.api({ role: Role.Support, regionCode: 'Y55' });
    await api
      .post(`/practices/${target}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate: '2014-01-01' })
      .expect(403);
    await api.patch(`/practices/${target}`).send({ name: 'Not mine' }).expect(403);
  });

  test('a concurrent edit is shown with the current values, nothing typed is lost, and can be re-applied', async () => {
    const start = (await suite.ctx.api(Role.Admin).get(`/practices/${other}`).expect(200)).body;
    await suite.signInAt(`/practices/${other}/edit`, SUPPORT);
    await page()
      .getByRole('heading', { name: /Change the practice’s details/ })
      .waitFor();
    expect(await page().getByLabel('Name', { exact: true }).inputValue()).toBe(start.name);
    expect(await axeViolations(page())).toEqual([]);
    await page().getByLabel('Name', { exact: true }).fill('Mine Surgery');

    // Someone else saves between the form's loading and its saving.
    await suite.ctx
      .api(Role.Admin)
      .patch(`/practices/${other}`)
      .send({ name: 'Theirs Surgery', postcode: 'TS1 1AA', version: start.version })
      .expect(200);
    await page().getByRole('button', { name: 'Save changes' }).click();

    const caption = 'Current values and your entries';
    await page().getByRole('table', { name: caption }).waitFor();
    await page().getByText('Someone else changed this practice while you were editing it').waitFor();
    expect(await tableCell(page(), caption, 'Name', 'Current value')).toBe('Theirs Surgery');
    expect(await tableCell(page(), caption, 'Name', 'Your entry')).toBe('Mine Surgery');
    expect(await tableCell(page(), caption, 'Name', 'When you opened the form')).toBe(start.name);
    expect(await tableCell(page(), caption, 'Postcode', 'Current value')).toBe('TS1 1AA');
    expect(await tableCell(page(), caption, 'Postcode', 'Your entry')).toBe('Not changed by you');
    // Nothing was overwritten, nothing typed lost: the form keeps the entry, the rest is current.
    const current = (await suite.ctx.api(Role.Admin).get(`/practices/${other}`).expect(200)).body;
    expect(current).toMatchObject({ name: 'Theirs Surgery', postcode: 'TS1 1AA', version: start.version + 1 });
    expect(await page().getByLabel('Name', { exact: true }).inputValue()).toBe('Mine Surgery');
    expect(await page().getByLabel('Postcode').inputValue()).toBe('TS1 1AA');
    expect(await axeViolations(page())).toEqual([]);

    // Re-applied on the current version: the user's name, the other's postcode.
    await page().getByRole('button', { name: 'Save changes' }).click();
    await page().getByText(`The details of Mine Surgery (${other}) have been saved.`).waitFor();
    const saved = (await suite.ctx.api(Role.Admin).get(`/practices/${other}`).expect(200)).body;
    expect(saved).toMatchObject({ name: 'Mine Surgery', postcode: 'TS1 1AA', version: start.version + 2 });
  });

  test('both forms work with the keyboard alone', async () => {
    await suite.signInAt(`/practices/${other}/status/new`, SUPPORT);
    await page()
      .getByRole('heading', { name: /Record a status change/ })
      .waitFor();
    await tabTo(page(), '#service-appointments');
    await page().keyboard.press('ArrowDown'); // prescriptions
    await page().keyboard.press('Tab');
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('level-not_capable');
    await page().keyboard.press('ArrowDown'); // capable
    await page().keyboard.press('Tab');
    await page().keyboard.type('1');
    await page().keyboard.press('Tab');
    await page().keyboard.type('6');
    await page().keyboard.press('Tab');
    await page().keyboard.type('2014');
    await tabTo(page(), 'button[type=submit]');
    await page().keyboard.press('Enter');
    await page()
      .getByRole('heading', { name: /Check the status change before saving it/ })
      .waitFor();
    await tabTo(page(), 'button.nhsuk-button');
    await page().keyboard.press('Enter');
    await page()
      .getByText('View or order repeat prescriptions: Capable, not enabled (POMI 1) from 1 June 2014')
      .waitFor();
    const events = (await suite.ctx.api(Role.Support).get(`/practices/${other}/history`).expect(200)).body;
    expect(events.statusEvents[0]).toMatchObject({
      service: 'prescriptions',
      level: 'capable',
      effectiveDate: '2014-06-01',
    });

    await page().goto(`${suite.base}/practices/${other}/edit`);
    await page()
      .getByRole('heading', { name: /Change the practice’s details/ })
      .waitFor();
    await tabTo(page(), '#postcode');
    await page().keyboard.press('Control+A');
    await page().keyboard.type('DL1 1AA');
    await tabTo(page(), 'button[type=submit]');
    await page().keyboard.press('Enter');
    await page()
      .getByText(/have been saved/)
      .waitFor();
    expect((await suite.ctx.api(Role.Admin).get(`/practices/${other}`).expect(200)).body.postcode).toBe('DL1 1AA');
  });
});
