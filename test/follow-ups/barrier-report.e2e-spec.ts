import { Level, Role, Service } from '@app/domain';
import { actorHeader, withTestActors } from '../setup/test-actor';
import { TestContext } from '../setup/test-context';
import { WorkerContext } from '../setup/worker-context';
import { followUpsOf, setNow } from './helpers';

const manager = actorHeader({ userId: 1, role: Role.Manager, regionCode: null });

describe('barrier report', () => {
  let ctx: TestContext;
  let worker: WorkerContext;

  async function barriers(practiceId: number, at: string, list: { service: Service; category: string }[]) {
    setNow(new Date(at), ctx, worker);
    const [f] = await followUpsOf(ctx, practiceId);
    await ctx.api().post(`/follow-ups/${f.id}/barriers`).send({ barriers: list }).expect(200);
  }

  beforeAll(async () => {
    ctx = await TestContext.create(withTestActors);
    worker = await WorkerContext.start(ctx.config, { OUTBOX_POLL_MS: 0 });
    setNow(new Date('2014-09-01T09:00:00Z'), ctx, worker);
    const north1 = await ctx.factories.practice({ regionCode: 'Y54', ccgCode: '00M' });
    const north2 = await ctx.factories.practice({ regionCode: 'Y54', ccgCode: '00M' });
    const south = await ctx.factories.practice({ regionCode: 'Y55', ccgCode: '00N' });
    const quiet = await ctx.factories.practice({ regionCode: 'Y55', ccgCode: '00N' });
    await ctx.factories.statusEvent(quiet.id, Service.Appointments, Level.Enabled, '2014-01-01');
    await worker.schedules.sweepFollowUps();

    await barriers(north1.id, '2014-09-10T10:00:00Z', [
      { service: Service.Records, category: 'record_redaction' },
      { service: Service.Appointments, category: 'staff_capacity' },
    ]);
    // 23:30 UTC on 30 September is already 1 October in London.
    await barriers(north2.id, '2014-09-30T23:30:00Z', [{ service: Service.Records, category: 'record_redaction' }]);
    await barriers(north2.id, '2014-10-06T10:00:00Z', [{ service: Service.Records, category: 'record_redaction' }]);
    await barriers(south.id, '2014-10-06T11:00:00Z', [{ service: Service.Records, category: 'identity_verification' }]);
  });
  afterAll(async () => {
    await worker.close();
    await ctx.close();
  });

  it('counts practices reporting each barrier, by service and category', async () => {
    const res = await ctx
      .api()
      .get('/reports/barriers')
      .set(...manager)
      .expect(200);
    expect(res.body).toMatchObject({ by: 'category', service: null, from: null, to: null });
    expect(res.body.rows).toEqual([
      { service: 'appointments', category: 'staff_capacity', practices: 1, barriers: 1 },
      { service: 'records', category: 'record_redaction', practices: 2, barriers: 3 },
      { service: 'records', category: 'identity_verification', practices: 1, barriers: 1 },
    ]);
    expect(res.body.totals).toEqual([
      { service: 'appointments', practices: 1 },
      { service: 'records', practices: 3 },
    ]);
  });

  it('filters by service and by the London date the barrier was recorded', async () => {
    const res = await ctx.api().get('/reports/barriers?service=records&from=2014-10-01&to=2014-10-06').expect(200);
    expect(res.body.rows).toEqual([
      { service: 'records', category: 'identity_verification', practices: 1, barriers: 1 },
      { service: 'records', category: 'record_redaction', practices: 1, barriers: 2 },
    ]);
    const september = await ctx.api().get('/reports/barriers?to=2014-09-30').expect(200);
    expect(september.body.rows.map((r: { barriers: number }) => r.barriers)).toEqual([1, 1]);
  });

  it('breaks down by region', async () => {
    const res = await ctx.api().get('/reports/barriers?by=region&service=records').expect(200);
    expect(res.body.rows).toEqual([
      {
        regionCode: 'Y54',
        regionName: 'Region Y54',
        service: 'records',
        category: 'record_redaction',
        practices: 2,
        barriers: 3,
      },
      {
        regionCode: 'Y55',
        regionName: 'Region Y55',
        service: 'records',
        category: 'identity_verification',
        practices: 1,
        barriers: 1,
      },
    ]);
  });

  it("narrows to a region's or a CCG's practices; an unknown one is a 404 naming the field", async () => {
    const south = await ctx.api().get('/reports/barriers?regionCode=Y55').expect(200);
    expect(south.body).toMatchObject({ regionCode: 'Y55', ccgCode: null });
    expect(south.body.rows).toEqual([
      { service: 'records', category: 'identity_verification', practices: 1, barriers: 1 },
    ]);
    expect(south.body.totals).toEqual([{ service: 'records', practices: 1 }]);
    const north = await ctx.api().get('/reports/barriers?ccgCode=00M&service=records').expect(200);
    expect(north.body.rows).toEqual([{ service: 'records', category: 'record_redaction', practices: 2, barriers: 3 }]);
    const byRegion = await ctx.api().get('/reports/barriers?by=region&regionCode=Y54').expect(200);
    expect(byRegion.body.rows.map((r: { regionCode: string }) => r.regionCode)).toEqual(['Y54', 'Y54']);
    expect((await ctx.api().get('/reports/barriers?regionCode=Y99').expect(404)).body.problems).toEqual([
      { field: 'regionCode', message: 'No region Y99' },
    ]);
    expect((await ctx.api().get('/reports/barriers?ccgCode=99Z').expect(404)).body.problems[0].field).toBe('ccgCode');
    expect((await ctx.api().get('/reports/barriers?regionCode=north').expect(400)).body.problems[0].field).toBe(
      'regionCode',
    );
  });

  it('answers CSV for ?format=csv or Accept: text/csv', async () => {
    const byParam = await ctx.api().get('/reports/barriers?by=region&service=records&format=csv').expect(200);
    expect(byParam.headers['content-type']).toMatch(/^text\/csv/);
    expect(byParam.text).toBe(
      'regionCode,regionName,service,category,practices,barriers\r\nY54,Region Y54,records,record_redaction,2,3\r\n' +
        'Y55,Region Y55,records,identity_verification,1,1\r\n',
    );
    const byAccept = await ctx
      .api()
      .get('/reports/barriers?service=appointments')
      .set('Accept', 'text/csv')
      .expect(200);
    expect(byAccept.text).toBe('service,category,practices,barriers\r\nappointments,staff_capacity,1,1\r\n');
  });

  it('rejects bad parameters with the field named', async () => {
    expect(
      (await ctx.api().get('/reports/barriers?from=2014-10-06&to=2014-10-01').expect(400)).body.problems[0].field,
    ).toBe('to');
    const bad = await ctx.api().get('/reports/barriers?by=ccg&service=email&from=yesterday&format=xml').expect(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'by',
      'format',
      'from',
      'service',
    ]);
  });
});
