import { randomBytes } from 'node:crypto';
import { backendPids, connect, cpuSeconds, freshDatabase, percentile, runLoad, seedEngland, seedStatusHistory, startApi } from './bench-support';

/**
 * `npm run bench:writes`: England scale (7,800 practices), then status writes through the HTTP API from
 * several concurrent clients. Each write is one transaction (row lock, event, span rebuild, and whatever
 * else the write path does). Prints writes/s and latency percentiles.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PRACTICES = 7800;

async function main() {
  const config = await freshDatabase('pot_bench_writes');
  const db = await connect(config);
  await seedEngland(db, PRACTICES);
  await seedStatusHistory(db);
  const seeded = Number((await db.query('SELECT count(*) AS n FROM status_event')).rows[0].n);
  await db.end();

  const admin = { email: 'bench.admin@example.nhs.uk', password: randomBytes(18).toString('base64') };
  const api = await startApi({
    DB_NAME: config.DB_NAME, PORT: '3390', DB_POOL_SIZE: '30', REDIS_PREFIX: 'bench_writes', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(await authHeaders(api.url, admin)) };
  const services = ['appointments', 'prescriptions', 'records'];
  const levels = ['not_capable', 'capable', 'enabled'];
  let n = 0;
  try {
    const apiCpuBefore = cpuSeconds([api.pid]);
    const loadCpuBefore = process.cpuUsage();
    const { result, latencies } = await runLoad({
      url: api.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (req) => {
            n++;
            const practice = 1 + ((n * 2654435761) % PRACTICES);
            const date = `${2013 + (n % 3)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
            return {
              ...req,
              path: `/api/v1/practices/B${String(practice).padStart(5, '0')}/status`,
              body: JSON.stringify({ service: services[n % 3], level: levels[(n >> 2) % 3], effectiveDate: date }),
            };
          },
        },
      ],
    });
    const apiCpu = cpuSeconds([api.pid]) - apiCpuBefore;
    const { user, system } = process.cpuUsage(loadCpuBefore);
    const loadCpu = (user + system) / 1e6;
    const check = await connect(config);
    // The API's pool opens its connections under load, so their whole CPU time is (nearly all) the run's.
    const dbCpu = cpuSeconds(await backendPids(check, config.DB_NAME));
    const events = Number((await check.query('SELECT count(*) AS n FROM status_event')).rows[0].n) - seeded;
    await check.end();
    const ok = result['2xx'];
    console.log('\nbench:writes — status writes through POST /api/v1/practices/:code/status');
    console.log(`practices ${PRACTICES} with ${seeded} status events already, connections ${CONNECTIONS}, duration ${SECONDS} s`);
    console.log(`| writes/s | p50 ms | p95 ms | p99 ms | 2xx | non-2xx | errors | events stored | API CPU ms/write | PostgreSQL CPU ms/write | load generator CPU ms/write |`);
    console.log(`|---|---|---|---|---|---|---|---|---|---|---|`);
    console.log(`| ${(ok / SECONDS).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${ok} | ${result.non2xx} | ${result.errors} | ${events} | ${((apiCpu * 1000) / ok).toFixed(2)} | ${((dbCpu * 1000) / ok).toFixed(2)} | ${((loadCpu * 1000) / ok).toFixed(2)} |`);
    // Requests still in flight when the clock stops are stored but not counted as answered.
    if (events < ok || events > ok + CONNECTIONS) console.log(`WARNING: ${ok} writes acknowledged but ${events} events stored`);
  } finally {
    await api.stop();
  }
}

/** Signs in as the bench's admin (created by the API at start-up from ADMIN_EMAIL/ADMIN_PASSWORD). */
async function authHeaders(url: string, admin: { email: string; password: string }): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  if (!res.ok) throw new Error(`Sign-in for the bench failed: ${res.status} ${await res.text()}`);
  return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
