import { readdir } from 'node:fs/promises';
import { Reflector } from '@nestjs/core';
import { Role } from '@app/domain';
import { ROLES } from '@app/http';
import { ImportState } from '@app/imports';
import { ImportsController } from '../../apps/api/src/imports/imports.controller';
import { TestContext } from '../setup/test-context';
import { importsOf } from './import-support';
import { waitFor } from '../setup/wait-for';

const REGIONS = 'code,name\r\nY54,North of England\r\nY56,London\r\n';

/** POST /imports (multipart) and the reads; processing itself is covered by the other import specs. */
describe('imports: upload API', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(async () => {
    await ctx.close();
  });

  const storedFiles = async () => readdir(ctx.config.IMPORT_DIR).catch(() => [] as string[]);

  it('accepts a file with its kind and options: 202, the run queued, the file stored until processed', async () => {
    const res = await ctx
      .api()
      .post('/imports')
      .field('kind', 'regions')
      .field('partial', 'true')
      .attach('file', Buffer.from(REGIONS), 'regions.csv')
      .expect(202);
    expect(res.body).toMatchObject({
      kind: 'regions',
      fileName: 'regions.csv',
      fileSize: REGIONS.length,
      state: ImportState.Queued,
      progress: 0,
      options: { partial: true },
      createdBy: (await ctx.user(Role.Admin)).id,
    });
    expect(res.body.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers.location).toBe(`/api/v1/imports/${res.body.id}`);
    expect(await storedFiles()).toHaveLength(1);

    await importsOf(ctx).process(res.body.id);
    const done = await ctx.api().get(`/imports/${res.body.id}`).expect(200);
    expect(done.body).toMatchObject({
      state: ImportState.Succeeded,
      rowsAccepted: 2,
      problems: [],
      summary: { changes: { regions: { added: 2 } } },
    });
    expect(await storedFiles()).toEqual([]);
  });

  it('lists runs newest first without their problems, filtered by state and kind', async () => {
    const list = await ctx.api().get('/imports?kind=regions&state=succeeded').expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, items: [{ kind: 'regions', state: 'succeeded' }] });
    expect(list.body.items[0].problems).toBeUndefined();
    await ctx.api().get('/imports?state=done').expect(400);
    await ctx.api().get('/imports/999999').expect(404);
    await ctx.api().get('/imports/abc').expect(400);
  });

  it.each([
    ['no kind', { partial: 'true' }, 'kind'],
    ['an unknown kind', { kind: 'xlsx' }, 'kind'],
    ['partial not a boolean', { kind: 'regions', partial: 'yes' }, 'partial'],
    ['an option the format does not take', { kind: 'regions', service: 'records' }, 'service'],
    ['pomi-wide without its service', { kind: 'pomi-wide' }, 'service'],
    [
      'quarterly list sizes without a date (none in the file name either)',
      { kind: 'list-size-quarterly' },
      'effectiveDate',
    ],
    ['an unknown field', { kind: 'regions', colour: 'blue' }, 'colour'],
  ])('refuses %s with a 400 naming the field, and keeps no file', async (_name, fields, field) => {
    let req = ctx.api().post('/imports');
    for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
    const res = await req.attach('file', Buffer.from(REGIONS), 'x.csv').expect(400);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    // Nest removes a file whose request failed validation once the response is sent.
    await waitFor(async () => expect(await storedFiles()).toEqual([]), 'the stored file to go');
  });

  it('refuses a request without a file', async () => {
    const res = await ctx.api().post('/imports').field('kind', 'regions').expect(400);
    expect(res.body.problems).toEqual([{ field: 'file', message: expect.stringMatching(/file is missing/) }]);
  });

  it('answers 413 in the error shape above IMPORT_MAX_BYTES, streamed or declared, and keeps nothing', async () => {
    ctx.config.IMPORT_MAX_BYTES = 1024; // read per request
    try {
      const body = Buffer.alloc(200 * 1024, 'Y54,North\r\n');
      const streamed = await ctx
        .api()
        .post('/imports')
        .field('kind', 'regions')
        .attach('file', Buffer.alloc(4096, 'x'), 'big.csv')
        .expect(413);
      expect(streamed.body).toEqual({
        status: 413,
        error: 'payload_too_large',
        message: 'The file is larger than the limit of 1 KB (IMPORT_MAX_BYTES)',
        problems: [{ field: 'file', message: 'at most 1024 bytes' }],
        requestId: expect.any(String),
      });
      const declared = await ctx
        .api()
        .post('/imports')
        .field('kind', 'regions')
        .attach('file', body, 'bigger.csv')
        .expect(413);
      expect(declared.body.error).toBe('payload_too_large');
      await waitFor(async () => expect(await storedFiles()).toEqual([]), 'the stored file to go');
      expect((await ctx.api().get('/imports?state=queued').expect(200)).body.total).toBe(0);
    } finally {
      ctx.config.IMPORT_MAX_BYTES = 250 * 1024 * 1024;
    }
  });

  it.each([
    [
      'two files',
      (r: ReturnType<ReturnType<TestContext['api']>['post']>) =>
        r
          .field('kind', 'regions')
          .attach('file', Buffer.from(REGIONS), 'a.csv')
          .attach('file', Buffer.from(REGIONS), 'b.csv'),
      'file',
    ],
    [
      'the file in another field',
      (r: ReturnType<ReturnType<TestContext['api']>['post']>) =>
        r.field('kind', 'regions').attach('upload', Buffer.from(REGIONS), 'a.csv'),
      'upload',
    ],
    [
      'a JSON body instead of multipart',
      (r: ReturnType<ReturnType<TestContext['api']>['post']>) => r.send({ kind: 'regions' }),
      'file',
    ],
    [
      'the kind given twice',
      (r: ReturnType<ReturnType<TestContext['api']>['post']>) =>
        r.field('kind', 'status-csv').field('kind', 'regions').attach('file', Buffer.from(REGIONS), 'a.csv'),
      'kind',
    ],
    [
      'an option longer than 10,000 characters',
      (r: ReturnType<ReturnType<TestContext['api']>['post']>) =>
        r.field('kind', 'x'.repeat(10_001)).attach('file', Buffer.from(REGIONS), 'a.csv'),
      'kind',
    ],
  ])('refuses %s with a 400 naming the field, and keeps no file', async (_name, build, field) => {
    const res = await build(ctx.api().post('/imports')).expect(400);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    await waitFor(async () => expect(await storedFiles()).toEqual([]), 'the stored file to go');
    expect((await ctx.api().get('/imports?state=queued').expect(200)).body.total).toBe(0);
  });

  it('takes a file sent without a name as upload.csv', async () => {
    const boundary = 'no-name';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nregions\r\n--${boundary}\r\n` +
      `Content-Disposition: form-data; name="file"; filename=""\r\n\r\n${REGIONS}\r\n--${boundary}--\r\n`;
    const res = await ctx
      .api()
      .post('/imports')
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body)
      .expect(202);
    expect(res.body).toMatchObject({ kind: 'regions', fileName: 'upload.csv', state: 'queued' });
    // Run it here (no worker in this spec), which also removes its file for the specs after.
    expect(await importsOf(ctx).process(res.body.id)).toBe(ImportState.Succeeded);
  });

  it('refuses a multipart body cut short with a 400, keeping no file', async () => {
    const boundary = 'cut-short';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nregions\r\n--${boundary}\r\n` +
      `Content-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${REGIONS}`;
    const res = await ctx
      .api()
      .post('/imports')
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body)
      .expect(400);
    expect(res.body).toMatchObject({ status: 400, problems: [{ field: 'body' }] });
    await waitFor(async () => expect(await storedFiles()).toEqual([]), 'the stored file to go');
  });

  it('every route is for admins only', () => {
    const reflector = new Reflector();
    const routes = Object.getOwnPropertyNames(ImportsController.prototype).filter((name) => name !== 'constructor');
    expect(routes.sort()).toEqual(['create', 'get', 'list', 'problems', 'problemsCsv']);
    for (const route of routes) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- read for its metadata, never called
      const handler = ImportsController.prototype[route as keyof ImportsController];
      expect(reflector.getAllAndOverride(ROLES, [handler, ImportsController])).toEqual([Role.Admin]);
    }
  });
});
