/// <reference lib="dom" />
import type { Locator } from 'playwright-core';
import { Level, Role, Service } from '@app/domain';
import { FollowUpRuleService } from '@app/follow-ups';
import { TestContext } from '../setup/test-context';
import { atWidth, axeViolations } from './browser';
import { areaHeading as headingIn, MIDLANDS, NORTH, northManagerSuite, SERVICES } from './dashboard';

jest.setTimeout(180_000);

/**
 * The dashboard's barrier report (a chart and its table) and its list of the practices not offering a
 * service, in Debian's Chromium against the real API: both read from the page as a person reads them and
 * compared with the API's own answers, in two regions and England; then a keyboard-only pass over every
 * control of the dashboard.
 */
describe('dashboard barriers and practices not offering, in a browser', () => {
  const { suite, test, signInAt } = northManagerSuite((ctx) => seedBarriersAndLists(ctx, NORTH, MIDLANDS), {
    email: 'outlook.manager@test.invalid',
    name: 'Olive Outlook',
  });
  const page = () => suite.page;
  const api = () => suite.ctx.api(Role.Manager);
  const areaHeading = (name: string) => headingIn(page(), name);

  const barrierTable = (area: string) =>
    page().getByRole('table', { name: `Practices in ${area} reporting each barrier, by service, to date` });
  const listTable = (area: string, service: string) =>
    page().getByRole('table', { name: new RegExp(`^Practices in ${area} not offering ${service} today`) });

  /** The barrier table as the API's report says it should read: barrier → the three services' counts. */
  const expectedBarrierTable = async (regionCode?: string) => {
    const report = (
      await api()
        .get(`/reports/barriers${regionCode ? `?regionCode=${regionCode}` : ''}`)
        .expect(200)
    ).body as {
      rows: { service: Service; category: string; practices: number }[];
      totals: { service: Service; practices: number }[];
    };
    const table: Record<string, string[]> = {};
    for (const row of report.rows) {
      table[BARRIERS[row.category]] ??= ['0', '0', '0'];
      table[BARRIERS[row.category]][SERVICES.findIndex(([, s]) => s === row.service)] = String(row.practices);
    }
    table['Any barrier (each practice once)'] = SERVICES.map(
      ([, s]) => `${report.totals.find((t) => t.service === s)?.practices ?? 0}`,
    );
    return table;
  };

  /** The area's barrier chart is drawn (an image named for screen readers) and its table equals the API's. */
  const expectBarriersOf = async (name: string, regionCode?: string) => {
    await areaHeading(name).waitFor();
    const chart = page().getByRole('img', {
      name: new RegExp(`^Bar chart: practices in ${name} reporting each barrier`),
    });
    await chart.locator('svg').waitFor();
    // ECharts drew bars (SVG paths), not an empty frame.
    expect(await chart.locator('svg path').count()).toBeGreaterThan(0);
    const table = barrierTable(name);
    if (!(await table.isVisible())) await page().getByText('Show the barriers as a table').click();
    await table.waitFor();
    const { headers, rows } = await readTable(table);
    expect(headers).toEqual(['Barrier', ...SERVICES.map(([label]) => label)]);
    const shown = Object.fromEntries(rows.map(([barrier, ...counts]) => [barrier, counts]));
    expect(shown).toEqual(await expectedBarrierTable(regionCode));
    // Most reported first; the row of any barrier last.
    const largest = rows.slice(0, -1).map((r) => Math.max(...r.slice(1).map(Number)));
    expect(largest).toEqual([...largest].sort((a, b) => b - a));
    expect(rows.at(-1)?.[0]).toBe('Any barrier (each practice once)');
  };

  /** The page's list (one page of it) equals the API's page of practices not offering the service. */
  const expectListOf = async (name: string, label: string, service: Service, pageNo: number, regionCode?: string) => {
    const table = listTable(name, label);
    await table.filter({ hasText: new RegExp(`page ${pageNo} of|\\d practices?\\)`) }).waitFor();
    const query =
      `service=${service}&offering=false&open=true&sort=listSize&order=desc&page=${pageNo}&pageSize=20` +
      (regionCode ? `&regionCode=${regionCode}` : '');
    const list = (await api().get(`/practices?${query}`).expect(200)).body as {
      items: {
        code: string;
        name: string;
        listSize: { patients: number } | null;
        services: Record<Service, { level: string }>;
      }[];
      total: number;
    };
    const { headers, rows, links } = await readTable(table);
    expect(headers).toEqual(['ODS code', 'Practice', 'Patients on the list', 'Level today (POMI code)']);
    expect(rows.map((r) => r.slice(0, 3))).toEqual(
      list.items.map((p) => [p.code, p.name, p.listSize ? p.listSize.patients.toLocaleString('en-GB') : 'Not known']),
    );
    expect(rows.map((r) => r[3].replace(/ since .*/, ''))).toEqual(
      list.items.map((p) => LEVELS[p.services[service].level]),
    );
    // Each practice's name links to its page.
    expect(links).toEqual(list.items.map((p) => `/practices/${p.code}`));
    expect(await table.locator('caption').innerText()).toContain(
      `(${list.total} practices${list.total > 20 ? `, page ${pageNo} of ${Math.ceil(list.total / 20)}` : ''})`,
    );
    return list;
  };

  test('the barrier chart and its table show the API’s report for each area', async () => {
    await signInAt('/?asOf=2014-09-30');
    await expectBarriersOf(NORTH[1], NORTH[0]);
    expect(await axeViolations(page())).toEqual([]);

    await page().getByLabel('Area').selectOption({ label: MIDLANDS[1] });
    await expectBarriersOf(MIDLANDS[1], MIDLANDS[0]);
    await page().getByLabel('Area').selectOption({ label: 'England' });
    await expectBarriersOf('England');
    // The seed's areas differ, so the page did follow the area.
    expect(await expectedBarrierTable(NORTH[0])).not.toEqual(await expectedBarrierTable(MIDLANDS[0]));
  });

  test('practices not offering a service: the API’s list for the area, largest first, page 2 in the URL', async () => {
    await signInAt('/?asOf=2014-09-30&notOffering=records');
    await areaHeading(NORTH[1]).waitFor();
    const first = await expectListOf(NORTH[1], 'view medical record', Service.Records, 1, NORTH[0]);
    expect(first.total).toBeGreaterThan(20);
    // The seed's closed practice and the practices offering the service are not in the list.
    expect(first.items.map((p) => p.name)).not.toContain('Closed Surgery');
    expect(await axeViolations(page())).toEqual([]);

    await page().getByRole('link', { name: 'Page 2', exact: true }).click();
    await page().waitForURL(/notOfferingPage=2/);
    await expectListOf(NORTH[1], 'view medical record', Service.Records, 2, NORTH[0]);
    expect(new URL(page().url()).search).toBe('?asOf=2014-09-30&notOffering=records&notOfferingPage=2');

    // Back and a reload keep the page the URL names.
    await page().goBack();
    await expectListOf(NORTH[1], 'view medical record', Service.Records, 1, NORTH[0]);
    await page().getByRole('link', { name: 'Next page' }).click();
    await page().waitForURL(/notOfferingPage=2/);
    await page().reload();
    await expectListOf(NORTH[1], 'view medical record', Service.Records, 2, NORTH[0]);

    // Another service starts at its first page.
    await page()
      .getByLabel('Practices not offering', { exact: true })
      .selectOption({ label: 'Book or cancel appointments' });
    await page().waitForURL((url) => url.searchParams.get('notOffering') === 'appointments');
    expect(new URL(page().url()).searchParams.has('notOfferingPage')).toBe(false);
    await expectListOf(NORTH[1], 'book or cancel appointments', Service.Appointments, 1, NORTH[0]);

    // Another area.
    await page().getByLabel('Area').selectOption({ label: MIDLANDS[1] });
    await expectListOf(MIDLANDS[1], 'book or cancel appointments', Service.Appointments, 1, MIDLANDS[0]);
    await page().getByLabel('Practices not offering', { exact: true }).selectOption({ label: 'View medical record' });
    await expectListOf(MIDLANDS[1], 'view medical record', Service.Records, 1, MIDLANDS[0]);
    await page().getByLabel('Area').selectOption({ label: 'England' });
    await expectListOf('England', 'view medical record', Service.Records, 1);
    expect(await axeViolations(page())).toEqual([]);

    // On a small phone (WCAG's 320 px) the table scrolls in its own box, but its caption wraps at the screen's
    // width, all of it read.
    await atWidth(page(), 320, async () => {
      // The table itself stays wider than the screen.
      const table = listTable('England', 'view medical record');
      expect((await table.boundingBox())!.width).toBeGreaterThan(320 - 32);
      expect((await table.locator('caption').boundingBox())!.width).toBeLessThanOrEqual(320 - 32);
    });
  });

  test('keyboard only: every control of the dashboard is reached by Tab and works from the keyboard', async () => {
    await signInAt('/?asOf=2014-09-30');
    await areaHeading(NORTH[1]).waitFor();
    await listTable(NORTH[1], 'book or cancel appointments').waitFor();
    const keys = page().keyboard;
    const url = () => new URL(page().url());

    // Area: the arrow keys choose another area, which shows at once.
    await tabTo(page().getByLabel('Area'));
    await keys.press('ArrowDown');
    await page().waitForURL((u) => u.searchParams.get('area') === MIDLANDS[0]);
    await areaHeading(MIDLANDS[1]).waitFor();
    await keys.press('ArrowUp');
    await page().waitForURL((u) => u.searchParams.get('area') === NORTH[0]);
    await areaHeading(NORTH[1]).waitFor();

    // The date form: month, year, then Enter on the button (the known-on and range forms have their own).
    const monthEnd = page().getByRole('group', { name: 'Figures at the end of' });
    await tabTo(monthEnd.getByLabel('Month', { exact: true }));
    await keys.press('Control+A');
    await keys.type('6');
    await tabTo(monthEnd.getByLabel('Year', { exact: true }));
    await keys.press('Control+A');
    await keys.type('2014');
    await tabTo(page().getByRole('button', { name: 'Show figures' }));
    await keys.press('Enter');
    await page().waitForURL((u) => u.searchParams.get('asOf') === '2014-06-30');
    await page().getByRole('table', { name: 'Progress in numbers at the end of June 2014' }).waitFor();

    // The barriers' table behind its toggle: Enter opens it.
    const barrierToggle = page().locator('summary', { hasText: 'Show the barriers as a table' });
    await tabTo(barrierToggle);
    await keys.press('Enter');
    await barrierTable(NORTH[1]).waitFor();

    // The list's service: the arrow keys choose another.
    await tabTo(page().getByLabel('Practices not offering', { exact: true }));
    const serviceSelect = page().getByLabel('Practices not offering', { exact: true });
    await keys.press('ArrowDown');
    await page().waitForURL((u) => u.searchParams.get('notOffering') === 'prescriptions');
    // The select shows the URL's choice again before the next key (React sets it from the URL).
    await page().waitForFunction(
      (el) => (el as HTMLSelectElement).value === 'prescriptions',
      await serviceSelect.elementHandle(),
    );
    await keys.press('ArrowDown');
    await page().waitForURL((u) => u.searchParams.get('notOffering') === 'records');
    await listTable(NORTH[1], 'view medical record').filter({ hasText: 'page 1 of' }).waitFor();

    // Pagination: Tab past the practices' links to "Next", Enter shows page 2.
    await tabTo(page().getByRole('link', { name: 'Next page' }));
    await keys.press('Enter');
    await page().waitForURL((u) => u.searchParams.get('notOfferingPage') === '2');
    await listTable(NORTH[1], 'view medical record').filter({ hasText: 'page 2 of' }).waitFor();
    await tabTo(page().getByRole('link', { name: 'Previous page' }), 'backwards');
    await keys.press('Enter');
    await page().waitForURL((u) => !u.searchParams.has('notOfferingPage'));
    await listTable(NORTH[1], 'view medical record').filter({ hasText: 'page 1 of' }).waitFor();

    // The trend charts' tables: each toggle reached by Tab, Space opens it.
    for (const service of [
      'Book or cancel appointments',
      'View or order repeat prescriptions',
      'View medical record',
    ]) {
      // The table is hidden until its toggle opens: found by its caption's text, not its role.
      const trend = page().locator('details', {
        has: page().locator('caption', { hasText: `${service}: month-end figures` }),
      });
      await tabTo(trend.locator('summary'));
      await keys.press('Space');
      await trend.getByRole('table').waitFor();
    }
    expect(await axeViolations(page())).toEqual([]);

    // A practice's name, from the keyboard, opens its page.
    const firstPractice = listTable(NORTH[1], 'view medical record').getByRole('link').first();
    const href = await firstPractice.getAttribute('href');
    await tabTo(firstPractice, 'backwards');
    await keys.press('Enter');
    await page().waitForURL((u) => u.pathname === href);
    expect(url().pathname).toMatch(/^\/practices\/[A-Z]\d{5}$/);
  });

  /**
   * Presses Tab (or Shift+Tab) until `target` has the focus, and fails if it never does: the control is in
   * the tab order. The page is small enough that 120 presses go round it.
   */
  async function tabTo(target: Locator, direction: 'forwards' | 'backwards' = 'forwards') {
    for (let i = 0; i < 120; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page().keyboard.press(direction === 'forwards' ? 'Tab' : 'Shift+Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }
});

/** The barrier categories in the page's words (written out here, not with the page's code). */
const BARRIERS: Record<string, string> = {
  system_not_capable: 'Clinical system not capable',
  awaiting_supplier: 'Waiting for the supplier',
  staff_capacity: 'Staff capacity',
  identity_verification: 'Identity verification',
  clinical_safety: 'Clinical safety',
  information_governance: 'Information governance',
  record_redaction: 'Record redaction',
  training_needed: 'Training needed',
  low_patient_demand: 'Low patient demand',
  practice_policy: 'Practice policy',
  other: 'Other',
};

/** A level as the page writes it, with its POMI code. */
const LEVELS: Record<string, string> = {
  not_capable: 'Not capable (0)',
  capable: 'Capable, not enabled (1)',
  unknown: 'No status recorded',
};

/** A table's header texts, its body rows' cell texts and the links of its row headers. */
async function readTable(table: Locator): Promise<{ headers: string[]; rows: string[][]; links: string[] }> {
  return table.evaluate((el) => {
    const t = el as HTMLTableElement;
    const text = (c: Element) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
    return {
      headers: [...t.tHead!.rows[0].cells].map(text),
      rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map(text)),
      links: [...t.tBodies[0].querySelectorAll('th a')].map((a) => a.getAttribute('href') ?? ''),
    };
  });
}

/**
 * Two regions. In the North, 24 open practices not offering records (two pages of 20) with list sizes in
 * a known order, some without one, some with no level recorded; practices offering it, and a closed one,
 * that the list must leave out. Follow-ups opened by the rule, then barriers recorded through the API, so
 * that the two regions' barrier reports differ.
 */
async function seedBarriersAndLists(
  ctx: TestContext,
  north: readonly [string, string],
  midlands: readonly [string, string],
): Promise<void> {
  const f = ctx.factories;
  await f.region(...north);
  await f.region(...midlands);
  const { Appointments: A, Prescriptions: P, Records: R } = Service;
  const { NotCapable: N, Capable: C, Enabled: E } = Level;
  const northPractices: { id: number; code: string }[] = [];
  for (let i = 0; i < 24; i++) {
    // List sizes out of code order (so sorting shows), two practices without one (last in the list).
    const listSize = i % 12 === 5 ? undefined : 1000 + ((i * 7919) % 9000);
    const p = await f.practice({ regionCode: north[0], ccgCode: '00M', name: `North Surgery ${i + 1}`, listSize });
    northPractices.push(p);
    await f.statusEvent(p.id, P, E, '2013-01-01');
    if (i % 3 !== 0) await f.statusEvent(p.id, A, E, '2013-06-01');
    else await f.statusEvent(p.id, A, C, '2014-02-01');
    if (i % 4 === 1) await f.statusEvent(p.id, R, N, '2013-01-01');
    else if (i % 4 !== 3) await f.statusEvent(p.id, R, C, '2014-03-01');
  }
  for (let i = 0; i < 3; i++) {
    const p = await f.practice({
      regionCode: north[0],
      ccgCode: '00M',
      name: `Offering Surgery ${i + 1}`,
      listSize: 20000,
    });
    for (const s of [A, P, R]) await f.statusEvent(p.id, s, E, '2013-01-01');
  }
  const closed = await f.practice({
    regionCode: north[0],
    ccgCode: '00M',
    name: 'Closed Surgery',
    listSize: 30000,
    closedOn: '2015-01-01',
  });
  await f.statusEvent(closed.id, R, C, '2013-01-01');
  const midlandsPractices: { id: number; code: string }[] = [];
  for (let i = 0; i < 5; i++) {
    const p = await f.practice({
      regionCode: midlands[0],
      ccgCode: '01A',
      name: `Midlands Surgery ${i + 1}`,
      listSize: 2000 + i * 500,
    });
    midlandsPractices.push(p);
    await f.statusEvent(p.id, A, i < 2 ? C : E, '2014-01-01');
    await f.statusEvent(p.id, P, E, '2014-01-01');
    await f.statusEvent(p.id, R, C, '2014-01-01');
  }

  await ctx.app.get(FollowUpRuleService, { strict: false }).sweep();
  const barriers = async (practiceId: number, list: { service: Service; category: string }[]) => {
    const [followUp] = await ctx.db.query(
      `SELECT id FROM follow_up WHERE practice_id = $1 AND state IN ('open', 'contacted', 'barriers_recorded')`,
      [practiceId],
    );
    await ctx.api().post(`/follow-ups/${followUp.id}/barriers`).send({ barriers: list }).expect(200);
  };
  const [n0, , n2, n3, n4, n5, n6] = northPractices;
  await barriers(n0.id, [
    { service: R, category: 'record_redaction' },
    { service: A, category: 'staff_capacity' },
  ]);
  await barriers(n2.id, [{ service: R, category: 'record_redaction' }]);
  await barriers(n3.id, [{ service: A, category: 'staff_capacity' }]);
  await barriers(n4.id, [{ service: R, category: 'record_redaction' }]);
  await barriers(n5.id, [
    { service: R, category: 'system_not_capable' },
    { service: R, category: 'record_redaction' },
  ]);
  await barriers(n6.id, [{ service: R, category: 'training_needed' }]);
  await barriers(midlandsPractices[0].id, [
    { service: R, category: 'identity_verification' },
    { service: A, category: 'awaiting_supplier' },
  ]);
  await barriers(midlandsPractices[3].id, [{ service: R, category: 'identity_verification' }]);
}
