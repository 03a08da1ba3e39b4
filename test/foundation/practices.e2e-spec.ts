import { ClinicalSystem, Level, Role, Service } from '@app/domain';
import { TestContext } from '../setup/test-context';

describe('practices API', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.api().post('/regions').send({ code: 'Y54', name: 'North of England' }).expect(201);
    await ctx.api().post('/regions').send({ code: 'Y56', name: 'London' }).expect(201);
    await ctx.api().post('/ccgs').send({ code: '00M', name: 'NHS South Tees CCG', regionCode: 'Y54' }).expect(201);
    await ctx.api().post('/ccgs').send({ code: '07X', name: 'NHS Enfield CCG', regionCode: 'Y56' }).expect(201);
  });
  afterAll(() => ctx.close());

  it('creates a practice, upper-casing codes and postcode, and reads it back with unknown levels', async () => {
    const res = await ctx
      .api()
      .post('/practices')
      .send({
        code: 'a81043',
        name: 'The Manor House Surgery',
        postcode: 'ts6 0ha',
        ccgCode: '00m',
        clinicalSystem: 'EMIS',
        openedOn: '1974-04-01',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      code: 'A81043',
      postcode: 'TS6 0HA',
      ccgCode: '00M',
      regionCode: 'Y54',
      clinicalSystem: 'EMIS',
      openedOn: '1974-04-01',
      closedOn: null,
      version: 1,
      services: { appointments: { level: 'unknown', effectiveDate: null }, records: { level: 'unknown' } },
      listSize: null,
    });
    const got = await ctx.api().get('/practices/a81043').expect(200);
    expect(got.body.code).toBe('A81043');
  });

  it('answers 409 for a duplicate code and 404 for an unknown one', async () => {
    await ctx
      .api()
      .post('/practices')
      .send({ code: 'F85036', name: 'Willow House Surgery', ccgCode: '07X' })
      .expect(201);
    const dup = await ctx.api().post('/practices').send({ code: 'F85036', name: 'Again', ccgCode: '07X' }).expect(409);
    expect(dup.body).toMatchObject({ status: 409, error: 'conflict', message: 'Practice F85036 already exists' });
    const missing = await ctx.api().get('/practices/Z99999').expect(404);
    expect(missing.body).toMatchObject({ status: 404, error: 'not_found', problems: [] });
    expect(missing.body.requestId).toEqual(expect.any(String));
  });

  it('updates fields and refuses a stale version with 409', async () => {
    await ctx.api().post('/practices').send({ code: 'A81044', name: 'McKenzie House', ccgCode: '00M' }).expect(201);
    const updated = await ctx
      .api()
      .patch('/practices/A81044')
      .send({ name: 'McKenzie House Surgery', postcode: 'TS25 1QU', version: 1 })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'McKenzie House Surgery', postcode: 'TS25 1QU', version: 2 });
    await ctx.api().patch('/practices/A81044').send({ name: 'Lost update', version: 1 }).expect(409);
    const cleared = await ctx.api().patch('/practices/A81044').send({ postcode: null, ccgCode: '07X' }).expect(200);
    expect(cleared.body).toMatchObject({
      postcode: null,
      ccgCode: '07X',
      regionCode: 'Y56',
      name: 'McKenzie House Surgery',
      version: 3,
    });
    // Nothing to change: no new version (an edit based on version 3 still goes through), no audit entry.
    const audited = async () =>
      (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = 'A81044'`))[0].n;
    const entries = await audited();
    for (const body of [{}, { name: 'McKenzie House Surgery', ccgCode: '07X' }]) {
      expect((await ctx.api().patch('/practices/A81044').send(body).expect(200)).body.version).toBe(3);
    }
    expect(await audited()).toBe(entries);
  });

  it('writes to a practice while its CCG changes concurrently: every write finds it (no false 404)', async () => {
    await ctx
      .api()
      .post('/ccgs')
      .send({ code: '00K', name: 'NHS Hartlepool and Stockton-on-Tees CCG', regionCode: 'Y54' })
      .expect(201);
    await ctx
      .api()
      .post('/practices')
      .send({ code: 'A81022', name: 'Moving Surgery', ccgCode: '00M', openedOn: '2001-01-01' })
      .expect(201);
    const writes = Array.from({ length: 24 }, (_, i) =>
      i % 2
        ? ctx
            .api()
            .patch('/practices/A81022')
            .send({ ccgCode: i % 4 === 1 ? '00K' : '00M' })
        : ctx
            .api()
            .post('/practices/A81022/status')
            .send({ service: 'records', level: i % 4 ? 'enabled' : 'capable', effectiveDate: '2014-05-01' }),
    );
    const statuses = (await Promise.all(writes)).map((res) => res.status);
    expect(statuses.filter((status) => status >= 300)).toEqual([]);
  });

  it('records a list size and a service level, shown as the current state', async () => {
    await ctx
      .api()
      .post('/practices')
      .send({ code: 'A81045', name: 'Park Surgery', ccgCode: '00M', openedOn: '2001-01-01' })
      .expect(201);
    await ctx
      .api()
      .post('/practices/A81045/list-sizes')
      .send({ patients: 4000, effectiveDate: '2013-04-01' })
      .expect(201);
    await ctx
      .api()
      .post('/practices/A81045/list-sizes')
      .send({ patients: 4200, effectiveDate: '2014-04-01' })
      .expect(201);
    const status = await ctx
      .api()
      .post('/practices/A81045/status')
      .send({ service: 'records', level: 'capable', effectiveDate: '2014-01-10', note: 'EMIS upgrade' })
      .expect(201);
    expect(status.body).toMatchObject({
      currentLevel: 'capable',
      event: {
        service: 'records',
        level: 'capable',
        effectiveDate: '2014-01-10',
        source: 'manual',
        note: 'EMIS upgrade',
      },
    });
    const got = await ctx.api().get('/practices/A81045').expect(200);
    expect(got.body.listSize).toEqual({ patients: 4200, effectiveDate: '2014-04-01' });
    expect(got.body.services.records).toEqual({ level: 'capable', effectiveDate: '2014-01-10' });
    const history = await ctx.api().get('/practices/A81045/history').expect(200);
    expect(history.body.listSizes.map((l: { patients: number }) => l.patients)).toEqual([4200, 4000]);
    expect(history.body.statusEvents).toHaveLength(1);
  });

  describe('listing', () => {
    beforeAll(async () => {
      for (const [code, name, ccg, system, size] of [
        ['B10001', 'Abbey Medical Centre', '00M', 'TPP', 9000],
        ['B10002', 'Riverside Practice', '07X', 'EMIS', 3000],
        ['B10003', 'Manor Road Surgery', '07X', 'INPS', 12000],
      ] as const) {
        const p = await ctx.factories.practice({
          code,
          name,
          ccgCode: ccg,
          regionCode: ccg === '00M' ? 'Y54' : 'Y56',
          clinicalSystem: system as ClinicalSystem,
          listSize: size,
        });
        if (code !== 'B10003') await ctx.factories.statusEvent(p.id, Service.Appointments, Level.Enabled, '2014-01-01');
      }
    });

    const codes = (body: { items: { code: string }[] }) => body.items.map((p) => p.code);

    it('filters by region, CCG, clinical system, service level and text', async () => {
      expect(codes((await ctx.api().get('/practices?regionCode=Y56&q=B1').expect(200)).body)).toEqual([
        'B10002',
        'B10003',
      ]);
      expect(codes((await ctx.api().get('/practices?ccgCode=00m&q=b').expect(200)).body)).toEqual(['B10001']);
      expect(codes((await ctx.api().get('/practices?clinicalSystem=INPS').expect(200)).body)).toEqual(['B10003']);
      expect(
        codes((await ctx.api().get('/practices?q=B1&service=appointments&level=enabled').expect(200)).body),
      ).toEqual(['B10001', 'B10002']);
      expect(
        codes((await ctx.api().get('/practices?q=B1&service=appointments&level=unknown').expect(200)).body),
      ).toEqual(['B10003']);
      expect(codes((await ctx.api().get('/practices?q=manor').expect(200)).body)).toEqual(['A81043', 'B10003']);
      expect(codes((await ctx.api().get('/practices?q=100%25').expect(200)).body)).toEqual([]);
    });

    it('sorts and paginates with a total count', async () => {
      const bySize = await ctx.api().get('/practices?q=B1&sort=listSize&order=desc').expect(200);
      expect(codes(bySize.body)).toEqual(['B10003', 'B10001', 'B10002']);
      const page2 = await ctx.api().get('/practices?q=B1&sort=name&pageSize=2&page=2').expect(200);
      expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(codes(page2.body)).toEqual(['B10002']);
      const beyond = await ctx.api().get('/practices?q=B1&pageSize=2&page=9').expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: 3 });
    });

    it('needs service and level together', async () => {
      const res = await ctx.api().get('/practices?service=records').expect(400);
      expect(res.body.problems).toEqual([{ field: 'level', message: expect.any(String) }]);
    });

    it('lists the open practices of an area not offering a service (not enabled), largest first', async () => {
      for (const [code, level, size, closedOn] of [
        ['C20001', Level.Enabled, 20000, null],
        ['C20002', Level.Capable, 4000, null],
        ['C20003', Level.NotCapable, 8000, null],
        ['C20004', null, 6000, null],
        ['C20005', Level.Capable, 30000, '2014-06-30'],
      ] as const) {
        const p = await ctx.factories.practice({ code, ccgCode: '07X', regionCode: 'Y56', listSize: size, closedOn });
        if (level) await ctx.factories.statusEvent(p.id, Service.Records, level, '2014-01-01');
      }
      const list = (query: string) => ctx.api(Role.Manager).get(`/practices?q=C2&${query}`).expect(200);
      const notOffering = await list(
        'regionCode=Y56&service=records&offering=false&open=true&sort=listSize&order=desc',
      );
      expect(codes(notOffering.body)).toEqual(['C20003', 'C20004', 'C20002']);
      expect(notOffering.body.total).toBe(3);
      expect(codes((await list('service=records&offering=true')).body)).toEqual(['C20001']);
      expect(codes((await list('open=false')).body)).toEqual(['C20005']);
      expect(codes((await list('regionCode=Y54&service=records&offering=false')).body)).toEqual([]);

      const bad = async (query: string, field: string) =>
        expect((await ctx.api().get(`/practices?${query}`).expect(400)).body.problems[0].field).toBe(field);
      await bad('offering=false', 'service');
      await bad('service=records&offering=maybe', 'offering');
      await bad('service=records&offering=false&level=capable', 'offering');
      await bad('open=yes', 'open');
    });

    it('finds a practice by the start of its postcode, with or without the space, any case', async () => {
      for (const [code, postcode] of [
        ['D30001', 'DL1 5AB'],
        ['D30002', 'DL15 9XY'],
        ['D30003', null],
      ] as const) {
        await ctx.factories.practice({ code, name: `Practice ${code}` });
        if (postcode) await ctx.api().patch(`/practices/${code}`).send({ postcode }).expect(200);
      }
      const found = async (q: string) =>
        codes(
          (
            await ctx
              .api(Role.Support)
              .get(`/practices?q=${encodeURIComponent(q)}`)
              .expect(200)
          ).body,
        );
      expect(await found('DL1 5AB')).toEqual(['D30001']);
      expect(await found('dl15ab')).toEqual(['D30001']);
      expect(await found('DL1')).toEqual(['D30001', 'D30002']);
      expect(await found('dl15 9')).toEqual(['D30002']);
      expect(await found('DL1_')).toEqual([]);
      // Code and name search are as before: the postcode arm adds matches, never removes them.
      expect(await found('D3000')).toEqual(['D30001', 'D30002', 'D30003']);
    });

    it('uses an index for each arm of the search (no sequential scan of practice)', async () => {
      const plan = await ctx.db.transaction(async (m) => {
        await m.query('SET LOCAL enable_seqscan = off');
        const rows = await m.query<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN SELECT id FROM practice p
           WHERE p.code LIKE 'DL1' || '%' OR p.name ILIKE '%dl1%' OR replace(p.postcode, ' ', '') LIKE 'DL1' || '%'`,
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('practice_code_pattern_idx');
      expect(plan).toContain('practice_name_trgm_idx');
      expect(plan).toContain('practice_postcode_search_idx');
    });
  });

  it('marks a status event back-dated when recorded after the end of its effective month', async () => {
    const { id } = await ctx.factories.practice({ code: 'E40001' });
    await ctx.factories.statusEvent(id, Service.Records, Level.Capable, '2014-03-01', {
      recordedAt: '2014-03-31T09:00:00Z', // a month late, but within the month: no month-end changed
    });
    await ctx.factories.statusEvent(id, Service.Records, Level.NotCapable, '2014-02-01', {
      recordedAt: '2014-04-02T09:00:00Z',
    });
    // 23:30 UTC on 31 March is 00:30 on 1 April in London (summer time): after the month-end of 31 March.
    await ctx.factories.statusEvent(id, Service.Appointments, Level.Enabled, '2014-03-31', {
      recordedAt: '2014-03-31T23:30:00Z',
    });
    const history = await ctx.api(Role.Manager).get('/practices/E40001/history').expect(200);
    expect(
      history.body.statusEvents.map(
        (e: { service: string; effectiveDate: string; backDated: boolean }) =>
          `${e.service} ${e.effectiveDate} ${e.backDated}`,
      ),
    ).toEqual(['appointments 2014-03-31 true', 'records 2014-03-01 false', 'records 2014-02-01 true']);

    const today = ctx.clock.today();
    const recorded = await ctx
      .api()
      .post('/practices/E40001/status')
      .send({ service: 'prescriptions', level: 'enabled', effectiveDate: today })
      .expect(201);
    expect(recorded.body.event.backDated).toBe(false);
  });

  it('lists regions and the CCGs of a region', async () => {
    expect((await ctx.api().get('/regions').expect(200)).body).toEqual([
      { code: 'Y54', name: 'North of England' },
      { code: 'Y56', name: 'London' },
    ]);
    expect((await ctx.api().get('/ccgs?regionCode=Y56').expect(200)).body).toEqual([
      { code: '07X', name: 'NHS Enfield CCG', regionCode: 'Y56', areaTeamCode: null },
    ]);
  });

  it('keeps area teams between CCGs and regions, in the same region', async () => {
    await ctx
      .api()
      .post('/area-teams')
      .send({ code: 'q45', name: 'Durham, Darlington and Tees', regionCode: 'Y54' })
      .expect(201);
    await ctx
      .api()
      .post('/ccgs')
      .send({ code: '00C', name: 'NHS Darlington', regionCode: 'Y54', areaTeamCode: 'Q45' })
      .expect(201);
    const wrongRegion = await ctx
      .api()
      .post('/ccgs')
      .send({ code: '00D', name: 'X', regionCode: 'Y56', areaTeamCode: 'Q45' })
      .expect(400);
    expect(wrongRegion.body.problems).toEqual([
      { field: 'areaTeamCode', message: 'area team Q45 is in region Y54, not Y56' },
    ]);
    expect((await ctx.api().get('/area-teams').expect(200)).body).toEqual([
      { code: 'Q45', name: 'Durham, Darlington and Tees', regionCode: 'Y54' },
    ]);
  });
});
