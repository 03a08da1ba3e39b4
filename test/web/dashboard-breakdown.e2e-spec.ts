/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { ClinicalSystem, Level, Role, Service } from '@app/domain';
import { TestContext } from '../setup/test-context';
import { axeViolations, browserSuite, percentText, pointsText } from './browser';

jest.setTimeout(120_000);

interface Group {
  code: string;
  name: string;
  services: Record<
    Service,
    Record<Figure, number | null> & {
      practices: { total: number };
      previousYear: Record<Figure, number | null>;
      change: Record<Figure, number | null>;
    }
  >;
}
type Figure = 'practicesCapablePct' | 'patientsAtEnabledPct';

/**
 * The dashboard's breakdown (by region, CCG or clinical system) in Debian's Chromium against the real API:
 * its table read by caption and headers equals GET /reports/breakdown, sorting and filtering reorder and
 * narrow the rows and go into the URL, the CSV downloaded is the API's own, and it all works by keyboard.
 */
describe('dashboard breakdown in a browser', () => {
  const MANAGER = 'england.manager@test.invalid';
  const NORTH_MANAGER = 'north.manager@test.invalid';
  const suite = browserSuite(async (ctx) => {
    await seed(ctx);
    await ctx.factories.user({ role: Role.Manager, email: MANAGER, name: 'Erin England' });
    await ctx.factories.user({ role: Role.Manager, regionCode: 'Y54', email: NORTH_MANAGER, name: 'Nora North' });
  });
  const { test } = suite;
  const page = () => suite.page;
  const AS_OF = '2014-09-30';
  const CAPTION = /^Breakdown by/;
  const table = () => page().getByRole('table', { name: CAPTION });

  const breakdownOf = async (by: string, regionCode?: string): Promise<{ groups: Group[]; previousAsOf: string }> =>
    (
      await suite.ctx
        .api(Role.Manager)
        .get(`/reports/breakdown?by=${by}&asOf=${AS_OF}${regionCode ? `&regionCode=${regionCode}` : ''}`)
        .expect(200)
    ).body;

  /** The table as a person reads it: its caption, its column headers and each row's cells, as text. */
  const readTable = async () =>
    table().evaluate((el) => {
      const t = el as HTMLTableElement;
      return {
        caption: t.caption!.textContent.trim(),
        headers: [...t.tHead!.rows[0].cells].map((c) => c.textContent.trim()),
        sorts: [...t.tHead!.rows[0].cells].map((c) => c.getAttribute('aria-sort')),
        rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.trim())),
      };
    });

  /** The rows the page should show for the API's groups: written out here, not with the page's code. */
  const expectedRows = (groups: Group[], service: Service, figure: Figure, withCode = true) =>
    groups.map((g) => {
      const s = g.services[service];
      return [
        g.name,
        ...(withCode ? [g.code] : []),
        s.practices.total.toLocaleString('en-GB'),
        percentText(s[figure]),
        percentText(s.previousYear[figure]),
        pointsText(s.change[figure]),
      ];
    });

  const byName = (a: Group, b: Group) => a.name.localeCompare(b.name, 'en-GB');
  const searchParam = (name: string) => new URL(page().url()).searchParams.get(name);

  /** Waits until the table shows the given rows (the page may still be drawing them), then checks them. */
  const expectRows = async (rows: string[][]) => {
    await page()
      .waitForFunction(
        (expected) => {
          const t = [...document.querySelectorAll('table')].find((el) =>
            el.caption?.textContent.startsWith('Breakdown by'),
          );
          const shown = t && [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.trim()));
          return JSON.stringify(shown) === expected;
        },
        JSON.stringify(rows),
        { timeout: 30_000 },
      )
      .catch(() => undefined); // the comparison below says what differs
    expect((await readTable()).rows).toEqual(rows);
  };

  test('the table and its chart show the API’s breakdown by region, CCG and clinical system', async () => {
    await suite.signInAt(`/?asOf=${AS_OF}`, MANAGER);
    await table().waitFor();
    // England opens by region, sorted by name, with the first figure.
    const regions = await breakdownOf('region');
    const shown = await readTable();
    expect(shown.caption).toMatch(/^Breakdown by region at the end of September 2014/);
    expect(shown.caption).toContain('Book or cancel appointments: practices capable');
    expect(shown.headers).toEqual([
      'Region',
      'Code',
      'Practices in scope',
      '30 September 2014',
      '30 September 2013',
      'Change (percentage points)',
    ]);
    expect(shown.sorts).toEqual(['ascending', 'none', 'none', 'none', 'none', 'none']);
    expect(shown.rows).toEqual(
      expectedRows(regions.groups.slice().sort(byName), Service.Appointments, 'practicesCapablePct'),
    );
    // The chart, described for screen readers, beside its table.
    await page()
      .getByRole('img', { name: /^Bar chart of Book or cancel appointments: practices capable/ })
      .waitFor();
    await page().locator('.app-breakdown__canvas svg').waitFor();

    await page().getByLabel('Break down by').selectOption({ label: 'CCG' });
    await page()
      .getByLabel('Figure shown')
      .selectOption({ label: 'View medical record: patients at practices offering' });
    await page()
      .getByRole('table', { name: /^Breakdown by CCG/ })
      .waitFor();
    const ccgs = await breakdownOf('ccg');
    await expectRows(expectedRows(ccgs.groups.slice().sort(byName), Service.Records, 'patientsAtEnabledPct'));
    expect(searchParam('by')).toBe('ccg');
    expect(searchParam('figure')).toBe('records-offering');
    expect((await readTable()).caption).toContain('View medical record: patients at practices offering');

    await page().getByLabel('Break down by').selectOption({ label: 'Clinical system' });
    await page()
      .getByRole('table', { name: /^Breakdown by clinical system/ })
      .waitFor();
    const systems = await breakdownOf('clinical-system');
    await expectRows(expectedRows(systems.groups.slice().sort(byName), Service.Records, 'patientsAtEnabledPct', false));
    // A clinical system with no practice has no figure: "No data", and no bar.
    expect((await readTable()).rows.find((r) => r[0] === String(ClinicalSystem.MICROTEST))?.[2]).toBe('No data');
    expect(await axeViolations(page())).toEqual([]);

    // Back returns to the breakdown by CCG.
    await page().goBack();
    await page()
      .getByRole('table', { name: /^Breakdown by CCG/ })
      .waitFor();
  });

  test('within a region: its CCGs only, and no breakdown by region', async () => {
    await suite.signInAt(`/?asOf=${AS_OF}`, NORTH_MANAGER);
    await page()
      .getByRole('table', { name: /^Breakdown by CCG/ })
      .waitFor();
    const options = await page().getByLabel('Break down by').locator('option').allTextContents();
    expect(options).toEqual(['CCG', 'Clinical system']);
    const north = await breakdownOf('ccg', 'Y54');
    expect(north.groups.map((g) => g.code).sort()).toEqual(['00C', '00M']);
    await expectRows(expectedRows(north.groups.slice().sort(byName), Service.Appointments, 'practicesCapablePct'));

    // A link asking for a breakdown by region in a region shows its CCGs.
    await page().goto(`${suite.base}/?asOf=${AS_OF}&area=Y55&by=region`);
    await page()
      .getByRole('table', { name: /^Breakdown by CCG/ })
      .waitFor();
    const midlands = await breakdownOf('ccg', 'Y55');
    await expectRows(expectedRows(midlands.groups.slice().sort(byName), Service.Appointments, 'practicesCapablePct'));
  });

  test('a column heading sorts the rows, largest first then smallest, and the order is in the URL', async () => {
    await suite.signInAt(`/?asOf=${AS_OF}&by=ccg&figure=prescriptions-offering`, MANAGER);
    await table().waitFor();
    const ccgs = (await breakdownOf('ccg')).groups;
    const value = (g: Group) => g.services.prescriptions.patientsAtEnabledPct;
    // No figure goes last whichever the direction; ties by name.
    const sorted = (sign: number) =>
      ccgs.slice().sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
        return sign * (x - y) || byName(a, b);
      });
    const expected = (sign: number) => expectedRows(sorted(sign), Service.Prescriptions, 'patientsAtEnabledPct');

    await page().getByRole('button', { name: '30 September 2014', exact: true }).click();
    await page().waitForURL(/sort=now/);
    await expectRows(expected(-1));
    expect(searchParam('order')).toBe('desc');
    expect((await readTable()).sorts).toEqual(['none', 'none', 'none', 'descending', 'none', 'none']);
    // The largest first really is the largest (not just the page agreeing with itself).
    const first = (await readTable()).rows[0][3];
    expect(first).toBe(percentText(Math.max(...ccgs.map((g) => value(g) ?? -1))));

    await page().getByRole('button', { name: '30 September 2014', exact: true }).click();
    await page().waitForURL(/order=asc/);
    await expectRows(expected(1));
    expect((await readTable()).sorts[3]).toBe('ascending');

    // By name, Z to A on a second choice.
    await page().getByRole('button', { name: 'CCG', exact: true }).click();
    await page().waitForURL(/sort=name/);
    await page().getByRole('button', { name: 'CCG', exact: true }).click();
    await page().waitForURL(/order=desc/);
    await expectRows(expectedRows(ccgs.slice().sort(byName).reverse(), Service.Prescriptions, 'patientsAtEnabledPct'));

    // Back steps through the orders; a pasted link restores one.
    await page().goBack();
    await expectRows(expectedRows(ccgs.slice().sort(byName), Service.Prescriptions, 'patientsAtEnabledPct'));
    await page().goBack();
    await expectRows(expected(1));
    const link = page().url();
    await page().goto(`${suite.base}/`);
    await page().goto(link);
    await expectRows(expected(1));
  });

  test('the filter narrows the rows to names or codes that hold it, and is in the URL', async () => {
    await suite.signInAt(`/?asOf=${AS_OF}&by=ccg`, MANAGER);
    await table().waitFor();
    const ccgs = (await breakdownOf('ccg')).groups;
    const filter = page().getByLabel('Filter by name or code');
    await filter.fill('leeds');
    await page().waitForURL(/filter=leeds/);
    const leeds = ccgs.filter((g) => /leeds/i.test(g.name)).sort(byName);
    expect(leeds.length).toBe(2);
    await expectRows(expectedRows(leeds, Service.Appointments, 'practicesCapablePct'));
    await page().getByText(`Showing 2 of ${ccgs.length} CCGs`).waitFor();

    await filter.fill('01a');
    await expectRows(
      expectedRows(
        ccgs.filter((g) => g.code === '01A'),
        Service.Appointments,
        'practicesCapablePct',
      ),
    );
    await filter.fill('nowhere');
    await page().getByText('No CCG has “nowhere” in its name or code.').waitFor();
    await page().reload();
    await page().getByText('No CCG has “nowhere” in its name or code.').waitFor();
    expect(await filter.inputValue()).toBe('nowhere');
  });

  test('"Download as CSV" gives the API’s own CSV, named after the breakdown and date', async () => {
    await suite.signInAt(`/?asOf=${AS_OF}&by=ccg&filter=leeds`, MANAGER);
    await table().waitFor();
    const [download] = await Promise.all([
      page().waitForEvent('download'),
      page().getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('breakdown-ccg-2014-09-30.csv');
    const csv = (
      await suite.ctx.api(Role.Manager).get(`/reports/breakdown?by=ccg&asOf=${AS_OF}&format=csv`).expect(200)
    ).text;
    expect(readFileSync(await download.path(), 'utf8')).toBe(csv);
    // Every CCG and every service, not only the filtered rows.
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 5 * 3);
  });

  test('keyboard only: choose the breakdown, filter, sort and download; axe finds nothing serious', async () => {
    await suite.signInAt(`/?asOf=${AS_OF}`, MANAGER);
    await table().waitFor();
    const focused = () => page().evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    const tabTo = async (target: string) => {
      for (let i = 0; i < 60 && (await focused()) !== target; i++) await page().keyboard.press('Tab');
      expect(await focused()).toBe(target);
    };

    await tabTo('breakdown-by');
    await page().keyboard.press('ArrowDown'); // Region → CCG
    await page()
      .getByRole('table', { name: /^Breakdown by CCG/ })
      .waitFor();
    await tabTo('breakdown-filter');
    await page().keyboard.type('NHS');
    await page().waitForURL(/filter=NHS/);
    const ccgs = (await breakdownOf('ccg')).groups.filter((g) => g.name.includes('NHS'));
    expect(ccgs).toHaveLength(5);
    await expectRows(expectedRows(ccgs.sort(byName), Service.Appointments, 'practicesCapablePct'));

    await tabTo('Download as CSV');
    const [download] = await Promise.all([page().waitForEvent('download'), page().keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('breakdown-ccg-2014-09-30.csv');

    await tabTo('Practices in scope');
    await page().keyboard.press('Enter');
    await page().waitForURL(/sort=practices/);
    expect(searchParam('order')).toBe('desc');
    await page().locator('th[aria-sort="descending"]', { hasText: 'Practices in scope' }).waitFor();
    await page().keyboard.press('Space');
    await page().waitForURL(/order=asc/);
    const ascending = ccgs
      .slice()
      .sort(
        (a, b) => a.services.appointments.practices.total - b.services.appointments.practices.total || byName(a, b),
      );
    await expectRows(expectedRows(ascending, Service.Appointments, 'practicesCapablePct'));
    expect(await axeViolations(page())).toEqual([]);
  });
});

/**
 * Three regions (one with no practice), five CCGs (two with "Leeds" in the name, one with "North") and
 * practices on three clinical systems, whose services arrive at different dates: every breakdown has
 * rows whose figures differ, and rows with none.
 */
async function seed(ctx: TestContext): Promise<void> {
  const f = ctx.factories;
  await f.region('Y54', 'North of England');
  await f.region('Y55', 'Midlands and East of England');
  await f.region('Y56', 'London');
  await f.ccg('00C', 'Y54', 'NHS Leeds North CCG');
  await f.ccg('00M', 'Y54', 'NHS Leeds South and East CCG');
  await f.ccg('01A', 'Y55', 'NHS East Leicestershire CCG');
  await f.ccg('02B', 'Y55', 'NHS Nottingham City CCG');
  await f.ccg('07L', 'Y56', 'NHS Barking and Dagenham CCG');
  // 07L has no practice: its figures and London's are "No data".
  const { Appointments: A, Prescriptions: P, Records: R } = Service;
  const { Capable: C, Enabled: E } = Level;
  const { EMIS, TPP, INPS } = ClinicalSystem;
  const plan: [string, string, ClinicalSystem, number, [Service, Level, string][]][] = [
    [
      'Y54',
      '00C',
      EMIS,
      1000,
      [
        [A, E, '2013-01-01'],
        [P, E, '2014-06-01'],
        [R, C, '2014-01-01'],
      ],
    ],
    [
      'Y54',
      '00C',
      TPP,
      3000,
      [
        [A, E, '2014-05-01'],
        [P, E, '2013-01-01'],
        [R, E, '2014-09-01'],
      ],
    ],
    [
      'Y54',
      '00M',
      EMIS,
      500,
      [
        [A, C, '2014-05-01'],
        [P, C, '2013-05-01'],
      ],
    ],
    [
      'Y54',
      '00M',
      INPS,
      2500,
      [
        [A, E, '2013-03-01'],
        [P, E, '2014-02-01'],
        [R, E, '2014-03-01'],
      ],
    ],
    [
      'Y55',
      '01A',
      TPP,
      2000,
      [
        [A, E, '2014-08-01'],
        [P, E, '2013-01-01'],
        [R, E, '2014-08-01'],
      ],
    ],
    [
      'Y55',
      '01A',
      EMIS,
      800,
      [
        [A, E, '2012-01-01'],
        [P, C, '2014-07-01'],
      ],
    ],
    [
      'Y55',
      '02B',
      INPS,
      4200,
      [
        [A, C, '2013-06-01'],
        [P, E, '2013-09-01'],
      ],
    ],
    [
      'Y55',
      '02B',
      TPP,
      1500,
      [
        [A, E, '2014-01-01'],
        [P, E, '2014-04-01'],
        [R, C, '2013-02-01'],
      ],
    ],
    ['Y55', '02B', EMIS, 600, []],
  ];
  for (const [regionCode, ccgCode, clinicalSystem, patients, events] of plan) {
    const practice = await f.practice({ regionCode, ccgCode, clinicalSystem, listSize: patients });
    for (const [service, level, date] of events) await f.statusEvent(practice.id, service, level, date);
  }
}
