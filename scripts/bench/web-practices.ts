/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser: its DOM types are needed here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { percentile } from './bench-support';

/**
 * The practices screens' speed through the page, in a real browser (issue 22 "Speed"):
 *
 * - search: from the search request leaving (after the search box's pause, Resource Timing's startTime
 *   of `GET /api/v1/practices?q=…`) to the results for that text drawn (the first animation frame after
 *   the results table carries the text in `data-results-for`). Goal: p95 ≤ 300 ms at England scale.
 * - practice page: from the start of a navigation to `/practices/<code>` (a fresh load: the app's
 *   scripts, the session refresh, then the practice's own requests) to the page fully drawn: every
 *   section in, nothing loading, and the list-size chart drawn. Goal: ≤ 1.0 s.
 *
 * `benchWebPractices(page, baseUrl)` takes a page already signed in (any role) on the app at baseUrl;
 * `npm run bench:web` calls it. Run alone against a running app (e.g. `npm run demo`):
 * `npx ts-node -r tsconfig-paths/register --transpile-only scripts/bench/web-practices.ts http://localhost:3000`
 * signs in as the demo support user (password from var/demo-users.json).
 */

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
}

export interface WebPracticesResult {
  search: Timing;
  practicePage: Timing;
}

export const GOALS = { searchP95Ms: 300, practicePageP95Ms: 1000 };

export async function benchWebPractices(
  page: Page,
  baseUrl: string,
  { searches = 40, practicePages = 20 }: { searches?: number; practicePages?: number } = {},
): Promise<WebPracticesResult> {
  const rows = await practicesShown(page, baseUrl);
  const searchTimes = await timeSearches(page, baseUrl, searchTexts(rows, searches));
  const pageTimes = await timePracticePages(
    page,
    baseUrl,
    rows.slice(0, practicePages).map((r) => r.code),
  );
  const result = { search: summary(searchTimes), practicePage: summary(pageTimes) };
  console.log('\n| web: practices | runs | p50 ms | p95 ms | goal |');
  console.log('|---|---|---|---|---|');
  const line = (what: string, t: Timing, goal: string) =>
    console.log(`| ${what} | ${t.runs} | ${t.p50} | ${t.p95} | ${goal} |`);
  line('search, query sent to results drawn', result.search, `p95 ≤ ${GOALS.searchP95Ms} ms`);
  line('practice page, navigation to fully drawn', result.practicePage, `p95 ≤ ${GOALS.practicePageP95Ms} ms`);
  return result;
}

interface Row {
  code: string;
  name: string;
  postcode: string;
}

/** Practices as the list shows them (largest first, then others), to search for and to open. */
async function practicesShown(page: Page, baseUrl: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const search of ['sort=listSize&order=desc', 'sort=name&order=desc&page=3', 'sort=code&page=7']) {
    await page.goto(`${baseUrl}/practices?${search}`);
    await page.locator('[data-results-for] table').waitFor({ timeout: 30_000 });
    rows.push(
      ...(await page.locator('[data-results-for] tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('th')?.textContent?.trim() ?? '',
          code: tr.querySelectorAll('td')[0]?.textContent?.trim() ?? '',
          postcode: tr.querySelectorAll('td')[1]?.textContent?.trim() ?? '',
        })),
      )),
    );
  }
  if (!rows.length) throw new Error('The practices list is empty: load data first (npm run demo)');
  return rows;
}

/**
 * What people type: a word of a name, the start of a code, a postcode's first half, a whole postcode; each
 * different from the one before (the same text twice would be answered from the page's cache).
 */
function searchTexts(rows: Row[], n: number): string[] {
  const texts: string[] = [];
  for (let i = 0; texts.length < n; i++) {
    const row = rows[i % rows.length];
    const word = row.name.split(/\s+/).find((w) => w.length >= 4) ?? row.name;
    const candidates = [word, row.code.slice(0, 4), row.postcode.split(' ')[0], row.postcode, row.code];
    const text = candidates[i % candidates.length];
    if (text && text !== 'None' && !texts.includes(text)) texts.push(text);
    if (i > n * 20) break;
  }
  return texts;
}

async function timeSearches(page: Page, baseUrl: string, texts: string[]): Promise<number[]> {
  await page.goto(`${baseUrl}/practices`);
  const box = page.getByLabel('Search by code, name or postcode');
  await page.locator('[data-results-for] table').waitFor({ timeout: 30_000 });
  const times: number[] = [];
  // The results carry the list's URL query they answer (search-results.tsx): here only q.
  for (const [i, text] of texts.entries()) {
    const answered = new URLSearchParams({ q: text }).toString();
    await page.evaluate(
      ({ answered }) => {
        performance.clearResourceTimings();
        const w = window as unknown as { benchDrawn?: Promise<number> };
        w.benchDrawn = new Promise<number>((resolve) => {
          const drawn = () =>
            [...document.querySelectorAll('[data-results-for]')].some(
              (el) => el.getAttribute('data-results-for') === answered,
            );
          const observer = new MutationObserver(() => {
            if (!drawn()) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        });
      },
      { answered },
    );
    await box.fill(text);
    const ms = await page.evaluate(async (q) => {
      const drawnAt = await (window as unknown as { benchDrawn: Promise<number> }).benchDrawn;
      const sent = performance
        .getEntriesByType('resource')
        .find((e) => e.name.includes('/api/v1/practices?') && new URL(e.name).searchParams.get('q') === q);
      if (!sent) throw new Error(`No request for "${q}"`);
      return drawnAt - sent.startTime;
    }, text);
    if (i > 0) times.push(ms); // the first one warms up the page's code paths
  }
  return times;
}

async function timePracticePages(page: Page, baseUrl: string, codes: string[]): Promise<number[]> {
  // From the document's start, so a page drawn before goto() returns is timed when it was drawn.
  await page.addInitScript(() => {
    if (!location.pathname.startsWith('/practices/')) return;
    const w = window as unknown as { benchPracticeDrawnAt?: number };
    const done = () => {
      if (!document.querySelector('[data-practice-ready="true"]')) return false;
      if (document.querySelector('main .app-loading')) return false;
      const chart = document.querySelector('.app-list-size-chart');
      return !chart || chart.querySelector('svg') !== null;
    };
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => (w.benchPracticeDrawnAt = performance.now()));
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  });
  const times: number[] = [];
  for (const [i, code] of [codes[0], ...codes].entries()) {
    await page.goto(`${baseUrl}/practices/${code}`);
    const drawnAt = await page.waitForFunction(
      () => (window as unknown as { benchPracticeDrawnAt?: number }).benchPracticeDrawnAt,
      undefined,
      { timeout: 30_000 },
    );
    const ms = (await drawnAt.jsonValue()) as number;
    if (i > 0) times.push(ms); // the first load fills the browser's cache of the app's files
  }
  return times;
}

function summary(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return { runs: ms.length, p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)) };
}

async function main() {
  const baseUrl = process.argv[2] ?? 'http://localhost:3000';
  const { launchChromium } = await import('../../test/web/chromium');
  const email = 'demo.support@example.nhs.uk';
  const passwords = JSON.parse(readFileSync(path.resolve('var', 'demo-users.json'), 'utf8')) as Record<string, string>;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/sign-in?next=%2Fpractices`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(passwords[email]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Practices' }).waitFor({ timeout: 30_000 });
    await benchWebPractices(page, baseUrl);
  } finally {
    await browser.close();
  }
}

if (require.main === module)
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
