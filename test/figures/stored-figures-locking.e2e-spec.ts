import { Client } from 'pg';
import { Service } from '@app/domain';
import { pgClientConfig } from '@app/config';
import { FiguresService } from '@app/figures';
import { TestContext } from '../setup/test-context';
import { waitFor } from '../setup/wait-for';

/**
 * The stored figures' locks against the writers of production, with real locks on real connections,
 * each interleaving forced step by step (docs/figures.md "Stored figures", "Locks and deadlocks"). An
 * import is played by a connection of its own running the import's statements one at a time: it locks
 * its practices first (in id order, as StageRepository.lockPractices does), then writes one service
 * after another (as StatusRepository.rebuildSpansForServices does), each write a back-dated change
 * whose trigger deletes stored figures. The others are the real API and FiguresService.
 */
describe('figures: stored figures, readers and back-dated writers at once', () => {
  let ctx: TestContext;
  let importer: Client;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    await ctx.db.query(
      'TRUNCATE region, ccg, area_team, practice, list_size, status_event, status_span RESTART IDENTITY CASCADE',
    );
    importer = new Client(pgClientConfig(ctx.config));
    await importer.connect();
  });
  afterEach(() => importer.end());

  const figures = (): FiguresService => ctx.app.get(FiguresService);
  const storedDates = async (): Promise<string[]> =>
    (await ctx.db.query(`SELECT DISTINCT as_of::text AS d FROM stored_figures ORDER BY 1`)).map(
      (r: { d: string }) => r.d,
    );
  const enabledByMonth = async (from: string, to: string) =>
    (await figures().trend(from, to, Service.Records)).points.map((p) => p.practices.enabled);

  /** The month-ends of 2014 stored one after another, so that they lie in the table in date order. */
  async function storeMonthsOf2014(): Promise<void> {
    for (let month = 1; month <= 12; month++) {
      const ym = `2014-${String(month).padStart(2, '0')}`;
      await figures().trend(ym, ym, Service.Records);
    }
    expect(await storedDates()).toHaveLength(12);
  }

  /** The importer's next back-dated write: one event and the refresh of that service's spans. */
  async function importEvent(practiceId: number, service: Service, effectiveDate: string): Promise<void> {
    await importer.query(
      `INSERT INTO status_event (practice_id, service, level, effective_date, source)
       VALUES ($1, $2, 'enabled', $3, 'import')`,
      [practiceId, service, effectiveDate],
    );
    await importer.query(`SELECT refresh_status_spans($1::integer[], $2)`, [[practiceId], service]);
  }

  /** A status write through the API, sent at once (supertest sends nothing until asked for its result). */
  const recordStatus = (code: string, effectiveDate: string) =>
    ctx
      .api()
      .post(`/practices/${code}/status`)
      .send({ service: 'records', level: 'enabled', effectiveDate })
      .then((res) => res);

  /** Until `n` sessions of this database running a statement like `pattern` wait for a lock. */
  const waiting = (pattern: string, n = 1) =>
    waitFor(async () => {
      const [{ count }] = await ctx.db.query(
        `SELECT count(*)::int AS count FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
        [pattern],
      );
      return count >= n;
    }, `a session running ${pattern} to wait for a lock`);

  it('an import deleting twice (then from earlier) and a back-dated status write: both complete', async () => {
    const a = await ctx.factories.practice({ listSize: 1000 });
    const b = await ctx.factories.practice({ listSize: 1000 });
    await storeMonthsOf2014();

    await importer.query('BEGIN');
    await importer.query(`SELECT id FROM practice WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, [[a.id]]);
    // First service: deletes the stored figures from 15 June on.
    await importEvent(a.id, Service.Records, '2014-06-15');
    // A status write on another practice from 10 January: it must delete from then on, and meets the
    // rows the import deleted.
    const write = recordStatus(b.code, '2014-01-10');
    await waiting('%record_status_event%');
    // Second service: deletes again, from 15 February. With the rows locked in different orders, the
    // import would now wait for rows the status write holds while it waits for the import's.
    await importEvent(a.id, Service.Prescriptions, '2014-02-15');
    await importer.query('COMMIT');

    expect((await write).status).toBe(201);
    expect(await storedDates()).toEqual([]);
    expect(await enabledByMonth('2014-01', '2014-12')).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('an import, a reader queued behind it and a status write queued behind the reader: all complete', async () => {
    const a = await ctx.factories.practice({ listSize: 1000 });
    const b = await ctx.factories.practice({ listSize: 1000 });
    const c = await ctx.factories.practice({ listSize: 1000 });
    await storeMonthsOf2014();

    await importer.query('BEGIN');
    await importer.query(`SELECT id FROM practice WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, [[a.id, b.id]]);
    await importEvent(a.id, Service.Records, '2014-06-15');
    // A reader of a date not stored yet: it waits to store it until the import is over.
    const reading = enabledByMonth('2015-01', '2015-01');
    await waiting('LOCK TABLE stored_figures_guard%');
    // A status write on a practice the import does not hold: it waits behind the reader.
    const write = recordStatus(c.code, '2014-01-10');
    await waiting('%record_status_event%');
    // The import's second practice and second delete, while both wait.
    await importEvent(b.id, Service.Records, '2014-02-15');
    await importer.query('COMMIT');

    // The reader went first: it counts the import, not the status write still waiting for it.
    expect(await reading).toEqual([2]);
    expect((await write).status).toBe(201);
    // The status write then deleted what the reader had stored (its change reaches that date).
    expect(await storedDates()).toEqual([]);
    expect(await enabledByMonth('2014-01', '2015-01')).toEqual([1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3]);
  });
});
