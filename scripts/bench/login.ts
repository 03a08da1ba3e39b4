import { randomBytes } from 'node:crypto';
import { freshDatabase, percentile, runLoad, startApi } from './bench-support';

/**
 * `npm run bench:login`: sign-in answer times for a right password, a wrong password and an unknown
 * address (they should be alike: the unknown address costs an argon2 check too), then authenticated reads
 * under load (the access guard reads the user row on every request). Prints a Markdown table.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function main() {
  const config = await freshDatabase('pot_bench_login');
  const email = 'bench.admin@example.nhs.uk';
  const password = randomBytes(18).toString('base64');
  const api = await startApi({
    DB_NAME: config.DB_NAME,
    PORT: process.env.PORT ?? '3201',
    REDIS_PREFIX: 'bench_login',
    ADMIN_EMAIL: email,
    ADMIN_PASSWORD: password,
    LOGIN_MAX_FAILURES: '100',
    LOGIN_IP_LIMIT_PER_MINUTE: '10000',
  });
  try {
    const timings: Record<string, number[]> = { 'right password': [], 'wrong password': [], 'unknown address': [] };
    const statuses: Record<string, Set<number>> = {
      'right password': new Set(),
      'wrong password': new Set(),
      'unknown address': new Set(),
    };
    let token = '';
    for (let i = 0; i < ROUNDS; i++) {
      const attempts: [string, object][] = [
        ['right password', { email, password }],
        ['wrong password', { email, password: `${password}x` }],
        ['unknown address', { email: `nobody${i}@example.nhs.uk`, password }],
      ];
      for (const [kind, body] of attempts) {
        const started = performance.now();
        const res = await fetch(`${api.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const json = (await res.json()) as { accessToken?: string };
        timings[kind].push(performance.now() - started);
        statuses[kind].add(res.status);
        if (res.ok && json.accessToken) token = json.accessToken;
      }
    }
    console.log(
      `\nbench:login — POST /api/v1/auth/login, ${ROUNDS} rounds, one request at a time (argon2id m=19 MiB, t=2, p=1)`,
    );
    console.log('| attempt | status | p50 ms | p95 ms |');
    console.log('|---|---|---|---|');
    for (const kind of Object.keys(timings)) {
      const sorted = timings[kind].sort((a, b) => a - b);
      console.log(
        `| ${kind} | ${[...statuses[kind]].join(', ')} | ${percentile(sorted, 50).toFixed(1)} | ` +
          `${percentile(sorted, 95).toFixed(1)} |`,
      );
    }

    console.log(
      `\nAuthenticated reads, ${CONNECTIONS} connections for ${SECONDS} s (token checked and user row read on every ` +
        `request)`,
    );
    console.log('| route | req/s | p50 ms | p99 ms | non-2xx |');
    console.log('|---|---|---|---|---|');
    for (const path of ['/api/v1/me', '/api/v1/regions']) {
      const { result, latencies } = await runLoad({
        url: `${api.url}${path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { authorization: `Bearer ${token}` },
      });
      console.log(
        `| GET ${path} | ${(result['2xx'] / SECONDS).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ` +
          `${percentile(latencies, 99).toFixed(1)} | ${result.non2xx} |`,
      );
    }
  } finally {
    await api.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
