import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { JobName, OutboxRelay, QueueName, BullJobQueues } from '@app/jobs';
import { SchedulesProcessor } from '../../apps/worker/src/processors/schedules.processor';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { clearRedisPrefix } from '../../test/setup/redis-keys';
import { connect, freshDatabase, seedEngland } from './bench-support';

/**
 * `npm run bench:follow-ups`: England scale (7,800 practices, a third offering everything), then the
 * real worker (WorkerModule, polling off) timed on: the nightly sweep (first run, then a repeat that
 * must change nothing), the relay moving the sweep's due jobs into Bull, and N evaluate-practice jobs
 * (what N status writes ask for) relayed and processed end to end. Prints a table.
 */
const PRACTICES = 7800;
const EVALUATIONS = Number(process.env.BENCH_EVALUATIONS ?? 5000);
const PREFIX = 'bench_followups';

async function main() {
  const config = await freshDatabase('pot_bench_followups');
  const db = await connect(config);
  await seedEngland(db, PRACTICES);
  // A third offer everything (no follow-up), a third miss records, a third have no status at all.
  await db.query(`INSERT INTO status_event (practice_id, service, level, effective_date, source)
                  SELECT p.id, s,
                         CASE WHEN p.id % 3 = 1 AND s = 'records' THEN 'capable' ELSE 'enabled' END::service_level,
                         DATE '2014-01-01', 'import'
                  FROM practice p CROSS JOIN unnest(enum_range(NULL::service)) s WHERE p.id % 3 IN (0, 1)`);
  await db.query(`INSERT INTO status_span (practice_id, service, valid_from, level, event_id)
                  SELECT practice_id, service, effective_date, level, id FROM status_event`);
  await db.end();
  await clearRedisPrefix(config, PREFIX);

  Object.assign(process.env, {
    DB_NAME: config.DB_NAME,
    REDIS_PREFIX: PREFIX,
    OUTBOX_POLL_MS: '0',
    OUTBOX_BATCH_SIZE: '500',
    WORKER_CONCURRENCY: '4',
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  await app.init();
  const rows: [string, string, string][] = [];
  try {
    const schedules = app.get(SchedulesProcessor);
    const relay = app.get(OutboxRelay);
    const queues = app.get(BullJobQueues);
    const ds = app.get(DataSource);

    let t = performance.now();
    const first = await schedules.sweepFollowUps();
    rows.push([
      'nightly sweep, first run',
      `${(performance.now() - t).toFixed(0)} ms`,
      `${first.created} follow-ups created`,
    ]);
    t = performance.now();
    const second = await schedules.sweepFollowUps();
    rows.push([
      'nightly sweep, repeat',
      `${(performance.now() - t).toFixed(0)} ms`,
      `${second.created} created, ${second.updated} updated`,
    ]);

    t = performance.now();
    const relayed = await relay.drain();
    const relayMs = performance.now() - t;
    rows.push([
      'relay: due jobs into Bull',
      `${relayMs.toFixed(0)} ms`,
      `${relayed} rows, ${(relayed / (relayMs / 1000)).toFixed(0)} rows/s`,
    ]);

    await ds.query(
      `INSERT INTO outbox (kind, payload) SELECT $1, jsonb_build_object('practiceId', 1 + (i * 7919) % $2)
       FROM generate_series(1, $3) i`,
      [JobName.EvaluatePractice, PRACTICES, EVALUATIONS],
    );
    t = performance.now();
    await relay.drain();
    const queue = queues.queue(QueueName.FollowUps);
    for (;;) {
      const c = await queue.getJobCounts();
      if (!c.waiting && !c.active) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const evalMs = performance.now() - t;
    rows.push([
      `${EVALUATIONS} evaluate-practice jobs, relayed and run`,
      `${evalMs.toFixed(0)} ms`,
      `${(EVALUATIONS / (evalMs / 1000)).toFixed(0)} jobs/s (concurrency 4, one worker)`,
    ]);
  } finally {
    await app.close();
    await clearRedisPrefix(config, PREFIX);
  }
  console.log('\nbench:follow-ups — the worker at England scale (7,800 practices)');
  console.log('| step | time | result |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
