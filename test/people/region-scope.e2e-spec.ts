import { Role } from '@app/domain';
import { TestContext } from '../setup/test-context';

/** DESIGN.md "People": support staff write only in their own region (everywhere when they have none); managers never
 * write. */
describe('who may change which practice', () => {
  let ctx: TestContext;
  const north = { role: Role.Support, regionCode: 'Y54' };
  const london = { role: Role.Support, regionCode: 'Y56' };
  const anywhere = { role: Role.Support, regionCode: null };

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.ccg('00M', 'Y54');
    await ctx.factories.ccg('07X', 'Y56');
    await ctx.factories.practice({ code: 'A81001', ccgCode: '00M', openedOn: '2000-01-01' });
    await ctx.factories.practice({ code: 'F85001', ccgCode: '07X', openedOn: '2000-01-01' });
  });
  afterAll(() => ctx.close());

  const status = { service: 'records', level: 'enabled', effectiveDate: '2014-03-01' };
  const listSize = { patients: 4321, effectiveDate: '2014-04-01' };
  const count = async (sql: string, params: unknown[] = []) =>
    (await ctx.db.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  it('support staff of a region change its practices and have their name on what they record', async () => {
    const me = await ctx.user(north);
    await ctx.api(north).post('/practices').send({ code: 'A81002', name: 'North Surgery', ccgCode: '00M' }).expect(201);
    await ctx.api(north).patch('/practices/A81001').send({ name: 'Renamed in the North' }).expect(200);
    const event = await ctx.api(north).post('/practices/A81001/status').send(status).expect(201);
    expect(event.body.event.recordedBy).toBe(me.id);
    await ctx.api(north).post('/practices/A81001/list-sizes').send(listSize).expect(201);
    const history = await ctx.api(Role.Manager).get('/practices/A81001/history').expect(200);
    expect(history.body.listSizes[0]).toMatchObject({ patients: 4321, recordedBy: me.id });
    expect(history.body.statusEvents[0]).toMatchObject({ level: 'enabled', recordedBy: me.id });
  });

  it('are refused (403) in another region, and nothing changes', async () => {
    const before = [
      await count('practice'),
      await count('status_event'),
      await count('list_size'),
      await count('audit_entry'),
    ];
    const refusals = [
      await ctx.api(north).post('/practices').send({ code: 'F85002', name: 'London Surgery', ccgCode: '07X' }),
      await ctx.api(north).patch('/practices/F85001').send({ name: 'Not mine' }),
      await ctx.api(north).post('/practices/F85001/status').send(status),
      await ctx.api(north).post('/practices/F85001/list-sizes').send(listSize),
      // Moving one of their practices into another region would take it out of their hands: refused too.
      await ctx.api(north).patch('/practices/A81001').send({ ccgCode: '07X' }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(refusals[1].body).toMatchObject({
      error: 'forbidden',
      message: 'Your account may change practices in region Y54 only; this one is in Y56',
    });
    expect([
      await count('practice'),
      await count('status_event'),
      await count('list_size'),
      await count('audit_entry'),
    ]).toEqual(before);
    expect((await ctx.api().get('/practices/A81001').expect(200)).body.ccgCode).toBe('00M');
  });

  it('support staff of another region are refused here likewise', async () => {
    await ctx.api(london).post('/practices/A81001/status').send(status).expect(403);
    await ctx.api(london).post('/practices/F85001/status').send(status).expect(201);
  });

  it('support staff without a region write anywhere, and may move a practice between regions', async () => {
    await ctx.api(anywhere).post('/practices/A81001/status').send(status).expect(201);
    await ctx.api(anywhere).post('/practices/F85001/list-sizes').send(listSize).expect(201);
    await ctx
      .api(anywhere)
      .post('/practices')
      .send({ code: 'F85003', name: 'Another London Surgery', ccgCode: '07X' })
      .expect(201);
    await ctx.api(anywhere).patch('/practices/F85003').send({ ccgCode: '00M' }).expect(200);
  });

  it('managers read everything and change nothing', async () => {
    await ctx.api(Role.Manager).get('/practices').expect(200);
    await ctx.api(Role.Manager).get('/regions').expect(200);
    for (const res of [
      await ctx.api(Role.Manager).post('/practices/A81001/status').send(status),
      await ctx.api(Role.Manager).post('/practices/A81001/list-sizes').send(listSize),
      await ctx.api(Role.Manager).patch('/practices/A81001').send({ name: 'Manager was here' }),
      await ctx.api(Role.Manager).post('/practices').send({ code: 'A81009', name: 'X', ccgCode: '00M' }),
      await ctx.api(Role.Manager).post('/regions').send({ code: 'Y60', name: 'Nowhere' }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('Your role (manager) may not do this');
    }
  });

  it('geography is for admins only', async () => {
    await ctx.api(north).post('/regions').send({ code: 'Y60', name: 'Nowhere' }).expect(403);
    await ctx.api(north).post('/ccgs').send({ code: '99A', name: 'X', regionCode: 'Y54' }).expect(403);
    await ctx.api().post('/regions').send({ code: 'Y60', name: 'Somewhere' }).expect(201);
  });

  it('a recorded_by must name a real user (foreign key)', async () => {
    const [{ id }] = await ctx.db.query(`SELECT id FROM practice WHERE code = 'A81001'`);
    await expect(
      ctx.db.query(
        `INSERT INTO status_event (practice_id, service, level, effective_date, recorded_by)
         VALUES ($1, 'records', 'capable', '2014-01-01', 999999)`,
        [id],
      ),
    ).rejects.toThrow(/status_event_recorded_by_fk/);
  });
});
