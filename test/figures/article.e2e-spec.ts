import { Level, Role, Service } from '@app/domain';
import { TestContext } from '../setup/test-context';

/**
 * The seed article, NHS England's "Patient Online: progress in numbers" (figures at end of September
 * 2014), rebuilt from 100 practices of equal list size, so that each practice is one per cent of
 * practices and of patients. Per service: how many practices are capable in 2014 and how many are
 * enabled in 2013 and in 2014.
 */
const ARTICLE: Record<Service, { capable2014: number; enabled2013: number; enabled2014: number }> = {
  [Service.Appointments]: { capable2014: 99, enabled2013: 64, enabled2014: 91 },
  [Service.Prescriptions]: { capable2014: 98, enabled2013: 64, enabled2014: 88 },
  [Service.Records]: { capable2014: 84, enabled2013: 2, enabled2014: 21 },
};

const EXPECTED_TEXT = [
  'Progress in numbers at end of September 2014:',
  '',
  '• 99% of general practices have the capability to allow patients to book or cancel appointments online.',
  '• 91% of patients are registered with general practices that offer the ability to book or cancel ' +
    'appointments online. This is up from 64% at the same point in the previous year.',
  '• 98% of general practices have the capability to allow patients to view or order repeat prescriptions online.',
  '• 88% of patients are registered with general practices that offer the ability to view or order repeat ' +
    'prescriptions online. This is up from 64% at the same point in the previous year.',
  '• 84% of general practices have the capability to allow patients to view their medical record online.',
  '• 21% of patients are registered with general practices that offer the ability to view their medical ' +
    'record online. This is up from 2% at the same point in the previous year.',
  '',
].join('\n');

describe('figures: the article of October 2014', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.ccg('00C', 'Y54');
    await ctx.factories.ccg('07X', 'Y56');
    for (let i = 0; i < 100; i++) {
      const { id } = await ctx.factories.practice({
        ccgCode: i % 2 ? '00C' : '07X',
        regionCode: i % 2 ? 'Y54' : 'Y56',
        openedOn: '1990-01-01',
        listSize: 6500,
        listSizeFrom: '2012-04-01',
      });
      for (const service of Object.values(Service)) {
        const a = ARTICLE[service];
        // Practice i is: enabled since 2013 (i < enabled2013), enabled from April 2014 (i < enabled2014),
        // capable from April 2014 (i < capable2014), otherwise never capable.
        if (i < a.enabled2013) {
          await ctx.factories.statusEvent(id, service, Level.Capable, '2012-10-01');
          await ctx.factories.statusEvent(id, service, Level.Enabled, '2013-06-01');
        } else if (i < a.capable2014) {
          await ctx.factories.statusEvent(id, service, Level.NotCapable, '2013-01-01');
          await ctx.factories.statusEvent(id, service, i < a.enabled2014 ? Level.Enabled : Level.Capable, '2014-04-01');
        } else {
          await ctx.factories.statusEvent(id, service, Level.NotCapable, '2013-01-01');
        }
      }
    }
  });
  afterAll(() => ctx.close());

  it('gives the six figures of 30 September 2014 and the three of a year earlier', async () => {
    const res = await ctx.api(Role.Manager).get('/reports/summary?asOf=2014-09-30').expect(200);
    const { services } = res.body;
    const pick = (s: Service) => [
      services[s].practicesCapablePct,
      services[s].patientsAtEnabledPct,
      services[s].previousYear.patientsAtEnabledPct,
    ];
    expect([pick(Service.Appointments), pick(Service.Prescriptions), pick(Service.Records)]).toEqual([
      [99, 91, 64],
      [98, 88, 64],
      [84, 21, 2],
    ]);
    expect(res.body).toMatchObject({
      asOf: '2014-09-30',
      knownAt: null,
      practicesWithoutListSize: 0,
      previousYear: { asOf: '2013-09-30', practicesWithoutListSize: 0 },
    });
    expect(services.appointments).toMatchObject({
      practices: { total: 100, capable: 99, enabled: 91, unknown: 0 },
      patients: { total: 650_000, atCapable: 643_500, atEnabled: 591_500 },
      change: { patientsAtEnabledPct: 27, practicesCapablePct: 35 },
    });
  });

  it("writes the article's sentences", async () => {
    const res = await ctx.api(Role.Support).get('/reports/summary?asOf=2014-09-30&format=text').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(EXPECTED_TEXT);
    const byAccept = await ctx
      .api(Role.Admin)
      .get('/reports/summary?asOf=2014-09-30')
      .set('Accept', 'text/plain')
      .expect(200);
    expect(byAccept.text).toBe(EXPECTED_TEXT);
  });

  it('splits the same figures by region, adding up to the national numbers', async () => {
    const res = await ctx.api().get('/reports/breakdown?by=region&asOf=2014-09-30').expect(200);
    expect(res.body.groups.map((g: { code: string }) => g.code)).toEqual(['Y54', 'Y56']);
    const sum = (s: Service, f: (x: { practices: { enabled: number }; patients: { atEnabled: number } }) => number) =>
      res.body.groups.reduce((acc: number, g: { services: Record<Service, never> }) => acc + f(g.services[s]), 0);
    expect(sum(Service.Appointments, (x) => x.practices.enabled)).toBe(91);
    expect(sum(Service.Records, (x) => x.patients.atEnabled)).toBe(21 * 6500);
  });
});
