import { Level, Service } from '@app/domain';
import { ImportState } from '@app/imports';
import { TestContext } from '../setup/test-context';
import { excerptGeography, importFixture, importText, tableCounts } from './import-support';

const statusCsv = (...rows: string[]) =>
  ['practice_code,service,level,effective_date,note', ...rows].join('\r\n') + '\r\n';

/** Strict and partial mode, the checks against the database, idempotence and events only on change. */
describe('imports: rules', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
    await ctx.factories.practice({ code: 'B10001', openedOn: '2010-01-01' });
    await ctx.factories.practice({ code: 'B10002', openedOn: '2014-05-01' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  const events = (code: string) =>
    ctx.db.query(
      `SELECT e.service, e.level, e.effective_date::text AS date FROM status_event e
       JOIN practice p ON p.id = e.practice_id
       WHERE p.code = $1 ORDER BY e.service, e.effective_date, e.id`,
      [code],
    );

  describe('strict and partial', () => {
    const file = statusCsv(
      'B10001,appointments,enabled,2014-09-30,',
      'B10001,prescriptions,sometimes,2014-09-30,', // not a level: the parser's problem
      'Z99999,records,enabled,2014-09-30,', // not a known practice: the database check's
      'B10002,records,capable,2014-04-30,', // before B10002 opened
    );

    it('strict (the default): any problem rejects the file, nothing is written, every problem is listed', async () => {
      const before = await tableCounts(ctx.db);
      const run = await importText(ctx, 'strict.csv', file, { kind: 'status-csv' });
      expect(run).toMatchObject({
        state: ImportState.Rejected,
        rowsRead: 4,
        rowsAccepted: 1,
        rowsRejected: 3,
        problemCount: 3,
      });
      expect(run.message).toBe(
        '3 rows with problems: nothing was imported (strict mode; import with partial to keep the valid rows)',
      );
      expect(run.problems).toEqual([
        { row: 3, column: 'level', value: 'sometimes', reason: expect.stringMatching(/^not a level/) },
        {
          row: 4,
          column: 'practice_code',
          value: 'Z99999',
          reason: 'practice Z99999 is not known: import the practice list (epraccur) first',
        },
        {
          row: 5,
          column: 'effective_date',
          value: '2014-04-30',
          reason: 'the effective date 2014-04-30 is before practice B10002 opened (2014-05-01)',
        },
      ]);
      expect(await tableCounts(ctx.db)).toEqual(before);
    });

    it('partial: the valid rows are written, the others reported', async () => {
      const run = await importText(ctx, 'partial.csv', file, { kind: 'status-csv', partial: true });
      expect(run).toMatchObject({ state: ImportState.Succeeded, rowsAccepted: 1, rowsRejected: 3, problemCount: 3 });
      expect(run.message).toBe('1 row imported, 3 rows with problems left out (partial mode)');
      expect(await events('B10001')).toEqual([{ service: 'appointments', level: 'enabled', date: '2014-09-30' }]);
    });

    it('partial with no valid row at all is rejected', async () => {
      const run = await importText(ctx, 'none.csv', statusCsv('Z99999,records,enabled,2014-09-30,'), {
        kind: 'status-csv',
        partial: true,
      });
      expect(run).toMatchObject({
        state: ImportState.Rejected,
        rowsAccepted: 0,
        message: 'No valid rows: nothing was imported (1 row with problems)',
      });
    });

    it('a file that stops at 1,000 rows with problems lists why first, before the first 1,000 rows', async () => {
      const bad = Array.from({ length: 1_500 }, () => 'B10001,appointments,bogus,2014-09-30,');
      const run = await importText(ctx, 'wrong.csv', statusCsv(...bad), { kind: 'status-csv', partial: true });
      expect(run).toMatchObject({ state: ImportState.Rejected, problemCount: 1_001 });
      expect(run.problems).toHaveLength(1_000);
      expect(run.problems![0]).toEqual({
        row: 0,
        reason: 'stopped after 1000 rows with problems: is this the right file and format (status-csv)?',
      });
      expect(run.problems![1]).toMatchObject({ row: 2, column: 'level', value: 'bogus' });
    });

    it('a file whose every row is left out on purpose is rejected: most likely the wrong file', async () => {
      const uptakeOnly = [
        'report_period_end,region_code,region_name,ccg_code,ccg_name,practice_code,practice_name,system_supplier,' +
          'field,value',
        '30SEP2014,Y54,NORTH,00M,"NHS 00M CCG",B10001,"A SURGERY",EMIS,Pat_Appts_Use,120',
        '30SEP2014,Y54,NORTH,00M,"NHS 00M CCG",B10001,"A SURGERY",EMIS,Sys_Appts_Enbld,9',
      ].join('\n');
      const before = await tableCounts(ctx.db);
      const run = await importText(ctx, 'uptake.csv', uptakeOnly, { kind: 'pomi-long', partial: true });
      expect(run).toMatchObject({ state: ImportState.Rejected, rowsRead: 2, rowsAccepted: 0, rowsSkipped: 2 });
      expect(run.message).toMatch(/^Nothing to import: 2 rows left out \(.+: 1, .+: 1\), none to keep$/);
      expect(await tableCounts(ctx.db)).toEqual(before);
    });

    it('a POMI supplier is taken only from a file not older than the newest word on the practice', async () => {
      await ctx.factories.practice({ code: 'B10003', openedOn: '2010-01-01' });
      const pomi = (period: string, supplier: string) =>
        [
          'report_period_end,practice_code,system_supplier,field,value',
          ...['Sys_Appts_Enbld', 'Sys_Presc_Enbld', 'Sys_DetCodeRec_Enbld'].map(
            (field) => `${period},B10003,${supplier},${field},2`,
          ),
        ].join('\n');
      const system = async () =>
        (await ctx.db.query(`SELECT clinical_system FROM practice WHERE code = 'B10003'`))[0].clinical_system;
      const take = async (name: string, period: string, supplier: string) =>
        (await importText(ctx, name, pomi(period, supplier), { kind: 'pomi-long' })).summary?.changes.clinicalSystems;

      expect(await take('sep.csv', '30SEP2015', 'TPP')).toMatchObject({ updated: 1 });
      // An older file imported late, which also changes no level: the September supplier stands.
      expect(await take('jun.csv', '30JUN2015', 'EMIS')).toMatchObject({ updated: 0 });
      expect(await system()).toBe('TPP');
      expect(await take('dec.csv', '31DEC2015', 'EMIS')).toMatchObject({ updated: 1 });
      expect(await system()).toBe('EMIS');
      // Set by hand (today): no file for an earlier period changes it back.
      await ctx.api().patch('/practices/B10003').send({ clinicalSystem: 'INPS' }).expect(200);
      expect(await take('mar16.csv', '31MAR2016', 'TPP')).toMatchObject({ updated: 0 });
      expect(await system()).toBe('INPS');
    });

    it('the same key twice in a file: every row of it is a problem', async () => {
      const run = await importText(
        ctx,
        'dup.csv',
        statusCsv(
          'B10001,records,enabled,2015-01-31,',
          'B10001,records,capable,2015-01-31,',
          'B10001,records,enabled,2015-02-28,',
        ),
        { kind: 'status-csv' },
      );
      expect(run.state).toBe(ImportState.Rejected);
      expect(run.problems).toEqual(
        [2, 3].map((row) => ({
          row,
          column: 'practice_code',
          value: 'B10001',
          reason: 'records at B10001 on 2015-01-31 appears more than once in the file (rows 2, 3)',
        })),
      );
    });
  });

  describe('status events only where the level changes', () => {
    it('compares each row with the level as of its date: the stored history, or the file row before it', async () => {
      const { id } = await ctx.factories.practice({ code: 'C10001', openedOn: '2010-01-01' });
      await ctx.factories.statusEvent(id, Service.Appointments, Level.Enabled, '2014-01-01');
      await ctx.factories.statusEvent(id, Service.Records, Level.Enabled, '2015-01-01');
      const run = await importText(
        ctx,
        'levels.csv',
        statusCsv(
          'C10001,appointments,enabled,2014-06-30,', // already enabled since 2014-01-01: nothing
          'C10001,prescriptions,capable,2014-03-31,', // unknown before: appended
          'C10001,prescriptions,capable,2014-06-30,', // same as the row before: nothing
          'C10001,prescriptions,enabled,2014-09-30,', // a change: appended
          'C10001,records,capable,2014-06-30,', // back-dated before the stored event: appended
          'C10001,records,enabled,2015-03-31,', // enabled since 2015-01-01 already: nothing
        ),
        { kind: 'status-csv' },
      );
      expect(run.summary?.changes.statusEvents).toEqual({ added: 3, updated: 0, unchanged: 3 });
      expect(await events('C10001')).toEqual([
        { service: 'appointments', level: 'enabled', date: '2014-01-01' },
        { service: 'prescriptions', level: 'capable', date: '2014-03-31' },
        { service: 'prescriptions', level: 'enabled', date: '2014-09-30' },
        { service: 'records', level: 'capable', date: '2014-06-30' },
        { service: 'records', level: 'enabled', date: '2015-01-01' },
      ]);
      // The spans were rebuilt: the back-dated level holds until the stored event takes over.
      const spans = await ctx.db.query(
        `SELECT level, valid_from::text AS "from", valid_to::text AS "to" FROM status_span
         WHERE practice_id = $1 AND service = 'records' ORDER BY valid_from`,
        [id],
      );
      expect(spans).toEqual([
        { level: 'capable', from: '2014-06-30', to: '2015-01-01' },
        { level: 'enabled', from: '2015-01-01', to: null },
      ]);
    });

    it('importing the same file again adds no event; a newer file adds only what changed', async () => {
      await ctx.factories.practice({ code: 'C10002', openedOn: '2010-01-01' });
      const month = (date: string, levels: [string, string, string]) =>
        statusCsv(
          ...(['appointments', 'prescriptions', 'records'] as const).map((s, i) => `C10002,${s},${levels[i]},${date},`),
        );
      const first = await importText(ctx, 'sep.csv', month('2014-09-30', ['enabled', 'capable', 'not_capable']), {
        kind: 'status-csv',
      });
      expect(first.summary?.changes.statusEvents).toEqual({ added: 3, updated: 0, unchanged: 0 });
      const again = await importText(ctx, 'sep-again.csv', month('2014-09-30', ['enabled', 'capable', 'not_capable']), {
        kind: 'status-csv',
      });
      expect(again.summary?.changes.statusEvents).toEqual({ added: 0, updated: 0, unchanged: 3 });
      const next = await importText(ctx, 'oct.csv', month('2014-10-31', ['enabled', 'enabled', 'not_capable']), {
        kind: 'status-csv',
      });
      expect(next.summary?.changes.statusEvents).toEqual({ added: 1, updated: 0, unchanged: 2 });
      expect(await events('C10002')).toHaveLength(4);
    });
  });

  describe('practices and list sizes', () => {
    it('the practice list twice changes nothing; a newer one updates only what changed (bumping version)', async () => {
      await excerptGeography(ctx);
      const first = await importFixture(ctx, 'epraccur-2015-09-excerpt.csv', { kind: 'epraccur' });
      expect(first.summary?.changes.practices).toEqual({ added: 23, updated: 0, unchanged: 0 });
      const versions = async () =>
        Object.fromEntries(
          (await ctx.db.query(`SELECT code, version FROM practice`)).map((r: { code: string; version: number }) => [
            r.code,
            r.version,
          ]),
        );
      const before = await versions();
      const again = await importFixture(ctx, 'epraccur-2015-09-excerpt.csv', { kind: 'epraccur' });
      expect(again.summary?.changes.practices).toEqual({ added: 0, updated: 0, unchanged: 23 });
      expect(await versions()).toEqual(before);

      const { readFile } = await import('node:fs/promises');
      const original = await readFile(`${__dirname}/../fixtures/imports/epraccur-2015-09-excerpt.csv`, 'latin1');
      const newer = original
        .replace('"THE MANOR HOUSE SURGERY"', '"THE MANOR HOUSE"')
        .replace(/("A81044",(?:"[^"]*",){10})""/, '$1"20151231"'); // closes A81044 at the end of 2015
      const update = await importText(ctx, 'epraccur-newer.csv', Buffer.from(newer, 'latin1'), { kind: 'epraccur' });
      expect(update.summary?.changes.practices).toEqual({ added: 0, updated: 2, unchanged: 21 });
      const after = await versions();
      expect(
        Object.keys(after)
          .filter((code) => after[code] !== before[code])
          .sort(),
      ).toEqual(['A81043', 'A81044']);
      const closedOn = async () =>
        (await ctx.db.query(`SELECT closed_on::text FROM practice WHERE code = 'A81044'`))[0].closed_on;
      expect(await closedOn()).toBe('2015-12-31');

      // The older list again: it may not reopen A81044. Strict: the whole file is refused, so it undoes
      // no newer name either; partial: every other row goes in, A81044 stays closed.
      const older = await importFixture(ctx, 'epraccur-2015-09-excerpt.csv', { kind: 'epraccur' });
      expect(older.state).toBe(ImportState.Rejected);
      expect(older.problems).toEqual([
        {
          row: 2,
          column: 'column 12 (close date)',
          value: '',
          reason:
            'practice A81044 is recorded as closing on 2015-12-31 and this file has no close date for it: an older ' +
            'practice list? An import never reopens a practice (reopen it through the API if it has reopened)',
        },
      ]);
      expect(await versions()).toEqual(after);
      const partial = await importFixture(ctx, 'epraccur-2015-09-excerpt.csv', { kind: 'epraccur', partial: true });
      expect(partial).toMatchObject({ state: ImportState.Succeeded, rowsRejected: 1 });
      expect(await closedOn()).toBe('2015-12-31');
    });

    it('refuses a new open date after the recorded history, and an unknown CCG', async () => {
      const { id } = await ctx.factories.practice({ code: 'D10001', openedOn: '2000-01-01', ccgCode: '00M' });
      await ctx.factories.listSize(id, '2005-04-01', 5000);
      const row = (code: string, opened: string, ccg: string) =>
        [
          code,
          'A SURGERY',
          'Y54',
          'Q74',
          '',
          '',
          '',
          '',
          '',
          'TS6 0HA',
          opened,
          '',
          'A',
          'B',
          ccg,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '4',
          '',
        ]
          .map((f) => `"${f}"`)
          .join(',');
      const run = await importText(
        ctx,
        'epraccur-bad.csv',
        [row('D10001', '20100101', '00M'), row('D10002', '20100101', '99X')].join('\r\n'),
        { kind: 'epraccur' },
      );
      expect(run.state).toBe(ImportState.Rejected);
      expect(run.problems).toEqual([
        {
          row: 1,
          column: 'column 11 (open date)',
          value: '2010-01-01',
          reason: 'the open date 2010-01-01 is after the recorded history of practice D10001, which starts 2005-04-01',
        },
        { row: 2, column: 'column 15 (ccg code)', value: '99X', reason: 'CCG 99X is not known: import the CCGs first' },
      ]);
    });

    it('list sizes: the same figures change nothing; a correction replaces the old; a new date is added', async () => {
      const { id } = await ctx.factories.practice({ code: 'E10001', openedOn: '2000-01-01' });
      const gpReg = (date: string, patients: number) =>
        `PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\r\n` +
        `GP_PRAC_PAT_LIST,${date},GP,00M,E38000130,E10001,TS6 0HA,ALL,ALL,${patients}\r\n`;
      const add = await importText(ctx, 'jan.csv', gpReg('01JAN2021', 5000), { kind: 'list-size-gp-reg' });
      expect(add.summary?.changes.listSizes).toEqual({ added: 1, updated: 0, unchanged: 0 });
      const same = await importText(ctx, 'jan-again.csv', gpReg('01JAN2021', 5000), { kind: 'list-size-gp-reg' });
      expect(same.summary?.changes.listSizes).toEqual({ added: 0, updated: 0, unchanged: 1 });
      const corrected = await importText(ctx, 'jan-corrected.csv', gpReg('01JAN2021', 5100), {
        kind: 'list-size-gp-reg',
      });
      expect(corrected.summary?.changes.listSizes).toEqual({ added: 0, updated: 1, unchanged: 0 });
      await importText(ctx, 'feb.csv', gpReg('01FEB2021', 5200), { kind: 'list-size-gp-reg' });
      // Back-dated, and two dates in one file, one of them between stored ones.
      await importText(ctx, 'dec.csv', gpReg('01DEC2020', 4900), { kind: 'list-size-gp-reg' });
      const two = `${gpReg('15JAN2021', 5150)}${gpReg('01MAR2021', 5300).split('\r\n')[1]}\r\n`;
      expect((await importText(ctx, 'two.csv', two, { kind: 'list-size-gp-reg' })).summary?.changes.listSizes).toEqual({
        added: 2,
        updated: 0,
        unchanged: 0,
      });
      const linked = await ctx.db.query(
        `SELECT effective_date::text AS date, valid_to::text AS "to", patients FROM list_size
         WHERE practice_id = $1 ORDER BY effective_date`,
        [id],
      );
      expect(linked).toEqual([
        { date: '2020-12-01', to: '2021-01-01', patients: 4900 },
        { date: '2021-01-01', to: '2021-01-15', patients: 5100 },
        { date: '2021-01-15', to: '2021-02-01', patients: 5150 },
        { date: '2021-02-01', to: '2021-03-01', patients: 5200 },
        { date: '2021-03-01', to: null, patients: 5300 },
      ]);
    });
  });
});
