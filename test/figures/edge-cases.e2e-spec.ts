import { ClinicalSystem, Level, Role, Service } from '@app/domain';
import { TestContext } from '../setup/test-context';

/** The corners of DESIGN.md "Figures", each on a database of its own (truncated between tests). */
describe('figures: edge cases', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    await ctx.db.query(
      'TRUNCATE region, ccg, area_team, practice, list_size, status_event, status_span RESTART IDENTITY CASCADE',
    );
  });

  const summary = async (query: string) => (await ctx.api().get(`/reports/summary?${query}`).expect(200)).body;

  it('counts only practices open on the date: not yet open, closed that day and closed later', async () => {
    const notYet = await ctx.factories.practice({ openedOn: '2014-10-01', listSize: 100, listSizeFrom: '2014-10-01' });
    const closedThatDay = await ctx.factories.practice({
      openedOn: '2000-01-01',
      closedOn: '2014-09-30',
      listSize: 200,
    });
    const closesLater = await ctx.factories.practice({
      openedOn: '2014-09-30',
      closedOn: '2014-10-01',
      listSize: 400,
      listSizeFrom: '2014-09-30',
    });
    const noOpenDate = await ctx.factories.practice({ openedOn: null, listSize: 800 });
    for (const p of [notYet, closedThatDay, closesLater, noOpenDate])
      await ctx.factories.statusEvent(p.id, Service.Records, Level.Enabled, '2014-09-30');

    const body = await summary('asOf=2014-09-30');
    expect(body.services.records).toMatchObject({
      practices: { total: 2, capable: 2, enabled: 2, unknown: 0 },
      patients: { total: 1200, atCapable: 1200, atEnabled: 1200 },
      practicesEnabledPct: 100,
    });
    // A day earlier the level was not yet known anywhere; the practice closed on 30 September was still open.
    expect((await summary('asOf=2014-09-29')).services.records).toMatchObject({
      practices: { total: 2, capable: 0, enabled: 0, unknown: 2 },
      patients: { total: 1000, atCapable: 0, atEnabled: 0 },
    });
  });

  it('counts a practice with no event as unknown, in the total and neither capable nor enabled', async () => {
    const known = await ctx.factories.practice({ listSize: 300 });
    await ctx.factories.practice({ listSize: 700 });
    await ctx.factories.statusEvent(known.id, Service.Appointments, Level.Enabled, '2014-01-01');
    const body = await summary('asOf=2014-09-30');
    expect(body.services.appointments).toMatchObject({
      practices: { total: 2, capable: 1, enabled: 1, unknown: 1 },
      patients: { total: 1000, atCapable: 300, atEnabled: 300 },
      practicesCapablePct: 50,
      patientsAtEnabledPct: 30,
    });
    expect(body.services.prescriptions.practices).toEqual({ total: 2, capable: 0, enabled: 0, unknown: 2 });
  });

  it('adds 0 patients for a practice without a list size on the date and counts it apart', async () => {
    const early = await ctx.factories.practice({ listSize: 1000, listSizeFrom: '2015-01-01' });
    await ctx.factories.listSize(early.id, '2013-01-01', 900);
    const none = await ctx.factories.practice();
    await ctx.factories.statusEvent(none.id, Service.Records, Level.Enabled, '2013-01-01');
    const body = await summary('asOf=2014-09-30');
    expect(body.practicesWithoutListSize).toBe(1);
    expect(body.previousYear).toEqual({ asOf: '2013-09-30', practicesWithoutListSize: 1 });
    expect(body.services.records).toMatchObject({
      practices: { total: 2, enabled: 1 },
      patients: { total: 900, atEnabled: 0 },
      practicesEnabledPct: 50,
      patientsAtEnabledPct: 0,
    });
  });

  it('gives null percentages, never an error, for zero denominators', async () => {
    await ctx.factories.practice({ openedOn: '2014-01-01' });
    const nothingOpen = await summary('asOf=2013-06-30');
    expect(nothingOpen.services.appointments).toMatchObject({
      practices: { total: 0, capable: 0, enabled: 0, unknown: 0 },
      practicesCapablePct: null,
      practicesEnabledPct: null,
      patientsAtCapablePct: null,
      patientsAtEnabledPct: null,
    });
    const noPatients = await summary('asOf=2014-06-30');
    expect(noPatients.services.appointments).toMatchObject({
      practicesCapablePct: 0,
      patientsAtCapablePct: null,
      patientsAtEnabledPct: null,
    });
    expect(noPatients.services.appointments.change).toEqual({
      practicesCapablePct: null,
      practicesEnabledPct: null,
      patientsAtCapablePct: null,
      patientsAtEnabledPct: null,
    });
    const text = (await ctx.api().get('/reports/summary?asOf=2013-06-30&format=text').expect(200)).text;
    expect(text).toContain('• No general practices were open on 30 June 2013, so there are no figures.');
  });

  it('compares 29 February with 28 February of the year before', async () => {
    const p = await ctx.factories.practice({ listSize: 1000 });
    await ctx.factories.statusEvent(p.id, Service.Appointments, Level.Enabled, '2015-02-28');
    await ctx.factories.statusEvent(p.id, Service.Prescriptions, Level.Enabled, '2015-03-01');
    const body = await summary('asOf=2016-02-29');
    expect(body.previousYear.asOf).toBe('2015-02-28');
    expect(body.services.appointments.previousYear.patientsAtEnabledPct).toBe(100);
    expect(body.services.prescriptions.previousYear.patientsAtEnabledPct).toBe(0);
    expect(body.services.prescriptions.change.patientsAtEnabledPct).toBe(100);
  });

  it('rounds half away from zero with one decimal: 2/3, 1/8 and 1/2000', async () => {
    const eight = [];
    for (let i = 0; i < 8; i++)
      eight.push(await ctx.factories.practice({ listSize: i === 0 ? 1 : i === 1 ? 1999 : 0 }));
    // Appointments: 1 of 8 practices capable (12.5). Patients: 1 of 2000 at an enabled practice (0.05 → 0.1).
    await ctx.factories.statusEvent(eight[0].id, Service.Appointments, Level.Enabled, '2014-01-01');
    const body = await summary('asOf=2014-09-30');
    expect(body.services.appointments).toMatchObject({
      practicesCapablePct: 12.5,
      practicesEnabledPct: 12.5,
      patientsAtEnabledPct: 0.1,
    });

    await ctx.db.query(
      'TRUNCATE region, ccg, area_team, practice, list_size, status_event, status_span RESTART IDENTITY CASCADE',
    );
    const three = [];
    for (let i = 0; i < 3; i++) three.push(await ctx.factories.practice({ listSize: 1 }));
    await ctx.factories.statusEvent(three[0].id, Service.Records, Level.Capable, '2014-01-01');
    await ctx.factories.statusEvent(three[1].id, Service.Records, Level.Enabled, '2014-01-01');
    expect((await summary('asOf=2014-09-30')).services.records).toMatchObject({
      practicesCapablePct: 66.7,
      practicesEnabledPct: 33.3,
      patientsAtCapablePct: 66.7,
    });
  });

  it('reproduces a figure as known at a moment, before a back-dated correction', async () => {
    const p = await ctx.factories.practice({ listSize: 1000 });
    await ctx.factories.statusEvent(p.id, Service.Records, Level.Enabled, '2014-03-01', {
      recordedAt: '2014-03-02T09:00:00Z',
    });
    // Learnt in November: records were switched off again from 1 September.
    await ctx.factories.statusEvent(p.id, Service.Records, Level.Capable, '2014-09-01', {
      recordedAt: '2014-11-03T09:00:00Z',
    });
    const published = await summary(`asOf=2014-09-30&knownAt=${encodeURIComponent('2014-10-15T09:00:00+01:00')}`);
    expect(published).toMatchObject({
      knownAt: '2014-10-15T09:00:00+01:00',
      services: { records: { practicesEnabledPct: 100 } },
    });
    expect((await summary('asOf=2014-09-30')).services.records.practicesEnabledPct).toBe(0);
    const beforeAnything = await summary('asOf=2014-09-30&knownAt=2014-03-02T08:59:59Z');
    expect(beforeAnything.services.records.practices).toEqual({ total: 1, capable: 0, enabled: 0, unknown: 1 });
  });

  it('lists every group of a breakdown, with zeros where nothing is in scope, as JSON or CSV', async () => {
    await ctx.factories.ccg('00C', 'Y54', 'NHS Darlington, "Tees" CCG');
    await ctx.factories.ccg('07X', 'Y56', '=HYPERLINK("x")');
    const p = await ctx.factories.practice({
      ccgCode: '00C',
      regionCode: 'Y54',
      clinicalSystem: ClinicalSystem.TPP,
      listSize: 10,
    });
    await ctx.factories.statusEvent(p.id, Service.Appointments, Level.Capable, '2014-01-01');
    const json = (await ctx.api(Role.Manager).get('/reports/breakdown?by=clinical-system&asOf=2014-09-30').expect(200))
      .body;
    expect(json.groups.map((g: { code: string }) => g.code)).toEqual([
      'EMIS',
      'INPS',
      'MICROTEST',
      'OTHER',
      'TPP',
      'UNKNOWN',
    ]);
    expect(json.groups.find((g: { code: string }) => g.code === 'EMIS').services.appointments).toMatchObject({
      practices: { total: 0 },
      practicesCapablePct: null,
    });

    const csv = await ctx
      .api(Role.Support)
      .get('/reports/breakdown?by=ccg&asOf=2014-09-30')
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('figures-by-ccg-2014-09-30.csv');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toMatch(/^by,code,name,service,as_of,practices_total,/);
    expect(lines[1]).toBe(
      'ccg,00C,"NHS Darlington, ""Tees"" CCG",appointments,2014-09-30,1,1,0,0,10,10,0,100,0,100,0,0,2013-09-30,0,0,0,' +
        '0,100,0,100,0',
    );
    expect(lines[4]).toMatch(/^ccg,07X,"'=HYPERLINK\(""x""\)",appointments,2014-09-30,0,0,0,0,0,0,0,,,,,0,/);
    expect(lines).toHaveLength(1 + 2 * 3 + 1); // header, 2 CCGs × 3 services, final line end
  });

  it('gives month-end trend points, also as CSV', async () => {
    const p = await ctx.factories.practice({ listSize: 50 });
    await ctx.factories.statusEvent(p.id, Service.Records, Level.Enabled, '2016-02-29');
    const trend = (await ctx.api().get('/reports/trend?from=2016-01&to=2016-03&service=records').expect(200)).body;
    expect(
      trend.points.map((x: { month: string; asOf: string; practicesEnabledPct: number }) => [
        x.month,
        x.asOf,
        x.practicesEnabledPct,
      ]),
    ).toEqual([
      ['2016-01', '2016-01-31', 0],
      ['2016-02', '2016-02-29', 100],
      ['2016-03', '2016-03-31', 100],
    ]);
    const csv = (await ctx.api().get('/reports/trend?from=2016-02&to=2016-02&service=records&format=csv').expect(200))
      .text;
    expect(csv).toBe(
      'month,as_of,service,practices_total,practices_capable,practices_enabled,practices_unknown,patients_total,' +
        'patients_at_capable,patients_at_enabled,practices_capable_pct,practices_enabled_pct,patients_at_capable_pct,' +
        'patients_at_enabled_pct,practices_without_list_size\r\n' +
        '2016-02,2016-02-29,records,1,1,1,0,50,50,50,100,100,100,100,0\r\n',
    );
  });

  it.each([
    ['/reports/summary?asOf=2014-02-30', 'asOf'],
    ['/reports/summary?asOf=30/09/2014', 'asOf'],
    ['/reports/summary?knownAt=2014-10-01', 'knownAt'],
    ['/reports/summary?knownAt=2014-10-01T09:00:00', 'knownAt'],
    ['/reports/summary?format=pdf', 'format'],
    ['/reports/summary?region=Y54', 'region'],
    ['/reports/breakdown?asOf=2014-09-30', 'by'],
    ['/reports/breakdown?by=practice', 'by'],
    ['/reports/breakdown?by=ccg&format=text', 'format'],
    ['/reports/trend?from=2014-01&to=2014-13&service=records', 'to'],
    ['/reports/trend?from=2014-1&to=2014-03&service=records', 'from'],
    ['/reports/trend?from=2014-05&to=2014-03&service=records', 'to'],
    ['/reports/trend?from=2004-01&to=2014-03&service=records', 'to'],
    ['/reports/trend?from=2014-01&to=2014-03&service=email', 'service'],
    ['/reports/trend?from=2014-01&to=2014-03', 'service'],
  ])('%s → 400 naming %s', async (path, field) => {
    const res = await ctx.api().get(path).expect(400);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toContain(field);
  });

  it('lets every role read the reports', async () => {
    for (const role of [Role.Admin, Role.Support, Role.Manager]) {
      await ctx.api(role).get('/reports/summary?asOf=2014-09-30').expect(200);
      await ctx.api(role).get('/reports/breakdown?by=region&asOf=2014-09-30').expect(200);
      await ctx.api(role).get('/reports/trend?from=2014-01&to=2014-02&service=records').expect(200);
    }
  });

  it("defaults asOf to today's date in London", async () => {
    ctx.clock.setNow(new Date('2014-06-30T23:30:00Z')); // already 1 July in London (BST)
    try {
      const body = await summary('');
      expect(body).toMatchObject({ asOf: '2014-07-01', previousYear: { asOf: '2013-07-01' } });
    } finally {
      ctx.clock.setNow(new Date());
    }
  });
});
