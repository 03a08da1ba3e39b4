import type { Page } from 'playwright-core';
import { Level, Role, Service } from '@app/domain';
import { TestContext } from '../setup/test-context';
import { browserSuite, percentText, pointsText, tableCell } from './browser';

/** What the dashboard's browser specs share: their two regions, the headline table and a seed of practices. */

export const NORTH = ['Y54', 'North of England'] as const;
export const MIDLANDS = ['Y55', 'Midlands and East of England'] as const;
export const HEADLINE = 'Progress in numbers at the end of September 2014';
/** The headline table's services: the page's words, the API's key. */
export const SERVICES: [string, Service][] = [
  ['Book or cancel appointments', Service.Appointments],
  ['View or order repeat prescriptions', Service.Prescriptions],
  ['View medical record', Service.Records],
];
const MEASURES = [
  ['practices capable', 'practicesCapablePct'],
  ['patients at practices offering', 'patientsAtEnabledPct'],
] as const;
const COLUMNS = ['30 September 2014', '30 September 2013', 'Change (percentage points)'];

/**
 * A browser suite (call it inside `describe`) that seeds with `seed`, then adds a manager of the North
 * (`email`, `name`); `signInAt` signs that manager in at a path.
 */
export function northManagerSuite(seed: (ctx: TestContext) => Promise<void>, manager: { email: string; name: string }) {
  const suite = browserSuite(async (ctx) => {
    await seed(ctx);
    await ctx.factories.user({ role: Role.Manager, regionCode: NORTH[0], ...manager });
  });
  return { suite, test: suite.test, signInAt: (path: string) => suite.signInAt(path, manager.email) };
}

/** The area's name in the dashboard's heading. */
export const areaHeading = (page: Page, name: string) =>
  page.getByRole('heading', { name: `Patient Online in ${name} Progress in numbers` });

/**
 * The eighteen headline cells (six figures: now, a year earlier, change), as the page shows them.
 * `columns`: the table's column headers, for a month other than September 2014.
 */
export async function headlineShown(page: Page, caption = HEADLINE, columns = COLUMNS): Promise<string[]> {
  await page.getByRole('table', { name: caption }).waitFor();
  const cells: string[] = [];
  for (const [label] of SERVICES)
    for (const [measure] of MEASURES)
      for (const column of columns) cells.push(await tableCell(page, caption, `${label}: ${measure}`, column));
  return cells;
}

interface SummaryFigures {
  practicesCapablePct: number | null;
  patientsAtEnabledPct: number | null;
}
type SummaryBody = {
  services: Record<Service, SummaryFigures & { previousYear: SummaryFigures; change: SummaryFigures }>;
};

/** The same cells from the API's summary (`GET /reports/summary`), formatted as the page writes them. */
export function headlineOf(summary: SummaryBody): string[] {
  const cells: string[] = [];
  for (const [, service] of SERVICES)
    for (const [, key] of MEASURES) {
      const f = summary.services[service];
      cells.push(percentText(f[key]), percentText(f.previousYear[key]), pointsText(f.change[key]));
    }
  return cells;
}

/** A practice to seed: its region, CCG, list size and status events (service, level, effective date). */
export type PracticePlan = [regionCode: string, ccgCode: string, patients: number, events: [Service, Level, string][]];

/** The plan's practices with their status events (recorded at `recordedAt` when given); each with its plan. */
export async function seedPractices(
  ctx: TestContext,
  plan: PracticePlan[],
  recordedAt?: string,
): Promise<{ practice: { id: number; code: string }; patients: number }[]> {
  const seeded = [];
  for (const [regionCode, ccgCode, patients, events] of plan) {
    const practice = await ctx.factories.practice({ regionCode, ccgCode, listSize: patients });
    for (const [service, level, date] of events)
      await ctx.factories.statusEvent(practice.id, service, level, date, { recordedAt });
    seeded.push({ practice, patients });
  }
  return seeded;
}

/**
 * Practices the area and known-on specs both seed (their expected figures count on them): two in the North's
 * CCG 00M and one in the Midlands' CCG 01A, each with services arriving at different dates.
 */
export function sharedPractices(
  northCode: string,
  midlandsCode: string,
): { north: PracticePlan[]; midlands: PracticePlan } {
  const { Appointments: A, Prescriptions: P, Records: R } = Service;
  const { Capable: C, Enabled: E } = Level;
  return {
    north: [
      [
        northCode,
        '00M',
        1000,
        [
          [A, E, '2013-01-01'],
          [P, E, '2014-06-01'],
          [R, C, '2014-01-01'],
        ],
      ],
      [
        northCode,
        '00M',
        3000,
        [
          [A, E, '2014-05-01'],
          [P, E, '2013-01-01'],
          [R, E, '2014-09-01'],
        ],
      ],
    ],
    midlands: [
      midlandsCode,
      '01A',
      2000,
      [
        [A, E, '2014-08-01'],
        [P, E, '2013-01-01'],
        [R, E, '2014-08-01'],
      ],
    ],
  };
}
