import { ImportState } from '@app/imports';
import { ImportRunsRepository } from '../../libs/imports/src/import-runs.repository';
import { TestContext } from '../setup/test-context';
import { importsOf } from './import-support';

/** Two good CCG rows and three refused, over 7 lines (header, a blank line, no end on the last). */
const CCGS =
  'code,name,region_code\r\n00C,NHS Darlington CCG,Y54\r\n\r\n00D,"NHS Durham, Dales CCG",Y54\r\n' +
  '00E,Unknown region,Q99\r\n00G,Sum CCG,=SUM(A1)\r\n00F,Another unknown,Q98';

/**
 * The run's "n of m rows" (rowsDone of rowsTotal, for the admin screen's progress bar) and its problems
 * page by page and as CSV. Processed in this process (the worker's code; the queue is covered elsewhere).
 */
describe('imports: rows done of rows in the file, problems paginated and as CSV', () => {
  let ctx: TestContext;
  let runId: number;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.region('Y54');
    const res = await ctx
      .api()
      .post('/imports')
      .field('kind', 'ccgs')
      .field('partial', 'true')
      .attach('file', Buffer.from(CCGS), 'ccgs.csv')
      .expect(202);
    runId = res.body.id;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('counts the lines of the file when it arrives: rowsTotal, with none done yet', async () => {
    const run = (await ctx.api().get(`/imports/${runId}`).expect(200)).body;
    expect(run).toMatchObject({ state: ImportState.Queued, rowsTotal: 7, rowsDone: 0 });
  });

  it('the worker’s progress writes the line reached as rowsDone, never past the total', async () => {
    const runs = ctx.app.get(ImportRunsRepository);
    await runs.claim(runId);
    await runs.reportProgress(runId, 40, 3);
    expect((await ctx.api().get(`/imports/${runId}`).expect(200)).body).toMatchObject({
      state: ImportState.Running,
      progress: 40,
      rowsDone: 3,
      rowsTotal: 7,
    });
    await runs.reportProgress(runId, 50, 9);
    expect((await ctx.api().get(`/imports/${runId}`).expect(200)).body.rowsDone).toBe(7);
  });

  it('a finished run has gone through every row: rowsDone = rowsTotal, progress 100', async () => {
    await importsOf(ctx).process(runId);
    const run = (await ctx.api().get(`/imports/${runId}`).expect(200)).body;
    expect(run).toMatchObject({
      state: ImportState.Succeeded,
      progress: 100,
      rowsDone: 7,
      rowsTotal: 7,
      rowsAccepted: 2,
      problemCount: 3,
    });
  });

  it('a parse that stops early keeps rowsDone where it stopped', async () => {
    const res = await ctx
      .api()
      .post('/imports')
      .field('kind', 'ccgs')
      .attach('file', Buffer.from('wrong,header\r\nx,y\r\nz,w\r\n'), 'wrong.csv')
      .expect(202);
    await importsOf(ctx).process(res.body.id);
    const run = (await ctx.api().get(`/imports/${res.body.id}`).expect(200)).body;
    expect(run).toMatchObject({ state: ImportState.Rejected, progress: 100, rowsTotal: 3, rowsDone: 1 });
  });

  it('pages through the stored problems in row order', async () => {
    const first = (await ctx.api().get(`/imports/${runId}/problems?page=1&pageSize=2`).expect(200)).body;
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items.map((p: { row: number }) => p.row)).toEqual([5, 6]);
    expect(first.items[0]).toMatchObject({ column: 'region_code', value: 'Q99' });
    const second = (await ctx.api().get(`/imports/${runId}/problems?page=2&pageSize=2`).expect(200)).body;
    expect(second.items.map((p: { row: number }) => p.row)).toEqual([7]);
    const beyond = (await ctx.api().get(`/imports/${runId}/problems?page=3&pageSize=2`).expect(200)).body;
    expect(beyond).toMatchObject({ total: 3, items: [] });
  });

  it('serves every stored problem as a CSV download, formulas defused', async () => {
    const res = await ctx.api().get(`/imports/${runId}/problems.csv`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="import-${runId}-problems.csv"`);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('row,column,value,reason');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^5,region_code,Q99,/);
    expect(lines[2]).toMatch(/^6,region_code,'=SUM\(A1\),/);
    expect(res.text).not.toMatch(/,=SUM/);
  });

  it('answers 404 for a run that does not exist and 400 naming a bad page', async () => {
    await ctx.api().get('/imports/999999/problems').expect(404);
    await ctx.api().get('/imports/999999/problems.csv').expect(404);
    const bad = await ctx.api().get(`/imports/${runId}/problems?pageSize=0`).expect(400);
    expect(JSON.stringify(bad.body.problems)).toMatch(/pageSize/);
  });
});
