import { Level, LEVELS, Service, SERVICES } from '@app/domain';
import { TestContext } from '../setup/test-context';

interface EventRow {
  id: string;
  service: Service;
  level: Level;
  effective_date: string;
  recorded_at: Date;
}
interface SpanRow {
  service: Service;
  level: Level;
  valid_from: string;
  valid_to: string | null;
}

/** DESIGN.md's as-of rule, straight from the words: latest effective ≤ D, then latest recorded, then highest id. */
function levelAsOf(events: EventRow[], service: Service, date: string): Level | 'unknown' {
  const candidates = events
    .filter((e) => e.service === service && e.effective_date <= date)
    .sort(
      (a, b) =>
        a.effective_date.localeCompare(b.effective_date) ||
        a.recorded_at.getTime() - b.recorded_at.getTime() ||
        Number(a.id) - Number(b.id),
    );
  return candidates.length ? candidates[candidates.length - 1].level : 'unknown';
}

function levelFromSpans(spans: SpanRow[], service: Service, date: string): Level | 'unknown' {
  const span = spans.find(
    (s) => s.service === service && s.valid_from <= date && (s.valid_to === null || date < s.valid_to),
  );
  return span ? span.level : 'unknown';
}

describe('status history', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  async function load(practiceId: number) {
    const events: EventRow[] = await ctx.db.query(
      `SELECT id::text, service, level, effective_date::text, recorded_at FROM status_event WHERE practice_id = $1`,
      [practiceId],
    );
    const spans: SpanRow[] = await ctx.db.query(
      `SELECT service, level, valid_from::text, valid_to::text FROM status_span WHERE practice_id = $1`,
      [practiceId],
    );
    return { events, spans };
  }

  /** Every date where anything changes, plus the days around them and today: spans must equal the rule on all. */
  function checkDates(events: EventRow[], today: string): string[] {
    const dates = new Set<string>([today, '1999-12-31']);
    for (const e of events) {
      const d = new Date(`${e.effective_date}T00:00:00Z`);
      for (const delta of [-1, 0, 1]) dates.add(new Date(d.getTime() + delta * 86_400_000).toISOString().slice(0, 10));
    }
    return [...dates];
  }

  async function expectSpansFollowTheRule(practiceId: number) {
    const { events, spans } = await load(practiceId);
    const today = ctx.clock.today();
    for (const service of SERVICES) {
      for (const date of checkDates(events, today)) {
        expect({ service, date, level: levelFromSpans(spans, service, date) }).toEqual({
          service,
          date,
          level: levelAsOf(events, service, date),
        });
      }
    }
    const practice = await ctx.db.query(`SELECT code FROM practice WHERE id = $1`, [practiceId]);
    const current = await ctx.api().get(`/practices/${practice[0].code}`).expect(200);
    for (const service of SERVICES)
      expect(current.body.services[service].level).toBe(levelAsOf(events, service, today));
    return events;
  }

  it('a back-dated event changes the past, not the present, and corrections win ties', async () => {
    const { id, code } = await ctx.factories.practice({ openedOn: '2010-01-01' });
    const post = (level: Level, effectiveDate: string) =>
      ctx.api().post(`/practices/${code}/status`).send({ service: 'records', level, effectiveDate }).expect(201);

    await post(Level.Capable, '2014-01-01');
    await post(Level.Enabled, '2014-06-01');
    // Learnt later: the practice was not capable in 2013, and was briefly disabled in March 2014.
    const backDated = await post(Level.NotCapable, '2013-01-01');
    expect(backDated.body.currentLevel).toBe('enabled');
    await post(Level.NotCapable, '2014-03-01');
    // A correction on the same effective date as an earlier event replaces it.
    const corrected = await post(Level.Capable, '2014-06-01');
    expect(corrected.body.currentLevel).toBe('capable');

    const spans = (await load(id)).spans
      .filter((s) => s.service === Service.Records)
      .sort((a, b) => a.valid_from.localeCompare(b.valid_from));
    expect(spans).toEqual([
      { service: 'records', level: 'not_capable', valid_from: '2013-01-01', valid_to: '2014-01-01' },
      { service: 'records', level: 'capable', valid_from: '2014-01-01', valid_to: '2014-03-01' },
      { service: 'records', level: 'not_capable', valid_from: '2014-03-01', valid_to: '2014-06-01' },
      { service: 'records', level: 'capable', valid_from: '2014-06-01', valid_to: null },
    ]);
    const events = await expectSpansFollowTheRule(id);
    expect(events).toHaveLength(5);
    const history = await ctx.api().get(`/practices/${code}/history`).expect(200);
    expect(
      history.body.statusEvents.map((e: { effectiveDate: string; level: string }) => `${e.effectiveDate} ${e.level}`),
    ).toEqual([
      '2014-06-01 capable',
      '2014-06-01 enabled',
      '2014-03-01 not_capable',
      '2014-01-01 capable',
      '2013-01-01 not_capable',
    ]);
  });

  it('keeps every one of many simultaneous writes, and the current level equals the as-of rule', async () => {
    const { id, code } = await ctx.factories.practice({ openedOn: '2012-01-01' });
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const writes = Array.from({ length: 60 }, () => ({
      service: SERVICES[Math.floor(random() * 3)],
      level: LEVELS[Math.floor(random() * 3)],
      // Few distinct dates, so many writes collide on the same effective date.
      effectiveDate: `2014-0${1 + Math.floor(random() * 6)}-01`,
    }));
    const responses = await Promise.all(writes.map((w) => ctx.api().post(`/practices/${code}/status`).send(w)));
    expect(responses.map((r) => r.status)).toEqual(writes.map(() => 201));
    const events = await expectSpansFollowTheRule(id);
    expect(events).toHaveLength(60);
  });

  it('refuses the database-level update or deletion of an event', async () => {
    const { id } = await ctx.factories.practice();
    await ctx.factories.statusEvent(id, Service.Appointments, Level.Enabled, '2014-01-01');
    await expect(
      ctx.db.query(`UPDATE status_event SET level = 'capable' WHERE practice_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.db.query(`DELETE FROM status_event WHERE practice_id = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it('refuses an effective date in the future or before the practice opened', async () => {
    const { code } = await ctx.factories.practice({ openedOn: '2012-06-01' });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await ctx
      .api()
      .post(`/practices/${code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate: tomorrow })
      .expect(400);
    expect(future.body.problems).toEqual([
      { field: 'effectiveDate', message: expect.stringContaining('in the future') },
    ]);
    const early = await ctx
      .api()
      .post(`/practices/${code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate: '2012-05-31' })
      .expect(400);
    expect(early.body.problems).toEqual([
      { field: 'effectiveDate', message: expect.stringContaining('before practice') },
    ]);
    const ok = await ctx
      .api()
      .post(`/practices/${code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate: '2012-06-01' })
      .expect(201);
    expect(ok.body.currentLevel).toBe('enabled');
  });
});
