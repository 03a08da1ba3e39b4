import { INestApplicationContext } from '@nestjs/common';
import { join } from 'node:path';
import { ImportFileStore, ImportState } from '@app/imports';
import { TestContext } from '../setup/test-context';
import { adminClient } from '../setup/test-database';
import { startWorker } from '../setup/worker-context';
import { waitFor } from '../setup/wait-for';
import { finishedRun, FIXTURES, importsOf } from './import-support';

const PRACTICES = 20;
const DAYS = 2500;

/** A status CSV of PRACTICES × DAYS rows, each a change of level (so each row is one status event). */
function statusFile(codes: string[]): Buffer {
  const lines = ['practice_code,service,level,effective_date,note'];
  for (const code of codes) {
    for (let d = 0; d < DAYS; d++) {
      const date = new Date(Date.UTC(2001, 0, 1 + d)).toISOString().slice(0, 10);
      lines.push(`${code},records,${d % 2 ? 'capable' : 'enabled'},${date},`);
    }
  }
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

/**
 * docs/imports.md promises that a database outage during an import is retried. The worker's connection is
 * terminated while its COPY streams the file into the stage (as a restart or failover would): the run is
 * retried, not failed, and ends succeeded with every row written exactly once (the first attempt's
 * transaction rolled back whole).
 */
describe('an import whose connection is dropped mid-COPY', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    worker = await startWorker(ctx.config);
  });
  afterAll(async () => {
    await worker.close();
    await ctx.close();
  });

  it('is retried and succeeds, each row imported once', async () => {
    const codes: string[] = [];
    for (let i = 0; i < PRACTICES; i++) codes.push((await ctx.factories.practice()).code);

    const admin = await adminClient(ctx.config);
    try {
      const res = await ctx
        .api()
        .post('/imports')
        .field('kind', 'status-csv')
        .attach('file', statusFile(codes), 'statuses.csv')
        .expect(202);

      let terminated = 0;
      await waitFor(async () => {
        const { rows } = await admin.query<{ ok: boolean }>(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
           WHERE datname = $1 AND state = 'active' AND query LIKE 'COPY import_stage%'`,
          [ctx.config.DB_NAME],
        );
        terminated += rows.filter((r) => r.ok).length;
        return terminated > 0;
      }, 'the import to be in its COPY');

      const run = await finishedRun(ctx, res.body.id, 60_000);
      expect(run).toMatchObject({ state: ImportState.Succeeded, attempts: 2, rowsAccepted: PRACTICES * DAYS });
    } finally {
      await admin.end();
    }
    const [counts] = await ctx.db.query(
      `SELECT count(*)::int AS events, count(DISTINCT (practice_id, service, effective_date))::int AS distinct_events
       FROM status_event`,
    );
    expect(counts).toEqual({ events: PRACTICES * DAYS, distinct_events: PRACTICES * DAYS });
  }, 120_000);
});

describe('a retry that finds its run over', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create(); // no worker: this test runs the job's work itself
  });
  afterAll(() => ctx.close());

  it('(its COMMIT went through, the answer was lost) imports nothing again and removes the file', async () => {
    const imports = importsOf(ctx);
    const run = await imports.createFromPath(join(FIXTURES, 'regions.csv'), { kind: 'regions' });
    // TypeORM answers an UPDATE with [rows, count].
    const [[{ stored_file: file }]] = await ctx.db.query(
      `UPDATE import_run SET state = 'succeeded', finished_at = now() WHERE id = $1 RETURNING stored_file`,
      [run.id],
    );
    expect(await ctx.app.get(ImportFileStore).exists(file)).toBe(true);

    expect(await imports.process(run.id)).toBeNull();
    expect(await imports.get(run.id)).toMatchObject({ state: ImportState.Succeeded, attempts: 0 });
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM region`)).toEqual([{ n: 0 }]);
    expect(await ctx.app.get(ImportFileStore).exists(file)).toBe(false);
  });
});
