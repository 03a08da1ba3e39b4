import { Level, Role, Service } from '@app/domain';
import { OutlookDto, SummaryDto } from '@app/figures';
import { TestContext } from '../setup/test-context';

/**
 * GET /reports/outlook on seeded data: region Y54 has ten practices (one closed in 2014), Y56 four. In
 * Y54, appointments: three enabled from January 2014 and three more from June (a net pace of three in six
 * months to 30 September); prescriptions: all enabled in 2013; records: none ever enabled.
 */
describe('reports: outlook', () => {
  let ctx: TestContext;
  const api = () => ctx.api(Role.Manager);

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.ccg('00C', 'Y54');
    await ctx.factories.ccg('07X', 'Y56');
    for (let i = 0; i < 14; i++) {
      const inY54 = i < 10;
      const { id } = await ctx.factories.practice({
        ccgCode: inY54 ? '00C' : '07X',
        regionCode: inY54 ? 'Y54' : 'Y56',
        openedOn: '2000-01-01',
        closedOn: i === 9 ? '2014-05-01' : null,
        listSize: 1000 * (i + 1),
        listSizeFrom: '2012-01-01',
      });
      if (i < 3 || (i >= 10 && i < 12))
        await ctx.factories.statusEvent(id, Service.Appointments, Level.Enabled, '2014-01-01');
      else if (i < 6) await ctx.factories.statusEvent(id, Service.Appointments, Level.Enabled, '2014-06-01');
      else if (i < 8) await ctx.factories.statusEvent(id, Service.Appointments, Level.Capable, '2014-01-01');
      await ctx.factories.statusEvent(id, Service.Prescriptions, Level.Enabled, '2013-06-01');
      if (i % 2) await ctx.factories.statusEvent(id, Service.Records, Level.Capable, '2013-06-01');
    }
  });
  afterAll(() => ctx.close());

  it("gives each service's practices to go, its pace over six months and the month it would be done", async () => {
    const res = await api().get('/reports/outlook?asOf=2014-09-30&regionCode=Y54').expect(200);
    const body = res.body as OutlookDto;
    expect(body).toMatchObject({ asOf: '2014-09-30', knownAt: null, sixMonthsEarlier: '2014-03-31' });
    expect(body.area).toEqual({ regionCode: 'Y54', ccgCode: null, name: 'Region Y54' });
    expect(body.services.appointments).toEqual({
      inScope: 9,
      offering: 6,
      stillToGo: 3,
      inScopeSixMonthsEarlier: 10,
      offeringSixMonthsEarlier: 3,
      gained: 3,
      pacePerMonth: 0.5,
      projectedMonth: '2015-03', // ⌈3 × 6 ÷ 3⌉ = 6 months after September 2014
      reason: null,
    });
    expect(body.services.prescriptions).toMatchObject({ stillToGo: 0, projectedMonth: '2014-09', reason: null });
    expect(body.services.records).toMatchObject({ offering: 0, stillToGo: 9, gained: 0, projectedMonth: null });
    expect(body.services.records.reason).toMatch(/never reached/);
  });

  it('counts exactly what the summary counts, for England and an area, on both dates', async () => {
    for (const area of ['', '&regionCode=Y56', '&ccgCode=00C']) {
      const outlook = (await api().get(`/reports/outlook?asOf=2014-09-30${area}`).expect(200)).body as OutlookDto;
      const now = (await api().get(`/reports/summary?asOf=2014-09-30${area}`).expect(200)).body as SummaryDto;
      const then = (await api().get(`/reports/summary?asOf=2014-03-31${area}`).expect(200)).body as SummaryDto;
      for (const s of Object.values(Service)) {
        const o = outlook.services[s];
        expect([o.inScope, o.offering, o.inScopeSixMonthsEarlier, o.offeringSixMonthsEarlier]).toEqual([
          now.services[s].practices.total,
          now.services[s].practices.enabled,
          then.services[s].practices.total,
          then.services[s].practices.enabled,
        ]);
      }
    }
  });

  it('takes knownAt: a later back-dated change does not move the outlook as known before it', async () => {
    const before = new Date().toISOString();
    const [{ id }] = await ctx.db.query(`SELECT id FROM practice ORDER BY id LIMIT 1 OFFSET 7`);
    await ctx.factories.statusEvent(id, Service.Appointments, Level.Enabled, '2014-09-01');
    const known = (await api().get(`/reports/outlook?asOf=2014-09-30&regionCode=Y54&knownAt=${before}`).expect(200))
      .body as OutlookDto;
    expect(known.knownAt).toBe(before);
    expect(known.services.appointments).toMatchObject({ offering: 6, gained: 3, projectedMonth: '2015-03' });
    const now = (await api().get('/reports/outlook?asOf=2014-09-30&regionCode=Y54').expect(200)).body as OutlookDto;
    // 2 to go at 4 in six months: ⌈2 × 6 ÷ 4⌉ = 3 months.
    expect(now.services.appointments).toMatchObject({
      offering: 7,
      gained: 4,
      stillToGo: 2,
      projectedMonth: '2014-12',
    });
  });

  it('still to go today is the list of open practices not offering the service', async () => {
    const today = ctx.clock.today();
    const outlook = (await api().get(`/reports/outlook?asOf=${today}&regionCode=Y54`).expect(200)).body as OutlookDto;
    for (const s of Object.values(Service)) {
      const list = await api()
        .get(`/practices?regionCode=Y54&service=${s}&offering=false&open=true&sort=listSize&order=desc`)
        .expect(200);
      expect({ s, n: list.body.total }).toEqual({ s, n: outlook.services[s].stillToGo });
    }
  });

  it('answers 404 naming an unknown region and 400 naming a bad parameter', async () => {
    expect((await api().get('/reports/outlook?regionCode=Y99').expect(404)).body.problems[0].field).toBe('regionCode');
    const bad = await api().get('/reports/outlook?asOf=2014-02-30&knownAt=yesterday').expect(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['asOf', 'knownAt']);
  });

  it('is described in OpenAPI with parameters and typed answers (the web client is generated from it)', async () => {
    const spec = (await ctx.api('anonymous').get('/docs-json').expect(200)).body;
    const names = (path: string) =>
      (spec.paths[`/api/v1${path}`].get.parameters as { name: string }[]).map((p) => p.name).sort();
    expect(names('/reports/outlook')).toEqual(['asOf', 'ccgCode', 'knownAt', 'regionCode']);
    for (const path of ['/reports/summary', '/reports/breakdown', '/reports/trend', '/reports/barriers'])
      expect(names(path)).toEqual(expect.arrayContaining(['regionCode', 'ccgCode']));
    expect(names('/practices')).toEqual(expect.arrayContaining(['offering', 'open']));
    const ok = spec.paths['/api/v1/reports/outlook'].get.responses['200'].content['application/json'].schema;
    expect(ok).toEqual({ $ref: '#/components/schemas/OutlookDto' });
    const service = spec.components.schemas.ServiceOutlookDto;
    expect(service.required).toEqual(expect.arrayContaining(['stillToGo', 'pacePerMonth', 'projectedMonth', 'reason']));
    expect(service.properties.projectedMonth).toMatchObject({ type: 'string', nullable: true });
    expect(JSON.stringify(spec.components.schemas.SummaryDto.properties.area)).toContain(
      '#/components/schemas/AreaDto',
    );
    expect(spec.components.schemas.SummaryDto.required).not.toContain('area');
  });
});
