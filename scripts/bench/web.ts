/// <reference lib="dom" />
// The "fully drawn" check runs in the browser (page.waitForFunction): its DOM types are needed here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppConfig } from '@app/config';
import { PasswordHasher } from '@app/people';
import { launchChromium } from '../../test/web/chromium';
import { benchWebPractices } from './web-practices';
import {
  BenchServer,
  Build,
  benchBuilds,
  connect,
  freshBuildDatabase,
  LOAD_DEMO,
  percentile,
  startApi,
} from './bench-support';

/**
 * `npm run bench:web`: the managers' dashboard as a browser gets it. The demo dataset (8,165 real practices,
 * England scale, the data `npm run demo` loads) in a database of its own, the API built and run as deployed
 * (`npm run build`, `node dist/...`, NODE_ENV=production, serving the built web app), and Debian's Chromium
 * (launched as the browser tests launch it) timing navigations to the dashboard until it is fully drawn
 * (FULLY_DRAWN), from the navigation's start (the page's own clock, `performance.now()`):
 *
 *   (a) figures stored: a settled date whose national figures an earlier navigation stored;
 *   (b) nothing stored: `stored_figures` emptied before each navigation, so every figure is computed;
 *   (c) known on an instant (`knownAt` in the URL, after the demo load): always computed;
 *   (d) the initial route's JavaScript, gzipped: the entry chunk and its static imports (Vite's manifest),
 *       not the chunks loaded later (ECharts).
 *
 * Each of (a)–(c) has its own browser context, signed in once through the sign-in page, WARMUP untimed
 * navigations, then RUNS timed ones; the three take turns, so the machine's load falls on all alike. Every
 * navigation loads the page afresh (index.html, the session refresh, every API request); the hashed
 * assets come from the browser's cache after the warm-up, as for anyone who has opened the app before.
 * Prints the goals and whether they are met, and the API requests' times as the browser saw them
 * (Resource Timing), slowest first, to show where the time goes.
 *
 * BENCH_RUNS (20), BENCH_WARMUP (3), PORT (3393); BENCH_COMPARE=../other/dist,…: other builds measured in
 * turn with this one (benchBuilds), each on a demo database loaded by its own migrations and loader, each
 * serving its own web app (`<dist>/web` when there, else its checkout's `apps/web/dist`), as bench:writes does.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const PORT = process.env.PORT ?? '3393';
const DB = 'pot_bench_web';
/** The date of the issue's "Done when": its national figures are 99/91/98/88/84/21. */
const AS_OF = '2014-09-30';
const MANAGER = { email: 'bench.web@example.nhs.uk', password: randomBytes(18).toString('base64url') };

/**
 * What "fully drawn" means, in one place: the headline table, every trend chart drawn (an SVG path in each
 * chart's figure) and, when the build has it, the breakdown table. A table counts once it has body rows.
 */
const FULLY_DRAWN = {
  headlineCaption: 'Progress in numbers',
  chartFigure: '.app-trend-chart__figure',
  chartDrawn: 'svg path',
  charts: 3,
  breakdownCaption: 'Breakdown by',
};
type DrawnCheck = typeof FULLY_DRAWN & { breakdown: boolean };

interface Scenario {
  key: string;
  what: string;
  goalMs: number;
  query: string;
  /** Untimed, before each navigation. */
  before?: () => Promise<unknown>;
  /** Set when the page is expected to send `knownAt` to the API. */
  knownAt?: boolean;
}

interface Navigation {
  ms: number;
  requests: { route: string; startMs: number; endMs: number; ms: number; waitingMs: number }[];
}

interface Result {
  build: string;
  scenario: Scenario;
  navigations: Navigation[];
  note?: string;
}

async function main() {
  const machine = `${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) at the start`;
  const builds = benchBuilds();
  const databases = new Map<Build, AppConfig>();
  for (const build of builds) databases.set(build, await loadDemoDatabase(build));
  const knownAt = new Date(Date.now() + 1000).toISOString();
  await new Promise((resolve) => setTimeout(resolve, 1500)); // knownAt is now in the past
  const scenarios = (db: { query: (sql: string) => Promise<unknown> }): Scenario[] => [
    { key: 'a', what: 'figures stored (a settled date read before)', goalMs: 1000, query: '' },
    {
      key: 'b',
      what: 'nothing stored (stored figures deleted before each navigation)',
      goalMs: 2500,
      query: '',
      before: () => db.query('DELETE FROM stored_figures'),
    },
    {
      key: 'c',
      what: `known on an instant (knownAt=${knownAt})`,
      goalMs: 2500,
      query: `&knownAt=${encodeURIComponent(knownAt)}`,
      knownAt: true,
    },
  ];

  const results: Result[] = [];
  const sizes: string[] = [];
  const browser = await launchChromium();
  try {
    for (const build of builds) {
      const web = existsSync(join(build.dist, 'web')) ? join(build.dist, 'web') : join(build.root, 'apps/web/dist');
      const config = databases.get(build)!;
      const api = await startApi(
        {
          DB_NAME: config.DB_NAME,
          PORT,
          REDIS_PREFIX: 'bench_web',
          LOGIN_IP_LIMIT_PER_MINUTE: '10000',
          WEB_DIST_DIR: web,
        },
        build,
      );
      const db = await connect(config);
      try {
        results.push(...(await measureBuild(build.name, api, browser, web, scenarios(db))));
      } finally {
        await api.stop();
        await db.end();
      }
      sizes.push(initialJavaScript(build.name, web));
    }
  } finally {
    await browser.close();
  }

  console.log(`\nbench:web: the dashboard (England, ${AS_OF}), demo data (8,165 practices), Chromium headless`);
  console.log(`${new Date().toISOString()}; ${machine}; now ${loadavg()[0].toFixed(1)}`);
  console.log(`${RUNS} timed navigations each after ${WARMUP} untimed; from navigation start to fully drawn\n`);
  console.log('| build | figure | p50 | p95 | max | goal (p95) | met |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const ms = r.navigations.map((n) => n.ms).sort((x, y) => x - y);
    const p95 = percentile(ms, 95);
    const met = r.note ? r.note : p95 <= r.scenario.goalMs ? 'met' : 'NOT met';
    console.log(
      `| ${r.build} | (${r.scenario.key}) ${r.scenario.what} | ${percentile(ms, 50).toFixed(0)} ms | ` +
        `${p95.toFixed(0)} ms | ${ms.at(-1)!.toFixed(0)} ms | ≤ ${r.scenario.goalMs} ms | ${met} |`,
    );
  }
  for (const line of sizes) console.log(line);
  console.log(
    '\nRequests as the browser timed them (Resource Timing, ms; waiting: request sent to first byte; start and ' +
      'end: from the navigation start), in the order they start; scripts from the cache take ~0 ms',
  );
  console.log('| build | figure | request | n | p50 | p95 | waiting p95 | start p50 | end p50 |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const drawn: string[] = [];
  for (const r of results) {
    const byRoute = new Map<string, Record<'start' | 'end' | 'ms' | 'waiting', number[]>>();
    for (const req of r.navigations.flatMap((n) => n.requests)) {
      const entry = byRoute.get(req.route) ?? { start: [], end: [], ms: [], waiting: [] };
      entry.start.push(req.startMs);
      entry.end.push(req.endMs);
      entry.ms.push(req.ms);
      entry.waiting.push(req.waitingMs);
      byRoute.set(req.route, entry);
    }
    const p = (values: number[], n: number) =>
      percentile(
        [...values].sort((x, y) => x - y),
        n,
      ).toFixed(0);
    const rows = [...byRoute].sort(([, x], [, y]) => Number(p(x.start, 50)) - Number(p(y.start, 50)));
    drawn.push(
      `| ${r.build} | (${r.scenario.key}) | drawn | ${r.navigations.length} | | | | | ` +
        `${p(
          r.navigations.map((n) => n.ms),
          50,
        )} |`,
    );
    for (const [route, t] of rows)
      console.log(
        `| ${r.build} | (${r.scenario.key}) | ${route} | ${t.ms.length} | ${p(t.ms, 50)} | ${p(t.ms, 95)} | ` +
          `${p(t.waiting, 95)} | ${p(t.start, 50)} | ${p(t.end, 50)} |`,
      );
    console.log(drawn.pop());
  }
}

/**
 * A fresh bench database for `build` with the demo dataset, as `npm run demo` loads it (the build's own
 * migrations and loader), and the bench's manager (England).
 */
async function loadDemoDatabase(build: Build): Promise<AppConfig> {
  console.log(`${build.name}: loading the demo dataset…`);
  const config = await freshBuildDatabase(build, DB, LOAD_DEMO);
  const db = await connect(config);
  try {
    await db.query(
      `INSERT INTO app_user (email, name, role, region_code, password_hash)
       VALUES ($1, 'Web bench', 'manager', NULL, $2)`,
      [MANAGER.email, await new PasswordHasher().hash(MANAGER.password)],
    );
  } finally {
    await db.end();
  }
  return config;
}

async function measureBuild(
  build: string,
  api: BenchServer,
  browser: Browser,
  web: string,
  scenarios: Scenario[],
): Promise<Result[]> {
  // localhost, not 127.0.0.1: the session cookie is Secure, and Chromium keeps it for http://localhost.
  const base = api.url.replace('127.0.0.1', 'localhost');
  const check: DrawnCheck = { ...FULLY_DRAWN, breakdown: buildHas(web, FULLY_DRAWN.breakdownCaption) };
  console.log(
    `${build}: measuring (${check.breakdown ? 'with' : 'without'} the breakdown table: ` +
      `${check.breakdown ? 'in' : 'not in'} this build)…`,
  );
  const runs = await Promise.all(
    scenarios.map(async (scenario) => {
      const context = await browser.newContext();
      const page = await signedIn(context, base);
      return { scenario, context, page, navigations: [] as Navigation[] };
    }),
  );
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const run of runs) {
        await run.scenario.before?.();
        const url = `${base}/?asOf=${AS_OF}&area=england${run.scenario.query}`;
        const navigation = await navigate(run.page, url, check);
        if (i >= WARMUP) run.navigations.push(navigation);
      }
    }
  } finally {
    await Promise.all(runs.map((r) => r.context.close()));
  }
  // Issue 22's figures: practice search through the page and a practice's page (scripts/bench/web-practices.ts),
  // in builds that have the practices screens.
  if (buildHas(web, 'app-practice-search')) {
    const context = await browser.newContext();
    try {
      console.log(`${build}: practices`);
      await benchWebPractices(await signedIn(context, base), base);
    } finally {
      await context.close();
    }
  }
  return runs.map(({ scenario, navigations }) => ({
    build,
    scenario,
    navigations,
    // The page shows known-on figures only if it asks the API for them.
    note:
      scenario.knownAt && !navigations.some((n) => n.requests.some((r) => r.route.includes('knownAt')))
        ? 'not measured: this build does not send knownAt'
        : undefined,
  }));
}

/** A page of a new context, signed in once through the sign-in form, as a person does. */
async function signedIn(context: BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(`/?asOf=${AS_OF}&area=england`)}`);
  await page.getByLabel('E-mail address').fill(MANAGER.email);
  await page.getByLabel('Password').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Progress in numbers/ }).waitFor({ timeout: 60_000 });
  return page;
}

/** One navigation to `url`, until fully drawn: the time from its start, and the API requests it made. */
async function navigate(page: Page, url: string, check: DrawnCheck): Promise<Navigation> {
  await page.goto(url, { waitUntil: 'commit' });
  const drawn = await page.waitForFunction(
    (c: DrawnCheck) => {
      const error = document.querySelector('.nhsuk-error-summary');
      if (error) return `error: ${error.textContent}`;
      const filled = (caption: string) =>
        [...document.querySelectorAll('table')].some(
          (t) => (t.caption?.textContent.trim().startsWith(caption) ?? false) && (t.tBodies[0]?.rows.length ?? 0) > 0,
        );
      const figures = [...document.querySelectorAll(c.chartFigure)];
      const done =
        filled(c.headlineCaption) &&
        figures.length === c.charts &&
        figures.every((f) => f.querySelector(c.chartDrawn)) &&
        (!c.breakdown || filled(c.breakdownCaption));
      return done ? performance.now() : false;
    },
    check,
    { polling: 'raf', timeout: 60_000 },
  );
  const value = (await drawn.jsonValue()) as number | string;
  if (typeof value === 'string') throw new Error(`${url}: the page shows an error: ${value}`);
  const requests = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/') || e.name.endsWith('.js'))
      .map((e) => {
        const t = e as PerformanceResourceTiming;
        const u = new URL(t.name);
        // The route and what tells its requests apart (not the dates: the same for every navigation);
        // a script by its chunk's name, without the hash.
        const by = ['by', 'format', 'knownAt'].filter((k) => u.searchParams.has(k)).map((k) => `${k}=…`);
        return {
          route: u.pathname.endsWith('.js')
            ? `script ${u.pathname.replace(/^.*\/|-[\w-]{8}\.js$/g, '')}`
            : [u.pathname.replace('/api/v1', ''), ...by].join(' '),
          startMs: t.startTime,
          endMs: t.responseEnd,
          ms: t.duration,
          waitingMs: t.responseStart - t.requestStart,
        };
      }),
  );
  return { ms: value, requests };
}

/** Whether the built app's scripts contain `text` (a feature another branch adds may not be merged yet). */
function buildHas(web: string, text: string): boolean {
  const assets = join(web, 'assets');
  return readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes(text));
}

/**
 * (d): the JavaScript the first page loads before anything is drawn: the entry chunk of Vite's manifest and
 * its static imports, gzipped (what a server that compresses sends); lazy chunks (ECharts) listed apart.
 */
function initialJavaScript(build: string, web: string): string {
  const manifestPath = join(web, '.vite/manifest.json');
  if (!existsSync(manifestPath)) return `| ${build} | (d) initial route's JavaScript | no Vite manifest in ${web} |`;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
  >;
  const gz = (file: string) => gzipSync(readFileSync(join(web, file))).length;
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const initialBytes = [...initial].reduce((sum, key) => sum + gz(manifest[key].file), 0);
  const lazy = Object.keys(manifest).filter((k) => !initial.has(k) && manifest[k].file.endsWith('.js'));
  const lazyBytes = lazy.reduce((sum, key) => sum + gz(manifest[key].file), 0);
  const kB = (bytes: number) => (bytes / 1000).toFixed(1);
  return (
    `| ${build} | (d) initial route's JavaScript, gzipped: ${initial.size} chunk(s) (lazy: ${lazy.length}, ` +
    `${kB(lazyBytes)} kB) | ${kB(initialBytes)} kB | | | ≤ 250 kB | ${initialBytes <= 250_000 ? 'met' : 'NOT met'} |`
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
