import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { IMPORT_COMPLETED_HOOK, ImportCompletedHook, ImportState } from '@app/imports';
import { TestContext } from '../setup/test-context';
import { importsOf, importText, tableCounts } from './import-support';

/** Sees what the import's transaction sees, and what everyone else sees at the same moment. */
class RecordingHook implements ImportCompletedHook {
  db?: DataSource;
  fail = false;
  calls: { practiceIds: number[]; eventsInside: number; eventsOutside: number }[] = [];

  async afterImport(m: EntityManager, practiceIds: number[]): Promise<void> {
    const count = async (q: EntityManager | DataSource) =>
      (await q.query(`SELECT count(*)::int AS n FROM status_event`))[0].n;
    this.calls.push({ practiceIds, eventsInside: await count(m), eventsOutside: await count(this.db!) });
    if (this.fail) throw new Error('the follow-ups outbox is not there');
  }
}

const csv = (...rows: string[]) => ['practice_code,service,level,effective_date', ...rows].join('\n') + '\n';

describe('imports: one transaction, the follow-up hook inside it', () => {
  const hook = new RecordingHook();
  let ctx: TestContext;
  let practiceId: number;

  beforeAll(async () => {
    ctx = await TestContext.create((builder) => builder.overrideProvider(IMPORT_COMPLETED_HOOK).useValue(hook));
    hook.db = ctx.db;
    practiceId = (await ctx.factories.practice({ code: 'H10001', openedOn: '2010-01-01' })).id;
    await ctx.factories.practice({ code: 'H10002', openedOn: '2010-01-01' });
  });
  beforeEach(() => {
    hook.calls = [];
    hook.fail = false;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('calls the hook once, inside the transaction, with the practices that changed', async () => {
    const run = await importText(
      ctx,
      'a.csv',
      csv('H10001,appointments,enabled,2014-09-30', 'H10001,records,capable,2014-09-30'),
      { kind: 'status-csv' },
    );
    expect(run.state).toBe(ImportState.Succeeded);
    expect(hook.calls).toEqual([{ practiceIds: [practiceId], eventsInside: 2, eventsOutside: 0 }]);
  });

  it('does not call it for a rejected file', async () => {
    const run = await importText(ctx, 'b.csv', csv('H99999,appointments,enabled,2014-09-30'), { kind: 'status-csv' });
    expect(run.state).toBe(ImportState.Rejected);
    expect(hook.calls).toEqual([]);
  });

  it('a failure after the writes (here the hook) leaves nothing half-done: run failed, nothing committed', async () => {
    hook.fail = true;
    const before = await tableCounts(ctx.db);
    const run = await importText(ctx, 'c.csv', csv('H10002,appointments,enabled,2014-09-30'), { kind: 'status-csv' });
    expect(hook.calls).toHaveLength(1);
    expect(run).toMatchObject({
      state: ImportState.Failed,
      message: 'The import failed (nothing was imported): the follow-ups outbox is not there',
    });
    expect(await tableCounts(ctx.db)).toEqual(before);
    const [{ stored_file }] = await ctx.db.query(`SELECT stored_file FROM import_run WHERE id = $1`, [run.id]);
    expect(stored_file).toBeNull();
  });

  it('a run whose file has gone fails with a clear message', async () => {
    const imports = importsOf(ctx);
    const run = await imports.createFromPath(join(__dirname, '..', 'fixtures', 'imports', 'regions.csv'), {
      kind: 'regions',
    });
    const [{ stored_file }] = await ctx.db.query(`SELECT stored_file FROM import_run WHERE id = $1`, [run.id]);
    await unlink(join(ctx.config.IMPORT_DIR, stored_file));
    expect(await imports.process(run.id)).toBe(ImportState.Failed);
    expect((await imports.get(run.id)).message).toBe('The import failed: the uploaded file is no longer in IMPORT_DIR');
  });

  it('one run processed twice at once (a job run again) imports once; the other finds it done', async () => {
    const imports = importsOf(ctx);
    const path = join(ctx.config.IMPORT_DIR, '..', `${ctx.config.DB_NAME}-twice.csv`);
    await writeFile(path, csv('H10002,prescriptions,enabled,2014-09-30'));
    const run = await imports.createFromPath(path, { kind: 'status-csv' });
    const outcomes = await Promise.all([imports.process(run.id), imports.process(run.id)]);
    expect(outcomes).toHaveLength(2);
    expect(outcomes).toEqual(expect.arrayContaining([ImportState.Succeeded, null]));
    const events = await ctx.db.query(
      `SELECT count(*)::int AS n FROM status_event e JOIN practice p ON p.id = e.practice_id WHERE p.code = 'H10002'`,
    );
    expect(events[0].n).toBe(1);
    expect((await imports.get(run.id)).attempts).toBe(1);
  });
});
