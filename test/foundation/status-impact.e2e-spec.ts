import { Level, Role, Service } from '@app/domain';
import { TestContext } from '../setup/test-context';

/**
 * GET /practices/:code/status-impact says which figures a status change would alter before it is
 * recorded. Checked against the figures themselves: the month-ends whose trend points change when the
 * change is then recorded are exactly the ones it named, and so are the year-earlier points.
 */
describe('status impact (GET /practices/:code/status-impact)', () => {
  let ctx: TestContext;
  let today: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    today = ctx.clock.today();
  });
  afterAll(() => ctx.close());

  const impact = (code: string, query: string, as: Role = Role.Support) =>
    ctx.api(as).get(`/practices/${code}/status-impact?${query}`);

  /** The month-ends of a CCG's trend of one service, by month, as the reports compute them. */
  const trend = async (ccgCode: string, service: Service) => {
    const body = (
      await ctx
        .api(Role.Manager)
        .get(`/reports/trend?from=2013-01&to=2016-12&service=${service}&ccgCode=${ccgCode}`)
        .expect(200)
    ).body as { points: { asOf: string }[] };
    return new Map(body.points.map((p) => [p.asOf, JSON.stringify(p)]));
  };
  const summary = async (ccgCode: string, asOf: string) =>
    JSON.stringify(
      (await ctx.api(Role.Manager).get(`/reports/summary?asOf=${asOf}&ccgCode=${ccgCode}`).expect(200)).body.services
        .records.previousYear,
    );

  it('names exactly the month-ends whose figures the change then alters, and the year-earlier points', async () => {
    await ctx.factories.ccg('01C', 'Y54', 'NHS Eastern Cheshire CCG');
    await ctx.factories.region('Y54', 'Region Y54');
    const other = await ctx.factories.practice({ ccgCode: '01C', listSize: 4000 });
    await ctx.factories.statusEvent(other.id, Service.Records, Level.Enabled, '2013-01-01');
    const p = await ctx.factories.practice({ ccgCode: '01C', listSize: 6000 });
    await ctx.factories.statusEvent(p.id, Service.Records, Level.Capable, '2013-06-01');
    await ctx.factories.statusEvent(p.id, Service.Records, Level.Enabled, '2014-08-15');

    const body = (await impact(p.code, 'service=records&level=enabled&effectiveDate=2014-03-03').expect(200)).body;
    expect(body).toEqual({
      practiceCode: p.code,
      service: 'records',
      level: 'enabled',
      effectiveDate: '2014-03-03',
      today,
      backDated: true,
      levelBefore: 'capable',
      until: '2014-08-15',
      untilBecause: 'next-change',
      changesFigures: true,
      monthEnds: { first: '2014-03-31', last: '2014-07-31', count: 5 },
      previousYearOf: { first: '2015-03-31', last: '2015-07-31', count: 5 },
      areas: [
        { kind: 'england', code: null, name: 'England' },
        { kind: 'region', code: 'Y54', name: 'Region Y54' },
        { kind: 'ccg', code: '01C', name: 'NHS Eastern Cheshire CCG' },
        { kind: 'clinical-system', code: 'EMIS', name: 'EMIS' },
      ],
    });
    const events = async () =>
      Number((await ctx.db.query(`SELECT count(*) FROM status_event WHERE practice_id = $1`, [p.id]))[0].count);
    expect(await events()).toBe(2); // it reads only

    const before = await trend('01C', Service.Records);
    const yearOn = ['2015-02-28', '2015-03-31', '2015-07-31', '2015-08-31'];
    const yearOnBefore = await Promise.all(yearOn.map((d) => summary('01C', d)));
    await ctx
      .api(Role.Support)
      .post(`/practices/${p.code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate: '2014-03-03' })
      .expect(201);
    const after = await trend('01C', Service.Records);
    const changed = [...before.keys()].filter((d) => before.get(d) !== after.get(d));
    expect(changed).toEqual(['2014-03-31', '2014-04-30', '2014-05-31', '2014-06-30', '2014-07-31']);
    const yearOnAfter = await Promise.all(yearOn.map((d) => summary('01C', d)));
    expect(yearOn.map((d, i) => yearOnBefore[i] !== yearOnAfter[i])).toEqual([false, true, true, false]);
  });

  it('runs to the last month-end before today when no later change is recorded', async () => {
    const p = await ctx.factories.practice({ listSize: 3000 });
    await ctx.factories.statusEvent(p.id, Service.Appointments, Level.Capable, '2012-01-01');
    const body = (await impact(p.code, 'service=appointments&level=enabled&effectiveDate=2014-03-03').expect(200)).body;
    expect(body).toMatchObject({ until: null, untilBecause: null, changesFigures: true, levelBefore: 'capable' });
    const [y, m] = today.split('-').map(Number);
    const lastMonthEnd = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
    expect(body.monthEnds).toMatchObject({ first: '2014-03-31', last: lastMonthEnd });
    expect(body.previousYearOf).toMatchObject({ first: '2015-03-31', last: lastMonthEnd });
  });

  it('changes no figure when the level is already that one, or the practice has closed by then', async () => {
    const p = await ctx.factories.practice({ closedOn: '2015-01-01' });
    await ctx.factories.statusEvent(p.id, Service.Prescriptions, Level.Enabled, '2013-01-01');
    const same = (await impact(p.code, 'service=prescriptions&level=enabled&effectiveDate=2014-03-03').expect(200))
      .body;
    expect(same).toMatchObject({
      levelBefore: 'enabled',
      until: '2015-01-01',
      untilBecause: 'closed',
      changesFigures: false,
      monthEnds: null,
      previousYearOf: null,
      areas: [],
    });
    const closed = (await impact(p.code, 'service=prescriptions&level=capable&effectiveDate=2015-03-03').expect(200))
      .body;
    expect(closed).toMatchObject({ until: '2015-01-01', untilBecause: 'closed', changesFigures: false, areas: [] });
    // A level never recorded is unknown before: recording one changes figures (the unknown count at least).
    const unknown = (await impact(p.code, 'service=records&level=not_capable&effectiveDate=2014-03-03').expect(200))
      .body;
    expect(unknown).toMatchObject({ levelBefore: 'unknown', changesFigures: true, untilBecause: 'closed' });
    expect(unknown.monthEnds).toEqual({ first: '2014-03-31', last: '2014-12-31', count: 10 });
  });

  it('a change effective today is not back-dated and reaches no published month-end', async () => {
    const p = await ctx.factories.practice();
    const body = (await impact(p.code, `service=records&level=enabled&effectiveDate=${today}`).expect(200)).body;
    expect(body).toMatchObject({ backDated: false, changesFigures: true, monthEnds: null, previousYearOf: null });
  });

  it('refuses what recording would refuse, naming the field, with the same messages', async () => {
    const p = await ctx.factories.practice({ openedOn: '2010-04-01' });
    const problem = async (query: string, status = 400) => (await impact(p.code, query).expect(status)).body;
    const early = { service: 'records', level: 'enabled', effectiveDate: '2009-12-31' };
    const refusedImpact = await problem(new URLSearchParams(early).toString());
    const refusedWrite = (await ctx.api(Role.Support).post(`/practices/${p.code}/status`).send(early).expect(400)).body;
    expect(refusedImpact.problems).toEqual([
      { field: 'effectiveDate', message: `effectiveDate 2009-12-31 is before practice ${p.code} opened (2010-04-01)` },
    ]);
    expect(refusedImpact.problems).toEqual(refusedWrite.problems);
    expect((await problem('service=records&level=enabled&effectiveDate=2999-01-01')).problems).toEqual([
      { field: 'effectiveDate', message: `effectiveDate 2999-01-01 is in the future (today is ${today})` },
    ]);
    const fields = async (query: string) =>
      ((await problem(query)).problems as { field: string }[]).map((x) => x.field).sort();
    expect(await fields('service=email&level=enabled&effectiveDate=2014-01-01')).toEqual(['service']);
    expect(await fields('service=records&effectiveDate=2014-02-30')).toEqual(['effectiveDate', 'level']);
    expect(await fields('service=records&level=enabled&effectiveDate=2014-01-01&note=x')).toEqual(['note']);
    await impact('Z99999', 'service=records&level=enabled&effectiveDate=2014-01-01').expect(404);
    await impact('nonsense', 'service=records&level=enabled&effectiveDate=2014-01-01').expect(400);
  });

  it('is for those who may write (any region: it reads only); managers are refused', async () => {
    const p = await ctx.factories.practice({ regionCode: 'Y54' });
    const q = 'service=records&level=enabled&effectiveDate=2014-01-01';
    await impact(p.code, q, Role.Admin).expect(200);
    await ctx.api({ role: Role.Support, regionCode: 'Y56' }).get(`/practices/${p.code}/status-impact?${q}`).expect(200);
    await impact(p.code, q, Role.Manager).expect(403);
  });
});
