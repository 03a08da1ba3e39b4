import { ImportState } from '@app/imports';
import { TestContext } from '../setup/test-context';
import { importText } from './import-support';

const TABLES = ['region', 'ccg', 'practice', 'list_size', 'status_event', 'status_span', 'clinical_system_report'];

/**
 * An import leaves the planner statistics of what it changed fresh (autovacuum may be off or late), so the
 * first figures after a big import are planned from its rows, not from the tables as they were before.
 */
describe('imports analyse the tables they changed', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.practice({ code: 'H20001', openedOn: '2010-01-01' });
    await ctx.factories.practice({ code: 'H20002', openedOn: '2010-01-01' });
  });
  afterAll(() => ctx.close());

  /** How many times each table was analysed by hand (ANALYZE, not autovacuum). */
  async function analyseCounts(): Promise<Record<string, number>> {
    const rows: { relname: string; n: number }[] = await ctx.db.query(
      `SELECT relname, analyze_count::int AS n FROM pg_stat_user_tables WHERE relname = ANY($1)`,
      [TABLES],
    );
    return Object.fromEntries(rows.map((r) => [r.relname, r.n]));
  }

  /** Per table, how many more times it was analysed than in `before`. */
  const moved = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(TABLES.map((t) => [t, after[t] - before[t]]));

  const statusCsv = (...rows: string[]) => ['practice_code,service,level,effective_date', ...rows].join('\n') + '\n';

  it('analyses each table a run wrote to, once, and no other', async () => {
    const before = await analyseCounts();
    const run = await importText(
      ctx,
      'status.csv',
      statusCsv('H20001,appointments,enabled,2014-09-30', 'H20002,records,capable,2014-09-30'),
      { kind: 'status-csv' },
    );
    expect(run.state).toBe(ImportState.Succeeded);
    expect(moved(before, await analyseCounts())).toEqual({
      region: 0,
      ccg: 0,
      practice: 0,
      list_size: 0,
      status_event: 1,
      status_span: 1,
      clinical_system_report: 0,
    });

    const lists = await analyseCounts();
    const listRun = await importText(
      ctx,
      'gp-reg-pat-prac-all-2021-01.csv',
      [
        'PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS',
        'GP_PRAC_PAT_LIST,01JAN2021,GP,00M,E38000001,H20001,LS1 1AA,ALL,ALL,5000',
      ].join('\n') + '\n',
      { kind: 'list-size-gp-reg' },
    );
    expect(listRun.state).toBe(ImportState.Succeeded);
    expect(moved(lists, await analyseCounts())).toMatchObject({ list_size: 1, status_event: 0, practice: 0 });
  });

  it('analyses nothing when a run changed nothing or was rejected', async () => {
    const file = statusCsv('H20001,appointments,enabled,2014-09-30');
    const before = await analyseCounts();
    expect((await importText(ctx, 'same.csv', file, { kind: 'status-csv' })).state).toBe(ImportState.Succeeded);
    const rejected = await importText(ctx, 'bad.csv', statusCsv('H99999,records,enabled,2014-09-30'), {
      kind: 'status-csv',
    });
    expect(rejected.state).toBe(ImportState.Rejected);
    expect(Object.values(moved(before, await analyseCounts()))).toEqual(TABLES.map(() => 0));
  });
});
