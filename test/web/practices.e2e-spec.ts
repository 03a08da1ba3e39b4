/// <reference lib="dom" />
import { ClinicalSystem, Level, Role, Service } from '@app/domain';
import type { Page } from 'playwright-core';
import type { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';
import { atWidth, axeViolations, browserSuite, sidewaysOverflow, tableCell } from './browser';

jest.setTimeout(180_000);

/**
 * The practices list (search, filters, sort, pages, all in the URL) and a practice's page (details, levels,
 * history, list sizes, follow-up, write controls, audit), in Debian's Chromium against the real API. Every
 * figure read from the page is compared with the API's own answer.
 */
describe('practices in a browser', () => {
  const NORTH_SUPPORT = 'north.support@test.invalid';
  const LONDON_SUPPORT = 'london.support@test.invalid';
  const MANAGER = 'north.manager@test.invalid';
  const ADMIN = 'the.admin@test.invalid';
  const MANOR = 'A81043';
  const NORTH_PRACTICES = 30;

  const suite = browserSuite(async (ctx) => {
    await seed(ctx);
    await ctx.factories.user({ role: Role.Support, regionCode: 'Y54', email: NORTH_SUPPORT, name: 'Nell North' });
    await ctx.factories.user({ role: Role.Support, regionCode: 'Y56', email: LONDON_SUPPORT, name: 'Lou London' });
    await ctx.factories.user({ role: Role.Manager, regionCode: 'Y54', email: MANAGER, name: 'Max Manager' });
    await ctx.factories.user({ role: Role.Admin, regionCode: null, email: ADMIN, name: 'Ada Admin' });
  });
  const { test } = suite;
  const page = () => suite.page;

  /** The list's results once they answer `search` (the list's URL query, as the page writes it). */
  const resultsFor = async (search: string, on: Page = page()) => {
    await on.locator(`[data-results-for="${search}"]`).waitFor();
    expect(new URL(on.url()).search).toBe(search ? `?${search}` : '');
  };
  /** The codes in the results table, top to bottom, read by its column header. */
  const shownCodes = (on: Page = page()) =>
    on
      .locator('table')
      .filter({ has: on.locator('caption', { hasText: /^Practices, by/ }) })
      .evaluate((el) => {
        const t = el as HTMLTableElement;
        const col = [...t.tHead!.rows[0].cells].findIndex((c) => c.textContent.trim() === 'Code');
        return [...t.tBodies[0].rows].map((r) => r.cells[col].textContent.trim());
      });
  const apiCodes = async (query: string) =>
    (await suite.ctx.api(Role.Support).get(`/practices?pageSize=25&${query}`).expect(200)).body.items.map(
      (p: { code: string }) => p.code,
    );

  test('search by name, code or postcode finds the practice, after a pause in typing', async () => {
    await suite.signInAt('/practices', NORTH_SUPPORT);
    await page().getByRole('heading', { name: 'Practices', level: 1 }).waitFor();
    const box = page().getByLabel('Search by code, name or postcode');
    for (const [typed, search] of [
      ['manor house', 'q=manor+house'],
      ['A8104', 'q=A8104'],
      ['ts6 0ha', 'q=ts6+0ha'],
      ['TS60HA', 'q=TS60HA'],
    ]) {
      await box.fill(typed);
      await resultsFor(search);
      expect(await shownCodes()).toEqual([MANOR]);
      const row = (column: string) => tableCell(page(), /^Practices, by/, 'The Manor House Surgery', column);
      expect([await row('List size'), await row('Records: View medical record')]).toEqual(['6,012', 'Capable (1)']);
      await page().getByRole('status').filter({ hasText: 'Showing 1 to 1 of 1 practice.' }).waitFor();
      await page().getByRole('link', { name: 'The Manor House Surgery' }).waitFor();
    }
    // Enter sends at once; nothing matches: said in words.
    await box.fill('no such practice');
    await box.press('Enter');
    await resultsFor('q=no+such+practice');
    await page().getByRole('status').filter({ hasText: 'No practices match.' }).waitFor();
    expect(await page().title()).toBe('Practices matching “no such practice” – Patient Online tracker – NHS');
  });

  test('filters and sort equal the API’s answer, live in the URL, and a pasted URL restores them', async () => {
    await suite.signInAt('/practices', NORTH_SUPPORT);
    await resultsFor('');
    // The whole table fits a 1280 px window: no sideways scrolling to reach a service's level.
    expect(page().viewportSize()?.width).toBe(1280);
    expect(await sidewaysOverflow(page().locator('.app-table-scroll'))).toBe(0);
    // On a phone it scrolls in its own box, and nothing in it (its headings' hidden words) pushes the page.
    await atWidth(page(), 360, async () => {
      expect(await sidewaysOverflow(page().locator('.app-table-scroll'))).toBeGreaterThan(0);
      expect(await sidewaysOverflow(page().locator('html'))).toBe(0);
    });
    await page().getByLabel('Region').selectOption({ label: 'North of England' });
    await resultsFor('regionCode=Y54');
    await page()
      .getByLabel('Service and level')
      .selectOption({ label: 'View medical record: capable, not enabled (1)' });
    await resultsFor('regionCode=Y54&service=records&level=capable');
    await page().getByLabel('Sort by').selectOption({ label: 'List size (largest first)' });
    const search = 'regionCode=Y54&service=records&level=capable&sort=listSize&order=desc';
    await resultsFor(search);
    const expected = await apiCodes(search);
    expect(expected.length).toBeGreaterThan(3);
    expect(await shownCodes()).toEqual(expected);
    expect(await axeViolations(page())).toEqual([]);

    // The same address in another tab shows the same filters and rows.
    const pasted = await suite.context.newPage();
    await pasted.goto(`${suite.base}/practices?${search}`);
    await resultsFor(search, pasted);
    expect(await pasted.getByLabel('Region').inputValue()).toBe('Y54');
    expect(await pasted.getByLabel('Service and level').inputValue()).toBe('records:capable');
    expect(await pasted.getByLabel('Sort by').inputValue()).toBe('listSize:desc');
    expect(await shownCodes(pasted)).toEqual(expected);
    await pasted.close();

    // More filters: a CCG, a clinical system, and "not offering" (the API's offering=false).
    await page().getByLabel('CCG').selectOption({ label: 'NHS Hartlepool and Stockton-on-Tees CCG (00K)' });
    await page().getByLabel('Clinical system').selectOption({ label: 'TPP' });
    await page()
      .getByLabel('Service and level')
      .selectOption({ label: 'View medical record: not offering (0, 1 or no status)' });
    const more =
      'regionCode=Y54&ccgCode=00K&clinicalSystem=TPP&service=records&offering=false&sort=listSize&order=desc';
    await resultsFor(more);
    const expectedMore = await apiCodes(more);
    expect(expectedMore.length).toBeGreaterThan(0);
    expect(await shownCodes()).toEqual(expectedMore);

    // Back steps through the choices made.
    await page().goBack();
    await page().goBack();
    await page().goBack();
    await resultsFor(search);
    expect(await shownCodes()).toEqual(expected);
  });

  test('pages of 25 with NHS pagination; the page number is in the URL', async () => {
    await suite.signInAt('/practices?regionCode=Y54&sort=code&order=asc', NORTH_SUPPORT);
    await resultsFor('regionCode=Y54&sort=code&order=asc');
    const total = NORTH_PRACTICES + 1;
    await page()
      .getByRole('status')
      .filter({ hasText: `Showing 1 to 25 of ${total} practices.` })
      .waitFor();
    expect(await shownCodes()).toEqual(await apiCodes('regionCode=Y54&sort=code&order=asc&page=1'));

    await page().getByRole('navigation', { name: 'Pages of practices' }).getByRole('link', { name: /Next/ }).click();
    await resultsFor('regionCode=Y54&sort=code&order=asc&page=2');
    await page()
      .getByRole('status')
      .filter({ hasText: `Showing 26 to ${total} of ${total} practices.` })
      .waitFor();
    expect(await shownCodes()).toEqual(await apiCodes('regionCode=Y54&sort=code&order=asc&page=2'));

    await page()
      .getByRole('navigation', { name: 'Pages of practices' })
      .getByRole('link', { name: /Previous/ })
      .click();
    await resultsFor('regionCode=Y54&sort=code&order=asc');
    // A new filter starts again at page 1.
    await page().goto(`${suite.base}/practices?regionCode=Y54&sort=code&order=asc&page=2`);
    await resultsFor('regionCode=Y54&sort=code&order=asc&page=2');
    await page().getByLabel('Clinical system').selectOption({ label: 'EMIS' });
    await resultsFor('regionCode=Y54&clinicalSystem=EMIS&sort=code&order=asc');
  });

  test('a practice’s page: details, levels and codes, history (back-dated marked), list sizes, follow-up', async () => {
    await suite.signInAt(`/practices/${MANOR}`, NORTH_SUPPORT);
    await page()
      .getByRole('heading', { name: `Practice ${MANOR} The Manor House Surgery`, level: 1 })
      .waitFor();
    await page().locator('[data-practice-ready="true"]').waitFor();
    const practice = (await suite.ctx.api(Role.Support).get(`/practices/${MANOR}`).expect(200)).body;
    const history = (await suite.ctx.api(Role.Support).get(`/practices/${MANOR}/history`).expect(200)).body;

    const detail = (key: string) =>
      page()
        .locator('.nhsuk-summary-list__row')
        .filter({ has: page().locator('dt', { hasText: key }) })
        .first()
        .locator('dd')
        .innerText();
    expect(await detail('ODS code')).toBe(MANOR);
    expect(await detail('Postcode')).toBe(practice.postcode);
    expect(await detail('CCG')).toBe('NHS South Tees CCG (00M)');
    expect(await detail('Region')).toBe('North of England (Y54)');
    expect(await detail('Clinical system')).toBe('EMIS');
    expect(await detail('List size')).toBe('6,012 patients (from 1 April 2014)');
    expect(practice.listSize).toEqual({ patients: 6012, effectiveDate: '2014-04-01' });

    // Each service's level in words, its POMI code beside it: the API's current levels.
    const WORDS = {
      not_capable: ['Not capable', '0'],
      capable: ['Capable, not enabled', '1'],
      enabled: ['Enabled', '2'],
    };
    for (const [service, name] of [
      ['appointments', 'Book or cancel appointments'],
      ['prescriptions', 'View or order repeat prescriptions'],
      ['records', 'View medical record'],
    ] as const) {
      const [words, code] = WORDS[practice.services[service].level as keyof typeof WORDS];
      expect(await tableCell(page(), 'Services today', name, 'Level')).toBe(words);
      expect(await tableCell(page(), 'Services today', name, 'POMI code')).toBe(code);
    }

    // The records history, newest first, the back-dated correction marked (as the API marks it).
    const records = page().getByRole('list', { name: 'View medical record' });
    const items = await records.getByRole('listitem').allInnerTexts();
    expect(items.map((t) => t.split('\n')[0])).toEqual([
      'Capable, not enabled (POMI 1) from 1 March 2014',
      'Capable, not enabled (POMI 1) from 1 February 2014 Back-dated',
      'Not capable (POMI 0) from 1 January 2013',
    ]);
    expect(
      history.statusEvents
        .filter((e: { service: string }) => e.service === 'records')
        .map((e: { backDated: boolean }) => e.backDated),
    ).toEqual([false, true, false]);
    expect(items[1]).toContain('after the month it took effect in');

    // The list size: a chart (drawn) and its table, equal to the API's history.
    await page()
      .getByRole('img', { name: /^Step chart of the registered list size/ })
      .locator('svg')
      .first()
      .waitFor();
    // Its value axis starts at 0 (a cut axis would make 200 more patients look like a doubling).
    await page().locator('.app-list-size-chart__canvas[data-drawn="true"]').waitFor();
    const axisLabels = await page().locator('.app-list-size-chart__canvas svg text').allTextContents();
    expect(axisLabels).toContain('0');
    expect(axisLabels).toContain('6,000');
    const shown: string[] = [];
    for (const l of history.listSizes as { effectiveDate: string; patients: number }[]) {
      const date = new Date(`${l.effectiveDate}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      shown.push(`${date} ${await tableCell(page(), 'List size over time', date, 'Patients')}`);
    }
    expect(shown).toEqual(['1 April 2014 6,012', '1 January 2014 5,904', '1 April 2013 5,800']);

    // Its follow-up, with a link to the follow-up's own page.
    const followUps = (
      await suite.ctx.api(Role.Support).get(`/follow-ups?practiceCode=${MANOR}&state=active`).expect(200)
    ).body.items;
    expect(followUps).toHaveLength(1);
    expect(await detail('State')).toBe('Open');
    // The state in its tag, as the follow-up pages show it; the owner by name.
    expect(await page().locator('dd .nhsuk-tag--blue', { hasText: 'Open' }).count()).toBe(1);
    expect(await detail('Owner')).toBe('Nobody');
    expect(await page().getByRole('link', { name: 'Open the follow-up' }).getAttribute('href')).toBe(
      `/follow-ups/${followUps[0].id}`,
    );
    const [ada] = await suite.ctx.db.query(`SELECT id FROM app_user WHERE email = $1`, [ADMIN]);
    await suite.ctx.api(Role.Admin).put(`/follow-ups/${followUps[0].id}/owner`).send({ ownerId: ada.id }).expect(200);
    await page().reload();
    await page().locator('[data-practice-ready="true"]').waitFor();
    expect(await detail('Owner')).toBe('Ada Admin');
    // On a phone its tables scroll in their own boxes: nothing pushes the page sideways.
    await atWidth(page(), 360, async () => {
      expect(await sidewaysOverflow(page().locator('html'))).toBe(0);
      await page().getByRole('region', { name: 'Services today table' }).waitFor();
    });

    // Support staff of the practice's region may write here; the audit trail is for admins only.
    expect(await page().getByRole('button', { name: 'Record a status change' }).getAttribute('href')).toBe(
      `/practices/${MANOR}/status/new`,
    );
    expect(await page().getByRole('button', { name: 'Edit details' }).getAttribute('href')).toBe(
      `/practices/${MANOR}/edit`,
    );
    expect(await page().getByRole('heading', { name: 'Who changed what' }).count()).toBe(0);
    expect(await axeViolations(page())).toEqual([]);
  });

  test('no write controls for support of another region or managers; an admin has them and the audit', async () => {
    const writeControls = async () =>
      (await page().getByRole('button', { name: 'Record a status change' }).count()) +
      (await page().getByRole('button', { name: 'Edit details' }).count()) +
      (await page().getByRole('link', { name: 'Record a status change' }).count()) +
      (await page().getByRole('link', { name: 'Edit details' }).count());
    const open = async (code: string) => {
      await page().goto(`${suite.base}/practices/${code}`);
      await page().locator('[data-practice-ready="true"]').waitFor();
    };

    await suite.signInAt(`/practices/${MANOR}`, LONDON_SUPPORT);
    await page().locator('[data-practice-ready="true"]').waitFor();
    expect(await writeControls()).toBe(0);
    await open('L20001'); // their own region's practice: they may write there
    await page().getByRole('button', { name: 'Record a status change' }).waitFor();
    await suite.context.clearCookies();

    await suite.signInAt(`/practices/${MANOR}`, MANAGER);
    await page().locator('[data-practice-ready="true"]').waitFor();
    expect(await writeControls()).toBe(0);
    expect(await page().getByRole('heading', { name: 'Who changed what' }).count()).toBe(0);
    await suite.context.clearCookies();

    await suite.signInAt(`/practices/${MANOR}`, ADMIN);
    await page().getByRole('button', { name: 'Record a status change' }).waitFor();
    await page().getByRole('heading', { name: 'Who changed what' }).waitFor();
    const audit = (await suite.ctx.api(Role.Admin).get(`/audit?entityType=practice&entityId=${MANOR}`).expect(200))
      .body;
    expect(audit.total).toBeGreaterThan(0);
    await page()
      .getByRole('table', { name: /^Changes, newest first/ })
      .waitFor();
    const rows = await page()
      .getByRole('table', { name: /^Changes, newest first/ })
      .locator('tbody tr')
      .count();
    expect(rows).toBe(Math.min(audit.total, 10));
    expect(
      await page()
        .getByRole('table', { name: /^Changes, newest first/ })
        .innerText(),
    ).toContain('Edited the details');
    expect(await axeViolations(page())).toEqual([]);
  });

  test('keyboard only: search, choose a sort, change page, open a practice and reach its controls', async () => {
    await suite.signInAt('/practices', NORTH_SUPPORT);
    await resultsFor('');
    const focused = () =>
      page().evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return `${el?.tagName ?? ''}#${el?.id ?? ''} ${el?.textContent?.trim().slice(0, 60) ?? ''}`;
      });
    /** Presses Tab (or Shift+Tab) until the focus is on what `is` recognises (at most 80 times). */
    const tabTo = async (is: (f: string) => boolean, key = 'Tab') => {
      for (let i = 0; i < 80; i++) {
        await page().keyboard.press(key);
        if (is(await focused())) return;
      }
      throw new Error(`${key} never reached it; last focus: ${await focused()}`);
    };

    // A sort chosen with the arrow keys, the next page by its link.
    await tabTo((f) => f.startsWith('SELECT#sort'));
    await page().keyboard.press('ArrowDown'); // Name (Z to A)
    await resultsFor('sort=name&order=desc');
    expect(await shownCodes()).toEqual(await apiCodes('sort=name&order=desc'));
    await tabTo((f) => f.startsWith('A#') && f.includes('Next'));
    await page().keyboard.press('Enter');
    await resultsFor('sort=name&order=desc&page=2');
    expect(await shownCodes()).toEqual(await apiCodes('sort=name&order=desc&page=2'));

    // Back up to the search box, search, and open a practice from the results.
    await tabTo((f) => f.startsWith('INPUT#practice-search'), 'Shift+Tab');
    await page().keyboard.type('manor');
    await resultsFor('q=manor&sort=name&order=desc');
    await tabTo((f) => f.includes('The Manor House Surgery'));
    await page().keyboard.press('Enter');
    await page()
      .getByRole('heading', { name: `Practice ${MANOR} The Manor House Surgery` })
      .waitFor();
    await page().locator('[data-practice-ready="true"]').waitFor();
    await tabTo((f) => f.includes('All practices'), 'Shift+Tab');
    await tabTo((f) => f.includes('Record a status change'));
    await tabTo((f) => f.includes('Edit details'));
    await tabTo((f) => f.includes('Open the follow-up'));
  });

  /**
   * North of England (Y54): The Manor House Surgery with a history (one back-dated correction), list sizes
   * and a follow-up, and 30 more practices over two CCGs with different systems, list sizes and levels.
   * London (Y56): three practices.
   */
  async function seed(ctx: TestContext) {
    await ctx.factories.region('Y54', 'North of England');
    await ctx.factories.region('Y56', 'London');
    await ctx.factories.ccg('00M', 'Y54', 'NHS South Tees CCG');
    await ctx.factories.ccg('00K', 'Y54', 'NHS Hartlepool and Stockton-on-Tees CCG');
    await ctx.factories.ccg('07X', 'Y56', 'NHS Enfield CCG');

    const manor = await ctx.factories.practice({
      code: MANOR,
      name: 'The Manor House Surgery',
      ccgCode: '00M',
      regionCode: 'Y54',
      clinicalSystem: ClinicalSystem.EMIS,
      openedOn: '1974-04-01',
    });
    await ctx.api().patch(`/practices/${MANOR}`).send({ postcode: 'TS6 0HA' }).expect(200); // audited
    await ctx.factories.listSize(manor.id, '2013-04-01', 5800);
    await ctx.factories.listSize(manor.id, '2014-01-01', 5904);
    await ctx.factories.listSize(manor.id, '2014-04-01', 6012);
    const event = (service: Service, level: Level, effective: string, recorded: string) =>
      ctx.factories.statusEvent(manor.id, service, level, effective, { recordedAt: recorded });
    await event(Service.Records, Level.NotCapable, '2013-01-01', '2013-01-01T10:00:00Z');
    await event(Service.Records, Level.Capable, '2014-03-01', '2014-03-01T10:00:00Z');
    await event(Service.Records, Level.Capable, '2014-02-01', '2014-04-02T10:00:00Z'); // back-dated
    await event(Service.Appointments, Level.Enabled, '2013-06-01', '2013-06-01T10:00:00Z');
    await event(Service.Prescriptions, Level.Capable, '2014-01-15', '2014-01-15T10:00:00Z');

    const WORDS = ['Abbey', 'Beacon', 'Cedar', 'Dale', 'Elm', 'Fell', 'Glebe', 'Heath', 'Ivy', 'Jubilee'];
    const KINDS = ['Surgery', 'Medical Centre', 'Health Centre'];
    const SYSTEMS = [ClinicalSystem.EMIS, ClinicalSystem.TPP, ClinicalSystem.INPS];
    const LEVELS = [Level.Capable, Level.Enabled, Level.NotCapable, null];
    for (let i = 1; i <= NORTH_PRACTICES; i++) {
      const code = `N${String(10000 + i)}`;
      const p = await ctx.factories.practice({
        code,
        name: `${WORDS[i % WORDS.length]} ${KINDS[i % KINDS.length]} ${i}`,
        ccgCode: i % 2 ? '00M' : '00K',
        regionCode: 'Y54',
        clinicalSystem: SYSTEMS[i % SYSTEMS.length],
        listSize: 1000 + i * 137,
      });
      await ctx.db.query(`UPDATE practice SET postcode = $2 WHERE id = $1`, [p.id, `TS${(i % 9) + 1} ${i % 10}AB`]);
      const level = LEVELS[i % LEVELS.length];
      if (level) await ctx.factories.statusEvent(p.id, Service.Records, level, '2014-01-01');
    }
    for (let i = 1; i <= 3; i++) {
      const p = await ctx.factories.practice({
        code: `L2000${i}`,
        name: `Enfield Practice ${i}`,
        ccgCode: '07X',
        regionCode: 'Y56',
        listSize: 2000 * i,
      });
      await ctx.factories.statusEvent(p.id, Service.Records, Level.Capable, '2014-01-01');
    }

    // The follow-ups the rule opens (the worker's nightly sweep), so the practice's page has one to show.
    const worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 });
    try {
      await worker.schedules.sweepFollowUps();
      await worker.settle();
    } finally {
      await worker.close();
    }
  }
});
