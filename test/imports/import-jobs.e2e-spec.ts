import { INestApplicationContext } from '@nestjs/common';
import { request } from 'node:http';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Role } from '@app/domain';
import { ImportState } from '@app/imports';
import { outboxJobId, QueueName } from '@app/jobs';
import { ImportRunsRepository } from '../../libs/imports/src/import-runs.repository';
import { PrivateRedis } from '../setup/private-redis';
import { TestContext } from '../setup/test-context';
import { startWorker, WorkerContext } from '../setup/worker-context';
import { finishedRun, importsOf, tableCounts } from './import-support';
import { waitFor } from '../setup/wait-for';

/** Sends a multipart upload whose file part is streamed from `file` (never whole in memory), chunked. */
async function streamUpload(ctx: TestContext, fields: Record<string, string>, fileName: string, file: Readable) {
  const server = ctx.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const boundary = `----pot${Date.now()}`;
  const { accessToken } = await ctx.user(Role.Admin);
  const head =
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ` +
    `text/csv\r\n\r\n`;
  return new Promise<{ status: number; body: { id: number; state: string } }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/imports',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          authorization: `Bearer ${accessToken}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.write(head);
    file.on('data', (chunk) => {
      if (!req.write(chunk)) {
        file.pause();
        req.once('drain', () => file.resume());
      }
    });
    file.on('end', () => req.end(`\r\n--${boundary}--\r\n`));
  });
}

/** About `megabytes` MB of list-size breakdown rows (all skipped by the parser) and one bad row at the end. */
function bigGpRegFile(megabytes: number): Readable {
  const row = 'GP_PRAC_PAT_LIST,01JAN2021,GP,00L,E38000130,A84002,NE65 7UW,MALE,0-4,120\r\n';
  const chunk = row.repeat(Math.floor((64 * 1024) / row.length));
  let sent = 0;
  const target = megabytes * 1024 * 1024;
  return new Readable({
    read() {
      if (sent === 0)
        this.push('PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n');
      if (sent >= target) {
        this.push('GP_PRAC_PAT_LIST,01JAN2021,GP,00L,E38000130,A84002,NE65 7UW,ALL,ALL,-5\r\n');
        this.push(null);
        return;
      }
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

describe('imports through the imports queue and the real worker', () => {
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

  const upload = (name: string, content: string | Buffer, fields: Record<string, string> = { kind: 'regions' }) => {
    let req = ctx.api().post('/imports');
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', Buffer.from(content), name).expect(202);
  };

  it('an upload is processed by the worker: succeeded, progress 100, the stored file removed', async () => {
    const res = await upload('regions.csv', '\ufeffcode,name\r\nY54,North of England\r\nY56,"London, the capital"\r\n');
    const run = await finishedRun(ctx, res.body.id);
    expect(run).toMatchObject({
      state: ImportState.Succeeded,
      progress: 100,
      rowsAccepted: 2,
      attempts: 1,
      summary: { bomStripped: true },
    });
    expect(run.startedAt!.getTime()).toBeLessThanOrEqual(run.finishedAt!.getTime());
    expect(await ctx.db.query(`SELECT code, name FROM region ORDER BY code`)).toEqual([
      { code: 'Y54', name: 'North of England' },
      { code: 'Y56', name: 'London, the capital' },
    ]);
    // The file goes once the run's transaction has committed.
    await waitFor(
      async () =>
        expect(
          (await ctx.db.query(`SELECT stored_file FROM import_run WHERE id = $1`, [run.id]))[0].stored_file,
        ).toBeNull(),
      'the stored file to go',
    );
  });

  describe('hostile files: a rejected run with the parser message, nothing written', () => {
    const tenThousandColumns = `code,name\r\nY57,South\r\n${'x,'.repeat(10_000)}x\r\n`;
    const mixedEncoding = Buffer.concat([
      Buffer.from('code,name\nY57,Sörth\n'),
      Buffer.from('Y55,Caf\xe9\n', 'latin1'),
    ]);
    it.each([
      ['an empty file', '', 'the file is empty'],
      ['a header only', 'code,name\r\n', 'no data rows: the file has a header only'],
      [
        'binary garbage',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        'not a text/CSV file: binary byte 0x1a at byte 7',
      ],
      [
        'a row of 10,000 columns',
        tenThousandColumns,
        'line 3 has more than 1000 fields: not a CSV file of this format',
      ],
      [
        'UTF-8 text, then another encoding',
        mixedEncoding,
        'the file mixes encodings: UTF-8 text, then an invalid UTF-8 byte at byte 29; save it as "CSV UTF-8"',
      ],
      [
        'the wrong format',
        'PUBLICATION,PRACTICE\r\nX,A81001\r\n',
        'header not recognised for regions: missing column(s) code or region_code; name or region_name (found: ' +
          'PUBLICATION, PRACTICE)',
      ],
    ])('%s', async (_name, content, reason) => {
      const before = await tableCounts(ctx.db);
      const res = await upload('hostile.csv', content);
      const run = await finishedRun(ctx, res.body.id);
      expect(run).toMatchObject({
        state: ImportState.Rejected,
        message: `The file was rejected, nothing was imported: ${reason}`,
      });
      expect(run.problems).toContainEqual(expect.objectContaining({ reason, row: expect.any(Number) }));
      expect(await tableCounts(ctx.db)).toEqual(before);
    });
  });

  it('a 200 MB upload streams to disk and through the parser, and ends with one clear result', async () => {
    const before = await tableCounts(ctx.db);
    const res = await streamUpload(ctx, { kind: 'list-size-gp-reg' }, 'gp-reg-big.csv', bigGpRegFile(200));
    expect(res.status).toBe(202);
    const run = await finishedRun(ctx, res.body.id, 170_000);
    expect(run.fileSize).toBeGreaterThan(200 * 1024 * 1024);
    expect(run).toMatchObject({ state: ImportState.Rejected, rowsAccepted: 0, rowsRejected: 1, problemCount: 1 });
    expect(run.rowsRead).toBeGreaterThan(2_500_000);
    expect(run.problems).toEqual([
      expect.objectContaining({ column: 'NUMBER_OF_PATIENTS', value: '-5', reason: 'not a whole number' }),
    ]);
    expect(await tableCounts(ctx.db)).toEqual(before);
    // 38-63 s with two whole test runs beside it on 2 cores (load average 20), 6 s alone.
  }, 180_000);
});

describe('imports when Redis is down at upload time', () => {
  let redis: PrivateRedis;
  let ctx: TestContext;
  let worker: WorkerContext;

  beforeAll(async () => {
    // A redis-server of this test's own, stopped while the upload is accepted.
    redis = await PrivateRedis.start();
    ctx = await TestContext.create(undefined, { config: { REDIS_PORT: redis.port } });
    worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 50 });
  });
  afterAll(async () => {
    await redis.restart().catch(() => undefined); // closing Bull needs Redis up
    await worker.close();
    await ctx.close();
    await redis.destroy();
  });

  it('the upload still answers 202 with the run queued, and the worker runs it once Redis is back', async () => {
    await redis.stop();
    await waitFor(() => !worker.queues.isConnected(), 'the worker to notice Redis is gone');
    const res = await ctx
      .api()
      .post('/imports')
      .field('kind', 'regions')
      .attach('file', Buffer.from('code,name\nY54,North\n'), 'r.csv')
      .expect(202);
    expect(res.body.state).toBe(ImportState.Queued);
    // Its job is asked for by an outbox row committed with the run: nothing to lose while Redis is away.
    expect(await ctx.db.query(`SELECT payload FROM outbox WHERE kind = 'import' AND dispatched_at IS NULL`)).toEqual([
      { payload: { runId: res.body.id } },
    ]);

    await redis.restart();
    const run = await finishedRun(ctx, res.body.id);
    expect(run.state).toBe(ImportState.Succeeded);
  });
});

describe('imports whose worker is lost mid-run', () => {
  let ctx: TestContext;
  let worker: WorkerContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 });
  });
  afterAll(async () => {
    await worker.close();
    await ctx.close();
  });

  const upload = async (region: string) => {
    const res = await ctx
      .api()
      .post('/imports')
      .field('kind', 'regions')
      .attach('file', Buffer.from(`code,name\n${region},South\n`), 'r.csv')
      .expect(202);
    return res.body.id as number;
  };

  it('a run left running (its worker killed, the job run again by Bull) is imported from the start', async () => {
    const id = await upload('Y57');
    // What a killed worker leaves: the claim committed, the import's transaction rolled back.
    await ctx.db.query(`UPDATE import_run SET state = 'running', attempts = 1, progress = 40 WHERE id = $1`, [id]);
    await worker.relay.drain();
    const run = await finishedRun(ctx, id);
    expect(run).toMatchObject({ state: ImportState.Succeeded, attempts: 2, progress: 100, rowsAccepted: 1 });
  });

  it('a run whose job the queue gives up on (its worker lost once too often) is failed, not left running', async () => {
    const id = await upload('Y58');
    const runs = ctx.app.get(ImportRunsRepository, { strict: false });
    const queue = worker.queues.queue(QueueName.Imports);
    await ctx.db.transaction(async (m) => {
      await runs.waitForImportLock(m); // the job waits for this lock: it stays active, its run queued
      await worker.relay.drain();
      const [row] = await ctx.db.query(`SELECT id::text FROM outbox WHERE kind = 'import' AND payload->>'runId' = $1`, [
        String(id),
      ]);
      const job = await queue.getJob(outboxJobId(row.id));
      await waitFor(async () => (await job!.getState()) === 'active', 'the import job to start');
      // What Bull's stall check emits when a job's lock expired once more than maxStalledCount allows.
      queue.emit('failed', job, new Error('job stalled more than allowable limit'), 'active');
      await waitFor(async () => (await importsOf(ctx).get(id)).state === ImportState.Failed, 'the run to be failed');
    });
    await worker.idle([QueueName.Imports]);
    const run = await importsOf(ctx).get(id);
    expect(run).toMatchObject({
      state: ImportState.Failed,
      message: 'The import failed (nothing was imported): job stalled more than allowable limit',
    });
    expect((await ctx.db.query(`SELECT stored_file FROM import_run WHERE id = $1`, [id]))[0].stored_file).toBeNull();
    expect(await ctx.db.query(`SELECT code FROM region WHERE code = 'Y58'`)).toEqual([]);
  });
});
