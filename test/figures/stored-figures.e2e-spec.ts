import fc from 'fast-check';
import { QueryRunner } from 'typeorm';
import { Level, Service } from '@app/domain';
import { FiguresService, STORED_FIGURES_DEFINITION, SummaryDto } from '@app/figures';
import { propertyChunks } from '../setup/property-runs';
import { stoppedAfterEach } from '../setup/stopped-after-each';
import { TestContext } from '../setup/test-context';
import { waitFor } from '../setup/wait-for';
import {
  addPractice,
  dayArb,
  dayOf,
  expectNationalFiguresMatch,
  loadWorld,
  practiceArb,
  readBack,
  RECORDED,
  worldArb,
} from './figure-worlds';

/**
 * Stored national figures (migration StoredFigures, docs/figures.md "Stored figures"): whatever changes
 * after figures were stored, the next read equals the reference implementation; a change that cannot
 * touch a stored date keeps it; and a change and a reader running at the same time never leave a stale
 * row behind, in either order.
 */
describe('figures: stored figures of settled dates', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());
  const work = stoppedAfterEach();
  const figures = (): FiguresService => ctx.app.get(FiguresService);

  const storedDates = async (): Promise<string[]> =>
    (await ctx.db.query(`SELECT DISTINCT as_of::text AS d FROM stored_figures ORDER BY 1`)).map(
      (r: { d: string }) => r.d,
    );
  const today = async (): Promise<string> =>
    (await ctx.db.query(`SELECT (now() AT TIME ZONE 'Europe/London')::date::text AS d`))[0].d;

  /** Every kind of change the national figures read, on a random practice (by position) and date. */
  const changeArb = (practices: number) => {
    const which = fc.integer({ min: 0, max: Math.max(0, practices - 1) });
    return fc.oneof(
      fc.record({
        kind: fc.constant('event' as const),
        which,
        service: fc.constantFrom(...Object.values(Service)),
        level: fc.constantFrom(...Object.values(Level)),
        day: dayArb(1600),
        recordedAt: fc.constantFrom(...RECORDED),
      }),
      fc.record({
        kind: fc.constant('list size' as const),
        which,
        day: dayArb(1600),
        patients: fc.integer({ min: 0, max: 20_000 }),
      }),
      fc.record({ kind: fc.constant('patients' as const), which, patients: fc.integer({ min: 0, max: 20_000 }) }),
      fc.record({ kind: fc.constant('closed on' as const), which, day: fc.option(dayArb(1650), { nil: null }) }),
      fc.record({ kind: fc.constant('opened on' as const), which, day: fc.option(dayArb(1400), { nil: null }) }),
      fc.record({ kind: fc.constant('new practice' as const), practice: practiceArb([100, 800]) }),
    );
  };
  type Change = typeof changeArb extends (n: number) => fc.Arbitrary<infer T> ? T : never;

  async function apply(change: Change): Promise<void> {
    if (change.kind === 'new practice') {
      await addPractice(ctx, change.practice);
      return;
    }
    const rows: Array<{ id: number }> = await ctx.db.query(`SELECT id FROM practice ORDER BY id OFFSET $1 LIMIT 1`, [
      change.which,
    ]);
    if (!rows.length) return;
    const id = rows[0].id;
    switch (change.kind) {
      case 'event':
        return ctx.factories.statusEvent(id, change.service, change.level, dayOf(change.day), {
          recordedAt: change.recordedAt,
        });
      case 'list size':
        return ctx.factories.listSize(id, dayOf(change.day), change.patients);
      case 'patients':
        await ctx.db.query(
          `UPDATE list_size SET patients = $2 WHERE id = (SELECT min(id) FROM list_size WHERE practice_id = $1)`,
          [id, change.patients],
        );
        return;
      // Only where the dates stay in order (a CHECK constraint).
      case 'closed on':
        await ctx.db.query(
          `UPDATE practice SET closed_on = $2
           WHERE id = $1 AND ($2::date IS NULL OR opened_on IS NULL OR $2::date > opened_on)`,
          [id, change.day === null ? null : dayOf(change.day)],
        );
        return;
      case 'opened on':
        await ctx.db.query(
          `UPDATE practice SET opened_on = $2
           WHERE id = $1 AND ($2::date IS NULL OR closed_on IS NULL OR closed_on > $2::date)`,
          [id, change.day === null ? null : dayOf(change.day)],
        );
        return;
    }
  }

  // 10 cases a test (6–13 s on a loaded 2-core machine); PROPERTY_RUNS runs more, in more tests.
  it.each(propertyChunks(10).map((runs, i) => ({ part: i + 1, runs })))(
    'with figures stored, after any change the figures read equal the reference (part $part, $runs cases)',
    ({ runs }) =>
      work.run(async (signal) => {
        const arb = worldArb.chain((world) =>
          fc.record({
            world: fc.constant(world),
            changes: fc.array(changeArb(world.practices.length), { minLength: 1, maxLength: 4 }),
          }),
        );
        await fc.assert(
          fc.asyncProperty(arb, async ({ world, changes }) => {
            // Once the test is over (timed out), no case touches the database again.
            fc.pre(!signal.aborted);
            const asOf = dayOf(world.asOf);
            await expectNationalFiguresMatch(figures(), await loadWorld(ctx, world), asOf);
            // Every date of the worlds is years back: all of them were stored by the reads above.
            expect((await storedDates()).length).toBeGreaterThanOrEqual(8);
            for (const change of changes) {
              fc.pre(!signal.aborted);
              await apply(change);
              await expectNationalFiguresMatch(figures(), await readBack(ctx), asOf);
            }
          }),
          { numRuns: runs },
        );
      }),
  );

  it('keeps stored figures through a change from today on; drops only dates a back-dated change reaches', async () => {
    await ctx.db.query(
      'TRUNCATE region, ccg, area_team, practice, list_size, status_event, status_span RESTART IDENTITY CASCADE',
    );
    const practice = await ctx.factories.practice({ listSize: 1000 });
    await figures().trend('2014-01', '2014-12', Service.Records);
    expect(await storedDates()).toHaveLength(12);

    await ctx
      .api()
      .post(`/practices/${practice.code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate: await today() })
      .expect(201);
    await ctx
      .api()
      .post(`/practices/${practice.code}/list-sizes`)
      .send({ patients: 1200, effectiveDate: await today() })
      .expect(201);
    expect(await storedDates()).toHaveLength(12);

    await ctx
      .api()
      .post(`/practices/${practice.code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate: '2014-06-15' })
      .expect(201);
    expect(await storedDates()).toEqual(['2014-01-31', '2014-02-28', '2014-03-31', '2014-04-30', '2014-05-31']);
    const trend = await figures().trend('2014-05', '2014-07', Service.Records);
    expect(trend.points.map((p) => p.practices.enabled)).toEqual([0, 1, 1]);
  });

  it('in one transaction, a second change reaching earlier dates than the first deletes them too', async () => {
    await ctx.db.query(
      'TRUNCATE region, ccg, area_team, practice, list_size, status_event, status_span RESTART IDENTITY CASCADE',
    );
    const practice = await ctx.factories.practice({ listSize: 1000 });
    await figures().trend('2014-01', '2014-12', Service.Records);
    await ctx.db.transaction(async (m) => {
      for (const day of ['2014-06-01', '2014-06-20', '2014-02-10']) {
        await m.query(
          `INSERT INTO status_event (practice_id, service, level, effective_date, source)
           VALUES ($1, 'records', 'enabled', $2, 'manual')`,
          [practice.id, day],
        );
        await m.query(`SELECT refresh_status_spans(ARRAY[$1]::int[], 'records')`, [practice.id]);
      }
    });
    expect(await storedDates()).toEqual(['2014-01-31']);
    expect(
      (await figures().trend('2014-01', '2014-03', Service.Records)).points.map((p) => p.practices.enabled),
    ).toEqual([0, 1, 1]);
  });

  it('stores nothing for today or yesterday, and never reads figures of another definition', async () => {
    await ctx.db.query(
      'TRUNCATE region, ccg, area_team, practice, list_size, status_event, status_span RESTART IDENTITY CASCADE',
    );
    await ctx.factories.practice({ listSize: 1000 });
    const now = await today();
    await figures().summary(now);
    const yesterday = (await ctx.db.query(`SELECT ($1::date - 1)::text AS d`, [now]))[0].d;
    await figures().summary(yesterday);
    const stored = await storedDates();
    expect(stored).not.toContain(now);
    expect(stored).not.toContain(yesterday);
    expect(stored.length).toBe(2); // the two previous-year dates

    await ctx.db.query(
      `INSERT INTO stored_figures (as_of, service, definition, figures)
       SELECT '2014-09-30', s, 'an-older-definition', '{"code": "ENG", "practices_total": 999}'
       FROM unnest(enum_range(NULL::service)) s`,
    );
    expect((await figures().summary('2014-09-30')).services.records.practices.total).toBe(1);
    const definitions = await ctx.db.query(
      `SELECT DISTINCT definition FROM stored_figures WHERE as_of = '2014-09-30' ORDER BY 1`,
    );
    expect(definitions.map((r: { definition: string }) => r.definition).sort()).toEqual(
      ['an-older-definition', STORED_FIGURES_DEFINITION].sort(),
    );
  });

  describe('a change and a reader at the same time', () => {
    beforeEach(async () => {
      await ctx.db.query(
        'TRUNCATE region, ccg, area_team, practice, list_size, status_event, status_span RESTART IDENTITY CASCADE',
      );
    });

    it('a reader waits for a back-dated change in progress and counts it', async () => {
      const practice = await ctx.factories.practice({ listSize: 1000 });
      let reading: Promise<SummaryDto> | undefined;
      await inTransactionElsewhere(async (change) => {
        await change.query(
          `INSERT INTO status_event (practice_id, service, level, effective_date, source)
           VALUES ($1, 'records', 'enabled', '2014-06-01', 'manual')`,
          [practice.id],
        );
        await change.query(`SELECT refresh_status_spans(ARRAY[$1]::int[], 'records')`, [practice.id]);
        reading = figures().summary('2014-09-30');
      });
      expect((await reading!).services.records.practices.enabled).toBe(1);
      expect((await figures().summary('2014-09-30')).services.records.practices.enabled).toBe(1);
    });

    it('a back-dated change waits for a reader storing figures, then drops what it stored', async () => {
      const practice = await ctx.factories.practice({ listSize: 1000 });
      let writing: Promise<unknown> | undefined;
      // A reader that has computed (before the change) and is about to commit what it stores.
      await inTransactionElsewhere(async (reader) => {
        await reader.query(`LOCK TABLE stored_figures_guard IN SHARE MODE`);
        await reader.query(
          `INSERT INTO stored_figures (as_of, service, definition, figures)
           SELECT as_of, s, $1, '{}'
           FROM (VALUES ('2014-05-31'::date), ('2014-09-30')) d(as_of), unnest(enum_range(NULL::service)) s`,
          [STORED_FIGURES_DEFINITION],
        );
        // then() sends the request (supertest sends nothing until asked for its result).
        writing = ctx
          .api()
          .post(`/practices/${practice.code}/status`)
          .send({ service: 'records', level: 'enabled', effectiveDate: '2014-06-01' })
          .expect(201)
          .then(() => undefined);
      });
      await writing;
      expect(await storedDates()).toEqual(['2014-05-31']);
      expect((await figures().summary('2014-09-30')).services.records.practices.enabled).toBe(1);
    });

    /**
     * Runs `work` in a transaction on a connection of its own; `work` starts the other side, which must
     * then wait for this transaction's lock (checked before the commit: it must not have finished).
     */
    async function inTransactionElsewhere(work: (q: QueryRunner) => Promise<void>): Promise<void> {
      const q = ctx.db.createQueryRunner();
      await q.connect();
      try {
        await q.startTransaction();
        await work(q);
        await waitForLockWaiter();
        await q.commitTransaction();
      } finally {
        await q.release();
      }
    }

    /** Until another session of this database waits for a table lock (the one the test holds). */
    async function waitForLockWaiter(): Promise<void> {
      await waitFor(
        async () => {
          const [{ n }] = await ctx.db.query(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
             WHERE NOT l.granted AND c.relname = 'stored_figures_guard'`,
          );
          return n > 0;
        },
        'a session waiting for stored_figures_guard',
        5_000,
      );
    }
  });
});
