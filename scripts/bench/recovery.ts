import 'reflect-metadata';
import Bull from 'bull';
import Redis from 'ioredis';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bullRootOptions, outboxJobId, QueueName } from '@app/jobs';
import { PrivateRedis } from '../../test/setup/private-redis';
import { BenchServer, buildOnce, connect, freshDatabase, ROOT, startServer } from './bench-support';

/**
 * How long the worker takes to notice what the docs promise it notices (a script that prints timings,
 * never a timed test). The built worker (`npm run build`; `node dist/...`) runs as its own process, on a
 * database of its own and a redis-server of this script's own:
 *
 * 1. Redis emptied (FLUSHALL), then restarted without its data: from the moment Redis is empty and
 *    answering to the moment the worker has put its marker back (it has then re-queued the outbox).
 * 2. A worker killed (SIGKILL) in the middle of a job, a second worker running: from the kill to the
 *    job starting again on the second worker. The job is an import that waits for the import lock,
 *    which this script holds, so it is surely running when the worker is killed.
 *
 *   npm run bench:recovery            (ROUNDS=5 by default; PARTS=redis or PARTS=worker for one part)
 */
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PREFIX = 'bench_recovery';
const IMPORT_LOCK_KEY = 7_438_190_212; // libs/imports/src/import-runs.repository.ts

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 300_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
  return Date.now();
}

function summary(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `${label}: ${sorted.map(seconds).join(', ')} (median ${seconds(median)}, max ${seconds(sorted.at(-1)!)})`,
  );
}

async function main(): Promise<void> {
  const redisServer = await PrivateRedis.start();
  const importDir = mkdtempSync(path.join(os.tmpdir(), 'pot-bench-recovery-'));
  const config = Object.assign(await freshDatabase('pot_bench_recovery'), {
    REDIS_PORT: redisServer.port,
    REDIS_PREFIX: PREFIX,
    IMPORT_DIR: importDir,
  });
  const env = {
    DB_NAME: config.DB_NAME,
    REDIS_PORT: String(redisServer.port),
    REDIS_PREFIX: PREFIX,
    IMPORT_DIR: importDir,
    LOG_LEVEL: 'warn',
  };
  const settings = bullRootOptions(config).settings ?? {};
  const [lockMs, stallMs] = [settings.lockDuration ?? 30000, settings.stalledInterval ?? 30000];
  console.log(`Bull settings: lockDuration ${lockMs} ms, stalledInterval ${stallMs} ms`);
  const redis = new Redis({ port: redisServer.port, host: '127.0.0.1', maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  const marker = `${PREFIX}:schedules:state-kept-since`;
  const startWorker = () => startServer(['dist/apps/worker/src/main.js'], 'Worker running', env);

  buildOnce();
  let worker: BenchServer = await startWorker();
  const workers = new Set<BenchServer>([worker]);
  try {
    await until('the worker to mark Redis', async () => (await redis.exists(marker)) === 1);
    if (process.env.PARTS !== 'worker') await measureEmptyRedis();
    if (process.env.PARTS !== 'redis') await measureKilledWorker();
  } finally {
    for (const w of workers) await w.stop();
    redis.disconnect();
    await redisServer.destroy();
    rmSync(importDir, { recursive: true, force: true });
    const admin = await connect(config, 'postgres');
    await admin.query(`DROP DATABASE IF EXISTS "${config.DB_NAME}" WITH (FORCE)`);
    await admin.end();
  }

  async function measureEmptyRedis(): Promise<void> {
    const flushed: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await sleep(Math.random() * 5000); // a random moment of the worker's checking cycle
      await redis.flushall();
      const t0 = Date.now();
      flushed.push((await until('the marker', async () => (await redis.exists(marker)) === 1)) - t0);
    }
    summary('Redis emptied (FLUSHALL), noticed after', flushed);

    const restarted: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await sleep(Math.random() * 5000);
      await redisServer.restartEmpty();
      const t0 = Date.now();
      restarted.push((await until('the marker', async () => (await redis.exists(marker).catch(() => 0)) === 1)) - t0);
    }
    summary('Redis restarted without its data, noticed after', restarted);

    const outage: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await redisServer.stop();
      await sleep(10_000); // the worker's clients back off while Redis is away
      await redisServer.restartEmpty();
      const t0 = Date.now();
      outage.push((await until('the marker', async () => (await redis.exists(marker).catch(() => 0)) === 1)) - t0);
    }
    summary('Redis down 10 s, back without its data, noticed after', outage);
  }

  async function measureKilledWorker(): Promise<void> {
    const queue = new Bull(QueueName.Imports, { ...bullRootOptions(config), redis: { port: redisServer.port } });
    const lock = await connect(config);
    const db = await connect(config);
    const rerun: number[] = [];
    try {
      for (let i = 0; i < ROUNDS; i++) {
        await lock.query(`SELECT pg_advisory_lock($1)`, [IMPORT_LOCK_KEY]);
        const runId = await queueImport(env);
        // The run's job is relayed from the outbox row written with the run, under that row's id.
        const { rows } = await db.query<{ id: string }>(
          `SELECT id::text FROM outbox WHERE kind = 'import' AND (payload->>'runId')::int = $1`,
          [runId],
        );
        const job = async () => queue.getJob(outboxJobId(rows[0].id));
        await until('the import job to start', async () => (await (await job())?.getState()) === 'active');
        const firstStart = (await job())!.processedOn!;
        const second = await startWorker();
        workers.add(second);
        await sleep(Math.random() * 15_000); // a random moment between two renewals of the job's lock
        process.kill(worker.pid, 'SIGKILL');
        workers.delete(worker);
        const killed = Date.now();
        await until('the job to start again', async () => ((await job())?.processedOn ?? 0) > firstStart);
        rerun.push(Date.now() - killed);
        await lock.query(`SELECT pg_advisory_unlock($1)`, [IMPORT_LOCK_KEY]);
        await until('the import to end', async () => {
          const { rows } = await db.query<{ state: string }>(`SELECT state FROM import_run WHERE id = $1`, [runId]);
          return rows[0].state === 'succeeded';
        });
        worker = second;
        console.log(`  round ${i + 1}: the job started again ${seconds(rerun.at(-1)!)} after the kill`);
      }
    } finally {
      await queue.close();
      await lock.end();
      await db.end();
    }
    summary('A worker killed mid-job: the job started again on the other worker after', rerun);
  }
}

/** `npm run cli -- import regions … --detach`, as an operator queues a run; returns the run id. */
async function queueImport(env: Record<string, string>): Promise<number> {
  const file = path.join(ROOT, 'test/fixtures/imports/regions.csv');
  const child = spawn(process.execPath, ['dist/scripts/cli.js', 'import', 'regions', file, '--detach'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  const id = /Import run (\d+)/.exec(out)?.[1];
  if (!id) throw new Error(`The CLI did not queue a run: ${out}`);
  return Number(id);
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
