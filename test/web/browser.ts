/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser: its DOM types are needed here.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { TEST_PASSWORD } from '../setup/factories';
import { TestContext } from '../setup/test-context';

export { CHROMIUM, launchChromium } from './chromium';

const SCREENSHOTS = resolve(__dirname, '../../test-results');

/** The address of a listening Nest app, as a browser opens it (localhost: Secure cookies work there). */
export function baseUrlOf(server: { address(): string | AddressInfo | null }): string {
  const address = server.address() as AddressInfo;
  return `http://localhost:${address.port}`;
}

/**
 * A page that records what a person would not see but a test must: Content-Security-Policy violations
 * and uncaught errors. `shoot` saves a screenshot under test-results/ (gitignored).
 */
export async function openPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { page, problems };
}

/** How far the element scrolls sideways (0: all of it is in view; the page itself: its `html`). */
export const sidewaysOverflow = (element: Locator): Promise<number> =>
  element.evaluate((el) => el.scrollWidth - el.clientWidth);

/**
 * Runs `body` with the page `width` px wide (a phone: 360; WCAG's reflow width: 320), laid out at that
 * width before it starts, then gives the page back its size, whatever `body` did.
 */
export async function atWidth(page: Page, width: number, body: () => Promise<void>): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width, height: 780 });
  try {
    await page.waitForFunction((w) => document.documentElement.clientWidth === w, width);
    await body();
  } finally {
    await page.setViewportSize(before);
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^\w-]+/g, '-').slice(0, 100)}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => undefined);
  return path;
}

/** Runs a browser test; when it fails, a screenshot of the page as it was is saved and named in the error. */
export async function withScreenshotOnFailure(page: () => Page, name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (err) {
    const path = await screenshot(page(), `failed-${name}`);
    if (err instanceof Error) err.message += `\n(screenshot: ${path})`;
    throw err;
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2.2 A and AA rules). axe is
 * evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

/** A table's cell, found as a person finds it: by the table's caption, the row's header and the column's. */
export async function tableCell(page: Page, caption: string | RegExp, row: string, column: string): Promise<string> {
  const table = page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });
  return table.evaluate(
    (el, { row, column }) => {
      const t = el as HTMLTableElement;
      const headers = [...t.tHead!.rows[0].cells].map((c) => c.textContent.trim());
      const col = headers.indexOf(column);
      if (col < 0) throw new Error(`No column "${column}" in ${JSON.stringify(headers)}`);
      const tr = [...t.tBodies[0].rows].find((r) => r.cells[0].textContent.trim() === row);
      if (!tr) throw new Error(`No row "${row}"`);
      return tr.cells[col].textContent.trim();
    },
    { row, column },
  );
}

/** A headline percentage as the page writes it (one decimal place), or "No data". */
export const percentText = (v: number | null) => (v === null ? 'No data' : `${v.toFixed(1)}%`);

/** A change in percentage points as the page writes it: a sign (a true minus), one decimal place. */
export const pointsText = (v: number | null) =>
  v === null ? 'No data' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`;

export interface BrowserSuite {
  /** The API on a real port, with its own database, as seeded. */
  readonly ctx: TestContext;
  readonly browser: Browser;
  /** http://localhost:port, the web app's address. */
  readonly base: string;
  /** This test's browser context (its own cookies) and page. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** `it`, with a screenshot saved when the test fails. */
  readonly test: (name: string, body: () => Promise<void>) => void;
  /** Fills in and sends the sign-in form on the page as it is. */
  readonly signIn: (email: string, password?: string) => Promise<void>;
  /** Opens the sign-in page with `next` set to `path` and signs in: the page then shows `path`. */
  readonly signInAt: (path: string, email: string, password?: string) => Promise<void>;
}

/**
 * The set-up every browser spec shares, registered in the calling `describe`: the API listening on a real
 * port with its own database (`seed` fills it), one Chromium for the file, a fresh context and page per
 * test, and after each test a check that the Content-Security-Policy let everything through and nothing
 * failed on the page.
 */
export function browserSuite(
  seed: (ctx: TestContext) => Promise<void>,
  config: Record<string, string | number> = {},
): BrowserSuite {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    // Sign-in is throttled per address; every test here signs in from 127.0.0.1.
    ctx = await TestContext.create(undefined, { config: { LOGIN_IP_LIMIT_PER_MINUTE: 1000, ...config } });
    await ctx.app.listen(0, '127.0.0.1');
    base = baseUrlOf(ctx.app.getHttpServer());
    browser = await launchChromium();
    await seed(ctx);
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
    expect(problems).toEqual([]);
  });

  const signIn = async (email: string, password = TEST_PASSWORD) => {
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  return {
    get ctx() {
      return ctx;
    },
    get browser() {
      return browser;
    },
    get base() {
      return base;
    },
    get context() {
      return context;
    },
    get page() {
      return page;
    },
    test: (name, body) => it(name, () => withScreenshotOnFailure(() => page, name, body)),
    signIn,
    signInAt: async (path, email, password) => {
      await page.goto(`${base}/sign-in?next=${encodeURIComponent(path)}`);
      await signIn(email, password);
    },
  };
}
