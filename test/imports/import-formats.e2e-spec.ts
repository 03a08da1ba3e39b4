import { Level, Role, Service } from '@app/domain';
import { ImportState } from '@app/imports';
import { TestContext } from '../setup/test-context';
import { excerptGeography, importFixture } from './import-support';

/** Every format end to end: the fixture file through the importer into the real tables. */
describe('imports: each format', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('regions, then CCGs (ours)', async () => {
    const regions = await importFixture(ctx, 'regions.csv', { kind: 'regions' });
    expect(regions).toMatchObject({
      state: ImportState.Succeeded,
      rowsRead: 4,
      rowsAccepted: 4,
      rowsRejected: 0,
      progress: 100,
    });
    expect(regions.summary?.changes.regions).toEqual({ added: 4, updated: 0, unchanged: 0 });
    const ccgs = await importFixture(ctx, 'ccgs.csv', { kind: 'ccgs' });
    expect(ccgs.summary?.changes.ccgs).toEqual({ added: 6, updated: 0, unchanged: 0 });
    const [row] = await ctx.db.query(`SELECT name, region_code FROM ccg WHERE code = '08Y'`);
    expect(row).toEqual({
      name: 'NHS West London (Kensington and Chelsea, Queen’s Park and Paddington) CCG',
      region_code: 'Y56',
    });
  });

  it('the ONS CCG codes, then the ONS lookup (regions and CCGs through the codes)', async () => {
    const codes = await importFixture(ctx, 'CCG_APR_2013-excerpt.csv', { kind: 'ccg-codes' });
    expect(codes).toMatchObject({ state: ImportState.Succeeded, rowsAccepted: 25 });
    expect(codes.summary).toMatchObject({
      encoding: 'windows-1252',
      changes: { onsCcgCodes: { added: 25, updated: 0, unchanged: 0 } },
    });
    const lookup = await importFixture(ctx, 'CCG13_NHSAT13_NHSCR13_EW_LU-excerpt.csv', { kind: 'ccg-lookup' });
    expect(lookup).toMatchObject({ state: ImportState.Succeeded, rowsAccepted: 25 });
    const [ccg] = await ctx.db.query(`SELECT name, region_code FROM ccg WHERE code = '02N'`);
    expect(ccg).toEqual({ name: 'NHS Airedale, Wharfedale and Craven', region_code: 'Y54' });
  });

  it('the ODS practice list: GP practices only, closed ones with their close date, no clinical system', async () => {
    await excerptGeography(ctx);
    const run = await importFixture(ctx, 'epraccur-2015-09-excerpt.csv', { kind: 'epraccur' });
    expect(run).toMatchObject({
      state: ImportState.Succeeded,
      rowsRead: 27,
      rowsAccepted: 23,
      rowsSkipped: 4,
      rowsRejected: 0,
    });
    expect(run.summary?.skipped).toEqual({ 'not a GP practice': 4 });
    expect(run.summary?.changes.practices).toEqual({ added: 23, updated: 0, unchanged: 0 });
    const rows = await ctx.db.query(
      `SELECT code, name, postcode, ccg_code, opened_on::text, closed_on::text, clinical_system FROM practice
       WHERE code IN ('A81043', 'A85601') ORDER BY code`,
    );
    expect(rows).toEqual([
      {
        code: 'A81043',
        name: 'THE MANOR HOUSE SURGERY',
        postcode: 'TS6 0HA',
        ccg_code: '00M',
        opened_on: '1974-04-01',
        closed_on: null,
        clinical_system: 'UNKNOWN',
      },
      {
        code: 'A85601',
        name: 'BIRTLEY LANE SURGERY',
        postcode: expect.any(String),
        ccg_code: '00F',
        opened_on: '1974-04-01',
        closed_on: '2014-06-30',
        clinical_system: 'UNKNOWN',
      },
    ]);
  });

  // The practices of the status CSV come from the practice list imported above.
  it('our status CSV: events with the file note or the import as provenance, recorded as imports', async () => {
    // recorded_by names a real user (a foreign key).
    const { id: userId } = await ctx.factories.user({ role: Role.Admin });
    const run = await importFixture(ctx, 'status-updates.csv', { kind: 'status-csv' }, userId);
    expect(run).toMatchObject({ state: ImportState.Succeeded, rowsAccepted: 4, createdBy: userId });
    expect(run.summary?.changes.statusEvents).toEqual({ added: 4, updated: 0, unchanged: 0 });
    const events = await ctx.db.query(
      `SELECT p.code, e.service, e.level, e.effective_date::text AS date, e.source, e.recorded_by, e.note
       FROM status_event e JOIN practice p ON p.id = e.practice_id ORDER BY p.code, e.service, e.effective_date`,
    );
    expect(events).toEqual([
      {
        code: 'A81043',
        service: 'appointments',
        level: 'enabled',
        date: '2014-09-30',
        source: 'import',
        recorded_by: userId,
        note: `Imported from status-updates.csv (import ${run.id})`,
      },
      {
        code: 'A81044',
        service: 'prescriptions',
        level: 'capable',
        date: '2014-09-30',
        source: 'import',
        recorded_by: userId,
        note: 'Capable; practice to decide, says "next month"',
      },
      {
        code: 'A81057',
        service: 'records',
        level: 'not_capable',
        date: '2014-09-30',
        source: 'import',
        recorded_by: userId,
        note: expect.any(String),
      },
      {
        code: 'A81057',
        service: 'records',
        level: 'capable',
        date: '2015-03-31',
        source: 'import',
        recorded_by: userId,
        note: 'supplier upgrade',
      },
    ]);
    const practice = await ctx.api().get('/practices/A81057').expect(200);
    expect(practice.body.services.records).toEqual({ level: Level.Capable, effectiveDate: '2015-03-31' });
  });

  it('quarterly list sizes: the date from the file name, zero lists skipped', async () => {
    const { id } = await ctx.factories.practice({ code: 'F83018', openedOn: '2000-01-01' });
    await ctx.factories.practice({ code: 'F84008', openedOn: '2000-01-01' });
    const run = await importFixture(ctx, 'Patient_List_Size_2013_04-06-excerpt.csv', {
      kind: 'list-size-quarterly',
      partial: true,
    });
    expect(run.options).toEqual({ partial: true, effectiveDate: '2013-04-01' });
    expect(run.summary?.changes.listSizes).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(run.rowsRejected).toBeGreaterThan(0); // the other practices are not known
    expect(run.problems?.[0]).toMatchObject({
      column: 'Practice Code',
      reason: expect.stringMatching(/is not known: import the practice list/),
    });
    const [size] = await ctx.db.query(
      `SELECT effective_date::text AS date, patients, source FROM list_size WHERE practice_id = $1`,
      [id],
    );
    expect(size).toMatchObject({ date: '2013-04-01', source: 'import' });
    expect(size.patients).toBeGreaterThan(0);
  });

  it('gp-reg list sizes: one ALL/ALL row per practice, dated by EXTRACT_DATE', async () => {
    await ctx.factories.practice({ code: 'A84002', openedOn: '2000-01-01' });
    const run = await importFixture(ctx, 'gp-reg-pat-prac-all-2021-01-excerpt.csv', {
      kind: 'list-size-gp-reg',
      partial: true,
    });
    expect(run.state).toBe(ImportState.Succeeded);
    expect(run.summary?.changes.listSizes).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const [size] = await ctx.db.query(
      `SELECT l.effective_date::text AS date, l.patients FROM list_size l JOIN practice p ON p.id = l.practice_id
       WHERE p.code = 'A84002'`,
    );
    expect(size).toEqual({ date: '2021-01-01', patients: 5903 });
  });

  it('POMI wide (one service per file): levels from the SystemEnabled text, suppliers taken', async () => {
    await ctx.factories.practice({ code: 'F85039', openedOn: '2000-01-01', clinicalSystem: 'UNKNOWN' as never });
    const run = await importFixture(ctx, 'pomi-sample-2015-04-excerpt.csv', {
      kind: 'pomi-wide',
      service: Service.Appointments,
      partial: true,
    });
    expect(run.state).toBe(ImportState.Succeeded);
    expect(run.summary?.changes.statusEvents).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(run.summary?.changes.clinicalSystems).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const practice = await ctx.api().get('/practices/F85039').expect(200);
    expect(practice.body).toMatchObject({
      clinicalSystem: 'EMIS',
      services: { appointments: { level: 'enabled', effectiveDate: '2015-04-30' } },
    });
  });

  it('POMI long: three services per practice, 9 = not known records nothing, list sizes on request', async () => {
    for (const code of ['A81001', 'A81002', 'A81004', 'A81005'])
      await ctx.factories.practice({ code, openedOn: '2000-01-01' });
    const run = await importFixture(ctx, 'pomi-long-2020-09.csv', { kind: 'pomi-long', includeListSizes: true });
    expect(run).toMatchObject({ state: ImportState.Succeeded, rowsRead: 24, rowsAccepted: 15, rowsSkipped: 9 });
    expect(run.summary?.changes).toMatchObject({
      statusEvents: { added: 11, updated: 0, unchanged: 0 },
      listSizes: { added: 4, updated: 0, unchanged: 0 },
    });
    const practice = await ctx.api().get('/practices/A81004').expect(200);
    expect(practice.body.services).toEqual({
      appointments: { level: 'enabled', effectiveDate: '2020-09-30' },
      prescriptions: { level: 'capable', effectiveDate: '2020-09-30' },
      records: { level: 'unknown', effectiveDate: null },
    });
    expect(practice.body.listSize).toEqual({ patients: 10301, effectiveDate: '2020-09-30' });
  });
});
