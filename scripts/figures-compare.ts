import { Client } from 'pg';
import {
  benchAdmin,
  benchBuilds,
  connect,
  freshBuildDatabase,
  LOAD_DEMO,
  SignedInApi,
  startSignedInApi,
} from './bench/bench-support';

/**
 * `BENCH_COMPARE=../before/dist npm run figures:compare`: proof that two builds give byte-identical figures
 * on the demo data (docs/figures.md "Comparing two builds"). Before: the build given; after: this
 * checkout's (`npm run build` first). Each build gets a database of its own made by its own migrations and
 * demo loader (a build's SQL functions run on the schema it was written for), and the two datasets are
 * checked to be the same rows first. Then both APIs, built and run as deployed, answer the same requests,
 * and the answers are compared byte for byte: every month-end from January 2013 to December 2015, England
 * (summary, outlook), each region (summary) and each CCG, region and clinical system (the breakdowns), 24-
 * month trends per service for England and each region, and figures as known at a few moments.
 *
 * England's figures without knownAt are the ones the API stores (docs/figures.md "Stored figures"), so they
 * are asked twice: "computed" with stored_figures emptied just before (the build's own statement), then
 * "stored" (read back from what that build stored). Prints a table and exits 1 on any difference, showing
 * the first ones. BENCH_PORT (3396): the two APIs' ports are it and the next.
 */
const FIRST_YEAR = 2013;
const LAST_YEAR = 2015;
const PORT = Number(process.env.BENCH_PORT ?? 3396);
const SERVICES = ['appointments', 'prescriptions', 'records'];
const BREAKDOWNS = ['region', 'ccg', 'clinical-system'];
/** Two 24-month windows that cover every month-end compared. */
const TREND_WINDOWS = [
  ['2013-01', '2014-12'],
  ['2014-01', '2015-12'],
];
/**
 * Moments for `knownAt`: demo events are recorded at 09:00 London time the working day after they take
 * effect, so these fall before and after recordings (docs/figures.md "Known at").
 */
const KNOWN_AT = ['2013-07-01T07:59:59Z', '2014-10-15T09:00:00Z', '2015-12-31T12:00:00Z'];
const SHOWN_DIFFERENCES = 5;

/** One request asked of both builds. `computed`: stored_figures emptied just before, in each build's database. */
interface Check {
  group: string;
  path: string;
  computed?: boolean;
}

interface Outcome {
  requests: number;
  figures: number;
  differ: number;
}

async function main() {
  const started = Date.now();
  const builds = benchBuilds();
  if (builds.length !== 2)
    throw new Error('figures:compare compares one build with this one: BENCH_COMPARE=<path to the other dist>');
  const [after, before] = builds;
  console.log(`before: ${before.dist}\nafter:  ${after.dist} (this checkout, just built)`);
  console.log('Loading the demo into a database of each build (its own migrations and loader)…');
  const configs = await Promise.all([before, after].map((b) => freshBuildDatabase(b, 'pot_cmp', LOAD_DEMO)));
  const dbs = await Promise.all(configs.map((c) => connect(c)));
  const admin = benchAdmin('figures.compare@example.nhs.uk');
  const apis: SignedInApi[] = [];
  try {
    const data = await compareData(dbs);
    for (const line of data.lines) console.log(line);
    if (!data.same) throw new Error('The two demo databases differ: the builds do not load the same data');

    // Each kept as soon as it is up, so that `finally` stops it even when the other fails to start.
    await Promise.all(
      [before, after].map(async (build, i) => {
        const port = PORT + i;
        apis[i] = await startSignedInApi(build, configs[i], port, admin, { REDIS_PREFIX: `figures_compare_${port}` });
      }),
    );
    const checks = await plan(dbs[0]);
    console.log(`Asking both builds ${checks.length} requests…`);

    const outcomes = new Map<string, Outcome>();
    const differences: string[] = [];
    for (const check of checks) {
      const bodies = await Promise.all(
        apis.map(async ({ server, headers }, i) => {
          if (check.computed) await dbs[i].query('DELETE FROM stored_figures');
          const res = await fetch(`${server.url}/api/v1/reports/${check.path}`, { headers });
          const body = await res.text();
          return res.ok ? body : `HTTP ${res.status}: ${body}`;
        }),
      );
      const outcome = outcomes.get(check.group) ?? { requests: 0, figures: 0, differ: 0 };
      outcome.requests++;
      outcome.figures += countFigures(bodies[1]);
      if (bodies[0] !== bodies[1] || bodies.some((b) => b.startsWith('HTTP '))) {
        outcome.differ++;
        if (differences.length < SHOWN_DIFFERENCES) differences.push(describe(check, bodies[0], bodies[1]));
      }
      outcomes.set(check.group, outcome);
    }
    printTable(outcomes);
    const seconds = Math.round((Date.now() - started) / 1000);
    const differ = [...outcomes.values()].reduce((n, o) => n + o.differ, 0);
    if (differ) {
      console.log(`\nFirst differences (before → after):\n${differences.join('\n')}`);
      console.log(`\n${differ} answer(s) differ (${seconds} s)`);
      process.exitCode = 1;
    } else {
      console.log(`\nIdentical: every answer the same byte for byte (${seconds} s)`);
    }
  } finally {
    await Promise.all(apis.map((api) => api.server.stop()));
    await Promise.all(dbs.map((db) => db.end()));
  }
}

/**
 * The data the figures come from, in both databases: row counts and a checksum of each table, without
 * what legitimately differs between two loads (row ids: practices are named by code, a span's event by
 * its effective date and recording).
 */
const DATA: Record<string, string> = {
  regions: `SELECT code, name FROM region`,
  'area teams': `SELECT code, name, region_code FROM area_team`,
  CCGs: `SELECT code, name, region_code, area_team_code FROM ccg`,
  practices: `SELECT code, name, postcode, ccg_code, clinical_system, opened_on, closed_on FROM practice`,
  'list sizes': `SELECT p.code, l.effective_date, l.valid_to, l.patients, l.source
                 FROM list_size l JOIN practice p ON p.id = l.practice_id`,
  'status events': `SELECT p.code, e.service, e.level, e.effective_date, e.recorded_at, e.source, e.note
                    FROM status_event e JOIN practice p ON p.id = e.practice_id`,
  'status spans': `SELECT p.code, s.service, s.valid_from, s.valid_to, s.level, e.effective_date, e.recorded_at
                   FROM status_span s JOIN practice p ON p.id = s.practice_id JOIN status_event e ON e.id = s.event_id`,
};

async function compareData(dbs: Client[]): Promise<{ same: boolean; lines: string[] }> {
  const lines = ['\n| data | rows before | rows after | checksum (md5) | same |', '|---|---|---|---|---|'];
  let same = true;
  for (const [what, sql] of Object.entries(DATA)) {
    const [b, a] = await Promise.all(
      dbs.map(
        async (db) =>
          (
            await db.query<{ n: string; md5: string }>(
              `SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM (${sql}) t`,
            )
          ).rows[0],
      ),
    );
    const equal = a.n === b.n && a.md5 === b.md5;
    same &&= equal;
    lines.push(`| ${what} | ${b.n} | ${a.n} | ${equal ? a.md5 : `${b.md5} / ${a.md5}`} | ${equal ? 'yes' : 'NO'} |`);
  }
  return { same, lines };
}

/** Every request compared, in order. */
async function plan(db: Client): Promise<Check[]> {
  const regions = (await db.query<{ code: string }>('SELECT code FROM region ORDER BY code')).rows.map((r) => r.code);
  const monthEnds: string[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++)
    for (let m = 1; m <= 12; m++) monthEnds.push(new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10));
  const checks: Check[] = [];
  for (const d of monthEnds) {
    for (const endpoint of ['summary', 'outlook']) {
      checks.push({ group: `${endpoint}, England, computed`, path: `${endpoint}?asOf=${d}`, computed: true });
      checks.push({ group: `${endpoint}, England, stored`, path: `${endpoint}?asOf=${d}` });
    }
    checks.push({ group: 'summary as text, England', path: `summary?asOf=${d}&format=text` });
    for (const r of regions) checks.push({ group: 'summary, each region', path: `summary?asOf=${d}&regionCode=${r}` });
    for (const by of BREAKDOWNS) checks.push({ group: `breakdown by ${by}`, path: `breakdown?by=${by}&asOf=${d}` });
  }
  checks.push({ group: 'breakdown by CCG as CSV', path: `breakdown?by=ccg&asOf=${monthEnds.at(-1)}&format=csv` });
  for (const [from, to] of TREND_WINDOWS) {
    for (const service of SERVICES) {
      const trend = `trend?from=${from}&to=${to}&service=${service}`;
      checks.push({ group: 'trend 24 months, England, computed', path: trend, computed: true });
      checks.push({ group: 'trend 24 months, England, stored', path: trend });
      for (const r of regions) checks.push({ group: 'trend 24 months, each region', path: `${trend}&regionCode=${r}` });
    }
  }
  for (const k of KNOWN_AT) {
    const known = `knownAt=${encodeURIComponent(k)}`;
    for (const d of monthEnds) checks.push({ group: 'summary, England, known at', path: `summary?asOf=${d}&${known}` });
    const lastMonthEnd = monthEnds.filter((d) => d < k.slice(0, 10)).at(-1) ?? monthEnds[0];
    for (const by of BREAKDOWNS)
      checks.push({ group: 'breakdown, known at', path: `breakdown?by=${by}&asOf=${lastMonthEnd}&${known}` });
    checks.push({ group: 'outlook, England, known at', path: `outlook?asOf=${lastMonthEnd}&${known}` });
    const to = lastMonthEnd.slice(0, 7);
    const from = `${Number(to.slice(0, 4)) - 2}-${to.slice(5, 7)}`;
    for (const service of SERVICES)
      checks.push({
        group: 'trend, England, known at',
        path: `trend?from=${from}&to=${to}&service=${service}&${known}`,
      });
  }
  return checks;
}

/** The figures in an answer: its numbers (JSON leaves, or the numbers in a text or CSV answer). */
function countFigures(body: string): number {
  try {
    const walk = (v: unknown): number =>
      typeof v === 'number' || v === null
        ? 1
        : typeof v === 'object'
          ? Object.values(v).reduce((n: number, x) => n + walk(x), 0)
          : 0;
    return walk(JSON.parse(body));
  } catch {
    return (body.match(/\d+(\.\d+)?/g) ?? []).length;
  }
}

/** A difference as a reader needs it: the request, and where the answers first part. */
function describe(check: Check, before: string, after: string): string {
  let where: string;
  try {
    where = firstDifference(JSON.parse(before), JSON.parse(after), '') ?? 'same values, different bytes';
  } catch {
    const at = [...before].findIndex((c, i) => c !== after[i]);
    const around = (s: string) => JSON.stringify(s.slice(at, at + 80));
    where = `at character ${at}: ${around(before)} → ${around(after)}`;
  }
  return `- ${check.group}: ${check.path}\n    ${where}`;
}

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (typeof a === 'object' && a && typeof b === 'object' && b) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const found = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (found) return found;
    }
    return JSON.stringify(Object.keys(a)) !== JSON.stringify(Object.keys(b)) ? `${path}: key order` : undefined;
  }
  return a === b ? undefined : `${path || '(answer)'}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`;
}

function printTable(outcomes: Map<string, Outcome>): void {
  console.log('\n| compared | requests | figures | answers that differ |');
  console.log('|---|---|---|---|');
  let [requests, figures, differ] = [0, 0, 0];
  for (const [group, o] of outcomes) {
    console.log(`| ${group} | ${o.requests} | ${o.figures.toLocaleString('en-GB')} | ${o.differ} |`);
    [requests, figures, differ] = [requests + o.requests, figures + o.figures, differ + o.differ];
  }
  console.log(`| all | ${requests} | ${figures.toLocaleString('en-GB')} | ${differ} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
