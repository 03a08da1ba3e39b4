/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser: its DOM types are needed here.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, never a browser downloaded by a library. */
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const SCREENSHOTS = resolve(__dirname, '../../test-results');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

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
