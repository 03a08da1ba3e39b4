import { ImportState } from '@app/imports';
import { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';
import { importText } from './import-support';

/** DESIGN.md: after an import, the follow-up rule is applied (through the outbox and the sweep), not skipped. */
describe('imports apply the follow-up rule', () => {
  let ctx: TestContext;
  let worker: WorkerContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 });
    await ctx.factories.practice({ code: 'H20001', openedOn: '2010-01-01' });
    await ctx.factories.practice({ code: 'H20002', openedOn: '2010-01-01' });
  });
  afterAll(async () => {
    await worker.close();
    await ctx.close();
  });

  it('asks for a sweep in the import transaction, and the sweep opens the missing follow-ups', async () => {
    const csv = [
      'practice_code,service,level,effective_date',
      ...['appointments', 'prescriptions', 'records'].map((s) => `H20001,${s},enabled,2014-09-30`),
      'H20002,appointments,enabled,2014-09-30',
      'H20002,records,capable,2014-09-30',
    ].join('\n');
    const run = await importText(ctx, 'statuses.csv', `${csv}\n`, { kind: 'status-csv' });
    expect(run.state).toBe(ImportState.Succeeded);
    expect(await ctx.db.query(`SELECT kind, payload FROM outbox WHERE kind = 'sweep-follow-ups'`)).toEqual([
      { kind: 'sweep-follow-ups', payload: { reason: 'import' } },
    ]);

    await worker.settle();
    const followUps = await ctx.db.query(
      `SELECT p.code, f.services_not_offered::text[] AS services FROM follow_up f
       JOIN practice p ON p.id = f.practice_id
       WHERE f.state IN ('open', 'contacted', 'barriers_recorded') ORDER BY p.code`,
    );
    expect(followUps).toEqual([{ code: 'H20002', services: ['prescriptions', 'records'] }]);
  });
});
