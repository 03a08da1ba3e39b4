import { loadDemoData } from '@app/demo';
import { TestContext } from '../setup/test-context';

describe('demo data load', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  const count = async (table: string) => Number((await ctx.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('loads real geography, practices and list sizes with generated histories; loading again adds none', async () => {
    const first = await loadDemoData(ctx.db, ctx.config.APP_TIME_ZONE);
    expect(first.practices).toBe(8165);
    expect(first.statusEvents).toBeGreaterThan(40000);
    expect(await count('region')).toBe(4);
    expect(await count('area_team')).toBe(27);
    expect(await count('ccg')).toBe(211);

    const before = {
      events: await count('status_event'),
      spans: await count('status_span'),
      sizes: await count('list_size'),
    };
    const second = await loadDemoData(ctx.db, ctx.config.APP_TIME_ZONE);
    expect(second).toEqual({ practices: 0, listSizes: 0, statusEvents: 0 });
    expect({
      events: await count('status_event'),
      spans: await count('status_span'),
      sizes: await count('list_size'),
    }).toEqual(before);

    const practice = await ctx.api().get('/practices/A81001').expect(200);
    expect(practice.body).toMatchObject({
      name: 'THE DENSHAM SURGERY',
      ccgCode: '00K',
      regionCode: 'Y54',
      listSize: { patients: 4187, effectiveDate: '2015-04-01' },
    });
    // The whole national demo, loaded twice: 25-31 s on a loaded 2-core machine, well inside two minutes.
  }, 120_000);

  it("gives the article's figures at the end of September 2014 (and a year earlier) as text", async () => {
    const res = await ctx.api().get('/reports/summary?asOf=2014-09-30&format=text').expect(200);
    expect(res.text.split('\n').filter((line) => line.startsWith('•'))).toEqual([
      '• 99% of general practices have the capability to allow patients to book or cancel appointments online.',
      '• 91% of patients are registered with general practices that offer the ability to book or cancel appointments ' +
        'online. This is up from 64% at the same point in the previous year.',
      '• 98% of general practices have the capability to allow patients to view or order repeat prescriptions online.',
      '• 88% of patients are registered with general practices that offer the ability to view or order repeat ' +
        'prescriptions online. This is up from 64% at the same point in the previous year.',
      '• 84% of general practices have the capability to allow patients to view their medical record online.',
      '• 21% of patients are registered with general practices that offer the ability to view their medical record ' +
        'online. This is up from 2% at the same point in the previous year.',
    ]);
  });
});
