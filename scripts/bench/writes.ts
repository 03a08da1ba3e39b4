import { Client } from 'pg';
import { AppConfig } from '@app/config';
import {
  BenchServer,
  Build,
  backendPids,
  benchAdmin,
  benchBuilds,
  connect,
  cpuSeconds,
  freshBuildDatabase,
  percentile,
  runLoad,
  startServer,
  startSignedInApi,
} from './bench-support';

/**
 * `npm run bench:writes`: England scale (7,800 practices), then status writes through the HTTP API from
 * several concurrent clients. Each write is one transaction (row lock, event, span rebuild, and whatever
 * else the write path does). Prints writes/s and latency percentiles, and the same for the floor: the
 * same database call from bare node:http (write-floor-server.js), so the table shows what the framework
 * and the product's layers cost next to what the database and the machine cost.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Unmeasured load first, so V8 has compiled the hot paths and the pool is open before the clock starts. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const PRACTICES = 7800;
/**
 * Other builds of the API are measured beside this checkout's with `BENCH_COMPARE=../other/dist` (benchBuilds),
 * each on a database of its own made by its own migrations and seed, all of them BENCH_ROUNDS times,
 * interleaved. This machine's load moves from minute to minute, so only runs taken in turn tell one
 * version from another.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
/** The API's database pool, and the floor's, so both offer PostgreSQL the same concurrency. */
const POOL_SIZE = '30';
/** The API's port; the floor's is the next one. */
const PORT = Number(process.env.BENCH_PORT ?? 3390);

async function main() {
  const builds = benchBuilds();
  const databases = new Map<Build, AppConfig>();
  for (const build of builds) {
    databases.set(
      build,
      await freshBuildDatabase(
        build,
        'pot_bench_writes',
        `const db = await s.connect(config); await s.seedEngland(db, ${PRACTICES});` +
          'await s.seedStatusHistory(db); await db.end();',
      ),
    );
  }
  const config = databases.get(builds[0])!;
  const db = await connect(config);
  const seeded = await countEvents(db);
  await db.end();

  const admin = benchAdmin('bench.admin@example.nhs.uk');
  const rows: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const build of builds) {
      // The first start creates the admin; the later ones find it and sign in with the same password.
      const api = await startSignedInApi(build, databases.get(build)!, PORT, admin, {
        DB_POOL_SIZE: POOL_SIZE,
        REDIS_PREFIX: 'bench_writes',
      });
      try {
        const headers = { 'content-type': 'application/json', ...api.headers };
        const label = builds.length > 1 ? `API (${build.name})` : 'API (NestJS, as deployed)';
        rows.push(await measure(label, api.server, headers, databases.get(build)!));
      } finally {
        await api.server.stop();
      }
    }
  }
  // The same database call with nothing around it (write-floor-server.js), on the same database, after
  // the API has gone (so the PostgreSQL backends measured are the floor's alone), on this checkout's database.
  const floor = await startServer(['scripts/bench/write-floor-server.js'], 'floor listening', {
    PORT: String(PORT + 1),
    DB_POOL_SIZE: POOL_SIZE,
    PGHOST: config.DB_HOST,
    PGPORT: String(config.DB_PORT),
    PGUSER: config.DB_USER,
    PGPASSWORD: config.DB_PASSWORD,
    PGDATABASE: config.DB_NAME,
  });
  try {
    rows.push(
      await measure(
        'floor: the same database call from bare node:http',
        floor,
        { 'content-type': 'application/json' },
        config,
      ),
    );
  } finally {
    await floor.stop();
  }

  console.log('\nbench:writes — status writes through POST /api/v1/practices/:code/status');
  console.log(
    `practices ${PRACTICES} with ${seeded} status events before the first run (each build on a database of its own), ` +
      `connections ${CONNECTIONS}, duration ${SECONDS} s each`,
  );
  console.log(
    `| server | writes/s | p50 ms | p95 ms | p99 ms | 2xx | non-2xx | errors | events stored | server CPU ms/write | ` +
      `PostgreSQL CPU ms/write | load generator CPU ms/write |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const row of rows) console.log(row);
}

/**
 * Drives status writes at `server` for SECONDS and answers one table row. Checks that every acknowledged
 * write is stored (requests still in flight when the clock stops are stored but not counted as answered).
 */
async function measure(
  label: string,
  server: BenchServer,
  headers: Record<string, string>,
  config: AppConfig,
): Promise<string> {
  const services = ['appointments', 'prescriptions', 'records'];
  const levels = ['not_capable', 'capable', 'enabled'];
  let n = 0;
  const load = (duration: number) =>
    runLoad({
      url: server.url,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (req) => {
            n++;
            const practice = 1 + ((n * 2654435761) % PRACTICES);
            const date =
              `${2013 + (n % 3)}-${String(1 + (n % 12)).padStart(2, '0')}-` +
              `${String(1 + (n % 28)).padStart(2, '0')}`;
            return {
              ...req,
              path: `/api/v1/practices/B${String(practice).padStart(5, '0')}/status`,
              body: JSON.stringify({ service: services[n % 3], level: levels[(n >> 2) % 3], effectiveDate: date }),
            };
          },
        },
      ],
    });
  await load(WARMUP_SECONDS);
  // Idle during the load; backendPids leaves its own backend out.
  const db = await connect(config);
  // Each measurement starts just after a checkpoint, so neither pays for the other's (or the seed's)
  // dirty pages, and both pay the same full-page writes of a fresh checkpoint.
  await db.query('CHECKPOINT');
  const eventsBefore = await countEvents(db);
  const serverCpuBefore = cpuSeconds([server.pid]);
  const dbCpuBefore = cpuSeconds(await backendPids(db, config.DB_NAME));
  const loadCpuBefore = process.cpuUsage();
  const { result, latencies } = await load(SECONDS);
  const serverCpu = cpuSeconds([server.pid]) - serverCpuBefore;
  const { user, system } = process.cpuUsage(loadCpuBefore);
  const loadCpu = (user + system) / 1e6;
  // The warm-up has opened the server's pool; a backend opened since counts whole (it began under load).
  const dbCpu = cpuSeconds(await backendPids(db, config.DB_NAME)) - dbCpuBefore;
  const events = (await countEvents(db)) - eventsBefore;
  await db.end();
  const ok = result['2xx'];
  if (events < ok || events > ok + CONNECTIONS)
    console.log(`WARNING (${label}): ${ok} writes acknowledged but ${events} events stored`);
  const perWrite = (seconds: number) => ((seconds * 1000) / ok).toFixed(2);
  return (
    `| ${label} | ${(ok / SECONDS).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ` +
    `${percentile(latencies, 95).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${ok} | ${result.non2xx} | ` +
    `${result.errors} | ${events} | ${perWrite(serverCpu)} | ${perWrite(dbCpu)} | ${perWrite(loadCpu)} |`
  );
}

async function countEvents(db: Client): Promise<number> {
  return Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM status_event')).rows[0].n);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
