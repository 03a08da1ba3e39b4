import autocannon from 'autocannon';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { AppConfig, loadConfig, pgClientConfig } from '@app/config';
import { createDatabaseIfMissing, runMigrations } from '@app/database';
import { newestSource } from '../web-build';

export const ROOT = path.resolve(__dirname, '../..');

/** A bench database of its own: dropped and migrated afresh unless `keep` and it exists. */
export async function freshDatabase(name: string): Promise<AppConfig> {
  const config = Object.assign(loadConfig(), { DB_NAME: name });
  const admin = await connect(config, 'postgres');
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await createDatabaseIfMissing(config);
  await runMigrations(config);
  return config;
}

export async function connect(config: AppConfig, database = config.DB_NAME): Promise<Client> {
  const client = new Client(pgClientConfig(config, database));
  await client.connect();
  return client;
}

/**
 * A build to measure or compare: a compiled `dist` folder (`npm run build`) and the checkout it belongs to
 * (its parent folder), whose node_modules its code loads and whose data/ it reads.
 */
export interface Build {
  /** As the tables name it: `dist` for this checkout's build, the path as given for another. */
  name: string;
  dist: string;
  root: string;
}

/**
 * This checkout's build (`npm run build`, once per process) and then the builds named by BENCH_COMPARE
 * (comma-separated paths to other checkouts' `dist` folders, absolute or relative to the project), in the
 * order a round measures them.
 */
export function benchBuilds(): Build[] {
  buildOnce();
  const others = (process.env.BENCH_COMPARE ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean)
    .map((given): Build => {
      const dist = path.resolve(ROOT, given);
      if (!existsSync(path.join(dist, 'apps/api/src/main.js')))
        throw new Error(`BENCH_COMPARE: ${dist} is not a build (no apps/api/src/main.js; run npm run build there)`);
      return { name: given, dist, root: path.dirname(dist) };
    });
  return [{ name: 'dist', dist: path.join(ROOT, 'dist'), root: ROOT }, ...others];
}

/**
 * The database a bench uses for `build`: `<base>_<hash of the build's path>`, so each build has its own
 * (and each checkout on a shared server: another clone's bench never migrates this one's database).
 */
export function buildDatabaseName(base: string, build: Build): string {
  return `${base}_${createHash('sha1').update(realpathSync(build.dist)).digest('hex').slice(0, 8)}`;
}

/**
 * Runs `body` (JavaScript, the body of an async function) in a node process of its own on `build`'s code:
 * `load('libs/demo/src')` requires a module of the build, `require` resolves in the build's checkout (its
 * node_modules), `root` is that checkout. A process of its own because two builds' entities in one
 * process would share TypeORM's global metadata.
 */
export function runInBuild(build: Build, body: string, env: Record<string, string> = {}): Promise<void> {
  const script =
    `require('reflect-metadata');\n` +
    `const root = ${JSON.stringify(build.root)};\n` +
    `const load = (m) => require(require('node:path').join(${JSON.stringify(build.dist)}, m));\n` +
    `(async () => {\n${body}\n})().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: build.root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${build.name}: a step run with its code exited with ${code}`)),
    ),
  );
}

/**
 * A module of `build`'s compiled code, in this process: only for code that opens no TypeORM data source
 * here (SQL texts, pure functions); anything else runs in a process of its own (runInBuild).
 */
export function loadFromBuild<T>(build: Build, module: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(build.dist, module)) as T;
}

/**
 * A fresh database for `build` (buildDatabaseName), dropped and migrated by the build's own migrations:
 * the schema and database functions that build was written for, never another's. Then `seed`, JavaScript
 * run with the build's code (runInBuild) where `s` is the build's scripts/bench/bench-support and
 * `config` the database's settings, so the data goes in as that build puts it in.
 */
export async function freshBuildDatabase(build: Build, base: string, seed = ''): Promise<AppConfig> {
  const name = buildDatabaseName(base, build);
  await runInBuild(
    build,
    `const s = load('scripts/bench/bench-support');\n` +
      `const config = await s.freshDatabase(${JSON.stringify(name)});\n${seed}`,
  );
  return Object.assign(loadConfig(), { DB_NAME: name });
}

/**
 * A seed for freshBuildDatabase: the demo dataset as `npm run demo` loads it (libs/demo's loader and the
 * data/demo of the build's checkout), without the demo's users.
 */
export const LOAD_DEMO = `
const { DataSource } = require('typeorm');
const ds = new DataSource(load('libs/database/src').dataSourceOptions(config, { poolSize: 2 }));
await ds.initialize();
try {
  const { loadDemoData } = load('libs/demo/src');
  const dataDir = require('node:path').join(root, 'data', 'demo');
  // Builds before the one calendar (issue 23) take (db, dataDir?); later ones (db, timeZone, dataDir?).
  const loaded = /^[^)]*\\btimeZone\\b/.test(String(loadDemoData))
    ? await loadDemoData(ds, config.APP_TIME_ZONE, dataDir)
    : await loadDemoData(ds, dataDir);
  const { practices, listSizes, statusEvents } = loaded;
  console.log(config.DB_NAME, { practices, listSizes, statusEvents });
} finally {
  await ds.destroy();
}`;

/** Signs in (POST /auth/login) and answers the bearer header of the session. */
export async function signIn(
  url: string,
  user: { email: string; password: string },
): Promise<{ authorization: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!res.ok) throw new Error(`Sign-in for the bench failed: ${res.status} ${await res.text()}`);
  return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

/** A bench's admin: a password of this run, so no bench database keeps a password anyone knows. */
export interface BenchAdmin {
  email: string;
  password: string;
}

export function benchAdmin(email: string): BenchAdmin {
  return { email, password: randomBytes(18).toString('base64') };
}

export interface SignedInApi {
  server: BenchServer;
  /** The admin's bearer header, for every request of the bench. */
  headers: { authorization: string };
}

/**
 * `build`'s API (startApi) on `config`'s database at `port`, with `admin` as its first admin, signed in as
 * `admin`. The API creates that admin only while the database has no active admin: a later start on the
 * same database needs the same `admin` to sign in. `env`: the bench's own settings (REDIS_PREFIX and more).
 */
export async function startSignedInApi(
  build: Build,
  config: AppConfig,
  port: number,
  admin: BenchAdmin,
  env: Record<string, string>,
): Promise<SignedInApi> {
  const server = await startApi(
    {
      DB_NAME: config.DB_NAME,
      PORT: String(port),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ...env,
    },
    build,
  );
  try {
    return { server, headers: await signIn(server.url, admin) };
  } catch (err) {
    // The caller never gets the server to stop: a failed sign-in must not leave the API running.
    await server.stop();
    throw err;
  }
}

/**
 * Starts the real API as its own process (so the load generator does not share its event loop), built and
 * run as it is deployed (`npm run build`, `node dist/...`, NODE_ENV=production; the Dockerfile's CMD).
 * Run through ts-node instead, every request pays for ts-node's REPL support: it loads Node's `domain`
 * module, whose async hook runs on every promise (about a sixth of the API's CPU in a write).
 * `build`: the build to run (benchBuilds; default this checkout's), on a database of its own (freshBuildDatabase).
 */
export async function startApi(env: Record<string, string>, build?: Build): Promise<BenchServer> {
  const dist = build?.dist ?? (buildOnce(), path.join(ROOT, 'dist'));
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return startServer([...nodeArgs, path.join(dist, 'apps/api/src/main.js')], 'API listening', {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    ...env,
  });
}

export interface BenchServer {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** Runs `node <args>` from the project's root and waits until it prints `ready` (PORT from env, default 3390). */
export async function startServer(args: string[], ready: string, env: Record<string, string>): Promise<BenchServer> {
  const port = env.PORT ?? '3390';
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.at(-1)} did not start within 60 s`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.at(-1)} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

let built = false;

/**
 * `npm run build` when a source is newer than the last build (once per bench process), so the bench always
 * runs the code as it is checked out, and benches started together do not rebuild dist under each other.
 */
export function buildOnce(): void {
  if (built) return;
  const stamp = path.join(ROOT, 'dist/.built');
  const sources = ['apps', 'libs', 'scripts', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
  const newest = Math.max(...sources.map((s) => newestSource(path.join(ROOT, s))));
  if (!existsSync(stamp) || newestSource(stamp) < newest) {
    console.log('Building the API (npm run build) ...');
    const started = new Date();
    const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
    // Stamped with the time the build began: a source saved during the build makes the next bench build again.
    writeFileSync(stamp, '');
    utimesSync(stamp, started, started);
  }
  built = true;
}

/**
 * CPU seconds (user + system) the processes have used so far, from /proc (Linux; 0 elsewhere). CPU per
 * request is a steadier figure than requests per second on a machine whose two cores other work shares.
 */
export function cpuSeconds(pids: number[]): number {
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process has ended or there is no /proc: it adds nothing.
    }
  }
  return ticks / ticksPerSecond;
}

/** The PostgreSQL backends serving a database (their process ids, for `cpuSeconds`). */
export async function backendPids(db: Client, database: string): Promise<number[]> {
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
    database,
  ]);
  return rows.map((r: { pid: number }) => r.pid);
}

/** England-scale geography and practices: 4 regions, 211 CCGs, `practices` practices with a list size. */
export async function seedEngland(db: Client, practices = 7800): Promise<void> {
  await db.query(`INSERT INTO region (code, name) SELECT 'Y5' || (4 + i), 'Region ' || i FROM generate_series(0, 3) i`);
  await db.query(`INSERT INTO ccg (code, name, region_code)
                  SELECT lpad(i::text, 3, '0'), 'CCG ' || i, 'Y5' || (4 + i % 4) FROM generate_series(0, 210) i`);
  await db.query(
    `INSERT INTO practice (code, name, ccg_code, clinical_system, opened_on)
                  SELECT 'B' || lpad(i::text, 5, '0'), 'Practice ' || i, lpad((i % 211)::text, 3, '0'),
                         (ARRAY['EMIS','TPP','INPS','MICROTEST']::clinical_system[])[1 + i % 4], DATE '2000-01-01'
                  FROM generate_series(1, $1) i`,
    [practices],
  );
  await db.query(`INSERT INTO list_size (practice_id, effective_date, patients, source)
                  SELECT id, DATE '2013-04-01', 2000 + (id * 7919) % 12000, 'import' FROM practice`);
}

/**
 * A history like England's by 2015 for every seeded practice: each service not capable in March 2013,
 * capable later, enabled later still (some not yet), with their spans, and fresh planner statistics, as
 * a database in service would have.
 */
export async function seedStatusHistory(db: Client): Promise<void> {
  await db.query(`INSERT INTO status_event (practice_id, service, level, effective_date, source)
                  SELECT p.id, s.service, l.level, DATE '2013-03-31' + (l.step * 180 + (p.id * 7 + s.n * 13) % 150),
                         'import'
                  FROM practice p
                  CROSS JOIN (VALUES ('appointments'::service, 1), ('prescriptions', 2), ('records', 3))
                    AS s(service, n)
                  CROSS JOIN (VALUES ('not_capable'::service_level, 0), ('capable', 1), ('enabled', 2))
                    AS l(level, step)
                  WHERE l.step < 2 OR (p.id + s.n) % 3 <> 0`);
  await db.query(`SELECT refresh_status_spans(array_agg(id), NULL) FROM practice`);
  await db.query('VACUUM (ANALYZE) practice, ccg, region, list_size, status_event, status_span');
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs autocannon and keeps every response time (it reports only p90/p97.5 itself) for true percentiles. */
export function runLoad(options: autocannon.Options): Promise<{ result: autocannon.Result; latencies: number[] }> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (err, result) => {
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      latencies.sort((a, b) => a - b);
      resolve({ result, latencies });
    });
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}
