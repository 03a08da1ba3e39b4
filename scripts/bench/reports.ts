import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { AppModule } from '../../apps/api/src/app.module';
import { apiAdapter, configureApp } from '../../apps/api/src/configure-app';
import { minusOneYear, monthEnd, Role } from '@app/domain';
import { AppConfig, pgClientConfig } from '@app/config';
import {
  figuresOnDatesSql,
  figuresSql,
  GroupBy,
  inBatches,
  READ_STORED,
  STORED_FIGURES_DEFINITION,
  TREND_BATCHES,
} from '@app/figures';
import { AuthService, PeopleService } from '@app/people';
import { percentile } from './bench-support';
import { BENCH_FROM, BENCH_MONTHS, benchDatabase, BenchScale, ENGLAND, TEN_TIMES } from './reports-data';

/**
 * `npm run bench:reports [-- --regenerate] [-- --only=england|x10] [-- --runs=N]`
 *
 * Builds (or reuses) England-scale and ten-times bench databases (reports-data.ts), starts the real API
 * in this process on each, and times summary, breakdown by CCG, a 60-month trend, a region's summary and
 * 24-month trend, known-at reports and a dashboard's known-on view (three 24-month trends, summary and
 * breakdown by region, all at once): through HTTP, and
 * the very same statements run directly through `pg` with the same concurrency as the service, so the
 * ratio is what Nest, HTTP and JSON add. Prints a Markdown table (docs/figures.md keeps the last one).
 */
const args = process.argv.slice(2);
const REGENERATE = args.includes('--regenerate');
const ONLY = args.find((a) => a.startsWith('--only='))?.slice(7);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 40);
const PORT = Number(process.env.PORT ?? 3202);
const AS_OF = '2014-09-30';
const TREND_FROM = BENCH_FROM.slice(0, 7);
const TREND_TO = '2014-12';
/** The dashboard's default range: the 24 months up to AS_OF. */
const VIEW_FROM = '2012-10';
const KNOWN_AT = '2014-10-15T09:00:00Z';
const REGION = 'Y54';
const SERVICES = ['appointments', 'prescriptions', 'records'];

/** Request headers: a manager's bearer token, set by startApi (reports are for every role). */
const headers: Record<string, string> = {};

interface Row {
  scale: string;
  report: string;
  goal: string;
  api: number[];
  sql: number[];
}

async function main() {
  const scales = [ENGLAND, TEN_TIMES].filter((s) => !ONLY || (ONLY === 'england' ? s === ENGLAND : s === TEN_TIMES));
  const rows: Row[] = [];
  for (const scale of scales) rows.push(...(await benchScale(scale)));
  printTable(rows);
}

async function benchScale(scale: BenchScale): Promise<Row[]> {
  const config = await benchDatabase(scale, REGENERATE, (line) => console.log(line));
  const label = scale === ENGLAND ? 'England' : '10 × England';
  const runs = scale === ENGLAND ? RUNS : Math.max(10, Math.round(RUNS / 2));
  const app = await startApi(config);
  // Room for the known-on view's statements at once (three trends of three batches, two dates of two reports).
  const pool = new Pool({ ...pgClientConfig(config), max: 13 });
  const base = `http://127.0.0.1:${PORT}/api/v1/reports`;
  const months = Array.from({ length: BENCH_MONTHS }, (_, i) =>
    monthEnd(`${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`),
  );
  const years = [AS_OF, minusOneYear(AS_OF)];
  // As the breakdown does: the statement for one date, both years at once.
  const bothYears = (by: GroupBy) => () => Promise.all(years.map((d) => pool.query(figuresSql(by, false), [d, null])));
  // As the summary does when it computes (FiguresService.nationalOn): the national statement, one date per connection.
  const nationalBothYears = (knownAt?: string) => () =>
    Promise.all(
      years.map((d) =>
        pool.query(figuresOnDatesSql('national', Boolean(knownAt)), knownAt ? [[d], null, knownAt] : [[d], null]),
      ),
    );
  // As FiguresService.trend does when nothing is stored: the month-ends in TREND_BATCHES statements at once.
  const trendSql = () =>
    Promise.all(
      inBatches(months, TREND_BATCHES).map((dates) =>
        pool.query(figuresOnDatesSql('national', false), [dates, 'appointments']),
      ),
    );
  // The same for a region or as known at a moment (always computed): the 24 month-ends up to AS_OF.
  const viewMonths = months.filter((d) => d > `${VIEW_FROM}-00` && d <= AS_OF);
  const computedTrend = (service: string, knownAt?: string, region?: string) => () =>
    Promise.all(
      inBatches(viewMonths, TREND_BATCHES).map((dates) =>
        pool.query(figuresOnDatesSql('national', Boolean(knownAt), region ? 'region' : 'england'), [
          dates,
          service,
          ...(knownAt ? [knownAt] : []),
          ...(region ? [region] : []),
        ]),
      ),
    );
  const regionBothYears = () =>
    Promise.all(years.map((d) => pool.query(figuresOnDatesSql('national', false, 'region'), [[d], null, REGION])));
  const knownBreakdown = () =>
    Promise.all(years.map((d) => pool.query(figuresSql('region', true), [d, null, KNOWN_AT])));
  // The dashboard's known-on view: every request of the page at once.
  const knownViewSql = () =>
    Promise.all([
      ...SERVICES.map((s) => computedTrend(s, KNOWN_AT)()),
      nationalBothYears(KNOWN_AT)(),
      knownBreakdown(),
    ]);
  // What the API reads when the figures are stored (StoredFiguresRepository).
  const readStored = (dates: string[], service: string | null) => () =>
    pool.query(READ_STORED, [STORED_FIGURES_DEFINITION, dates, service]);
  // Before each call of a "computed" row: nothing stored, so the API computes (and stores) every time.
  const forget = () => pool.query(`DELETE FROM stored_figures`);
  try {
    const timeRow = async (
      report: string,
      goal: string,
      api: () => Promise<unknown>,
      direct: () => Promise<unknown>,
      n: number,
    ): Promise<Row> => {
      console.log(`${label}: ${report}…`);
      const [a, q] = await time(n, api, direct);
      return { scale: label, report, goal, api: a, sql: q };
    };
    const bench = async (
      report: string,
      goal: string,
      url: string,
      direct: () => Promise<unknown>,
      n = runs,
      before?: () => Promise<unknown>,
    ): Promise<Row> => {
      console.log(`${label}: ${report}…`);
      const [api, sql] = await time(n, () => get(url), direct, before);
      return { scale: label, report, goal, api, sql };
    };
    const summaryUrl = `${base}/summary?asOf=${AS_OF}`;
    const viewTrendUrl = (service: string, query: string) =>
      `${base}/trend?from=${VIEW_FROM}&to=${AS_OF.slice(0, 7)}&service=${service}&${query}`;
    const knownViewApi = () =>
      Promise.all([
        ...SERVICES.map((s) => get(viewTrendUrl(s, `knownAt=${KNOWN_AT}`))),
        get(`${base}/summary?asOf=${AS_OF}&knownAt=${KNOWN_AT}`),
        get(`${base}/breakdown?by=region&asOf=${AS_OF}&knownAt=${KNOWN_AT}`),
      ]);
    const trendUrl = `${base}/trend?from=${TREND_FROM}&to=${TREND_TO}&service=appointments`;
    const trendRuns = Math.max(10, Math.round(runs / 2));
    return [
      await bench(
        'summary, stored',
        scale === ENGLAND ? 'p95 < 50 ms' : 'p95 < 500 ms',
        summaryUrl,
        readStored(years, null),
      ),
      await bench(
        'summary, computed',
        scale === ENGLAND ? 'p95 < 50 ms' : 'p95 < 500 ms',
        summaryUrl,
        nationalBothYears(),
        runs,
        forget,
      ),
      await bench('breakdown by CCG', '', `${base}/breakdown?by=ccg&asOf=${AS_OF}`, bothYears('ccg')),
      await bench(
        'trend, 60 months, stored',
        scale === ENGLAND ? '< 300 ms' : '',
        trendUrl,
        readStored(months, 'appointments'),
        trendRuns,
      ),
      await bench(
        'trend, 60 months, computed',
        scale === ENGLAND ? '< 300 ms' : '',
        trendUrl,
        trendSql,
        trendRuns,
        forget,
      ),
      await bench(
        'summary, knownAt',
        '',
        `${base}/summary?asOf=${AS_OF}&knownAt=${KNOWN_AT}`,
        nationalBothYears(KNOWN_AT),
        10,
      ),
      await bench('summary, region (computed)', '', `${summaryUrl}&regionCode=${REGION}`, regionBothYears),
      await bench(
        'trend, 24 months, region (computed)',
        '',
        viewTrendUrl('appointments', `regionCode=${REGION}`),
        computedTrend('appointments', undefined, REGION),
        trendRuns,
      ),
      await bench(
        'trend, 24 months, knownAt',
        '',
        viewTrendUrl('appointments', `knownAt=${KNOWN_AT}`),
        computedTrend('appointments', KNOWN_AT),
        trendRuns,
      ),
      await timeRow(
        'known-on view: 3 trends of 24 months, summary, breakdown by region, at once',
        scale === ENGLAND ? '≤ 2.5 s (page drawn)' : '',
        knownViewApi,
        knownViewSql,
        trendRuns,
      ),
    ];
  } finally {
    await pool.end();
    await app.close();
  }
}

/** The real API app (AppModule, configureApp) in this process, on the bench database. */
async function startApi(config: AppConfig): Promise<INestApplication> {
  Object.assign(process.env, {
    DB_NAME: config.DB_NAME,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: 'bench_reports',
    JWT_TTL_SECONDS: '86400',
  });
  const app = await configureApp(
    await NestFactory.create<NestFastifyApplication>(AppModule, apiAdapter(config), { logger: false }),
  );
  await app.listen(PORT, '127.0.0.1');
  headers.authorization = `Bearer ${await managerToken(app)}`;
  return app;
}

/** A token of the bench's manager (made on first use), from the app's own token service. */
async function managerToken(app: INestApplication): Promise<string> {
  const people = app.get(PeopleService, { strict: false });
  const email = 'bench.reports@example.nhs.uk';
  if (!(await people.credentialsByEmail(email))) {
    await people.createUser({
      email,
      name: 'Reports bench',
      role: Role.Manager,
      regionCode: null,
      password: randomBytes(18).toString('base64'),
    });
  }
  return (await app.get(AuthService, { strict: false }).issueTokens((await people.credentialsByEmail(email))!))
    .accessToken;
}

async function get(url: string): Promise<void> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/**
 * Milliseconds of `n` calls of each of two ways to get the same figures, after three warm-up calls of
 * each; the two alternate, so that load from anything else on the machine falls on both alike.
 * `before` (untimed) runs before every call.
 */
async function time(
  n: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  before = (): Promise<unknown> => Promise.resolve(undefined),
): Promise<[number[], number[]]> {
  for (let i = 0; i < 3; i++) await before().then(a).then(before).then(b);
  const [ta, tb]: [number[], number[]] = [[], []];
  const once = async (fn: () => Promise<unknown>, into: number[]) => {
    await before();
    const started = process.hrtime.bigint();
    await fn();
    into.push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  for (let i = 0; i < n; i++) {
    await once(a, ta);
    await once(b, tb);
  }
  return [ta.sort((x, y) => x - y), tb.sort((x, y) => x - y)];
}

function printTable(rows: Row[]): void {
  const ms = (v: number) => v.toFixed(1);
  console.log('\n| scale | report | API p50 ms | API p95 ms | SQL p50 ms | SQL p95 ms | API / SQL (p50) | goal |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const [a50, a95, s50, s95] = [
      percentile(r.api, 50),
      percentile(r.api, 95),
      percentile(r.sql, 50),
      percentile(r.sql, 95),
    ];
    console.log(
      `| ${r.scale} | ${r.report} | ${ms(a50)} | ${ms(a95)} | ${ms(s50)} | ${ms(s95)} | ${(a50 / s50).toFixed(2)} | ` +
        `${r.goal} |`,
    );
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
