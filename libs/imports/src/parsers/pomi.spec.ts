import {
  FIELD_NOT_IMPORTED,
  LEVEL_NOT_KNOWN,
  LIST_SIZE_NOT_GIVEN,
  LIST_SIZE_NOT_IMPORTED,
  NO_REGISTERED_LIST,
  pomiSystemEnabledLevel,
  UPTAKE_NOT_IMPORTED,
} from './index';
import { bytes, collect, fixture } from './test-helpers';

describe('pomi-wide parser', () => {
  it('reads the real April 2015 sample: enabled practices, "status unknown" skipped and counted', async () => {
    const { records, problems, summary } = await collect(fixture('pomi-sample-2015-04-excerpt.csv'), 'pomi-wide', {
      service: 'appointments',
    });
    expect(problems).toEqual([]);
    expect(records[0]).toEqual({
      kind: 'record',
      row: 3,
      record: {
        type: 'status',
        practiceCode: 'F85039',
        service: 'appointments',
        level: 'enabled',
        effectiveDate: '2015-04-30',
        supplier: 'EMIS',
        ccgCode: '07X',
      },
    });
    expect(records).toHaveLength(42);
    expect(records[records.length - 1].record).toMatchObject({ practiceCode: 'H85021', ccgCode: '08T' });
    expect(summary).toMatchObject({ rowsRead: 44, records: 42, skipped: { [LEVEL_NOT_KNOWN]: 2 } });
  });

  it('needs a valid service option', async () => {
    for (const options of [{}, { service: 'bookings' as never }]) {
      const { problems, summary } = await collect(fixture('pomi-sample-2015-04-excerpt.csv'), 'pomi-wide', options);
      expect(problems).toEqual([
        { kind: 'problem', row: 0, reason: expect.stringMatching(/service option/), fatal: true },
      ]);
      expect(summary.records).toBe(0);
    }
  });

  it('maps the SystemEnabled wordings to levels', () => {
    expect(pomiSystemEnabledLevel('System Functionality Enabled by Practice')).toBe('enabled');
    expect(pomiSystemEnabledLevel('System Functionality Status Unknown')).toBe('unknown');
    expect(pomiSystemEnabledLevel('System Functionality Not Enabled by Practice')).toBe('capable');
    expect(pomiSystemEnabledLevel('System Functionality  disabled by practice')).toBe('capable');
    expect(pomiSystemEnabledLevel('System Not Capable')).toBe('not_capable');
    expect(pomiSystemEnabledLevel('System Functionality Not Available')).toBe('not_capable');
    expect(pomiSystemEnabledLevel('2')).toBe('enabled');
    expect(pomiSystemEnabledLevel('9')).toBe('unknown');
    expect(pomiSystemEnabledLevel('Yes please')).toBeNull();
  });

  it('reports unrecognised wording and bad dates', async () => {
    const file = [
      'PeriodEnd,GPPracticeCode,SystemEnabled',
      '30/04/2015,A81001,System Functionality Not Enabled by Practice',
      '31/04/2015,A81002,System Functionality Enabled by Practice',
      '30/04/2015,A81003,Maybe',
    ].join('\r\n');
    const { records, problems } = await collect(bytes(file), 'pomi-wide', { service: 'records' });
    expect(records.map((r) => r.record)).toEqual([
      { type: 'status', practiceCode: 'A81001', service: 'records', level: 'capable', effectiveDate: '2015-04-30' },
    ]);
    expect(problems).toEqual([
      { kind: 'problem', row: 3, column: 'PeriodEnd', value: '31/04/2015', reason: 'no such day in that month' },
      {
        kind: 'problem',
        row: 4,
        column: 'SystemEnabled',
        value: 'Maybe',
        reason: 'not a recognised SystemEnabled value',
      },
    ]);
  });
});

describe('pomi-long parser', () => {
  it('reads the long layout: Sys_* fields become statuses, 9 and other fields are skipped and counted', async () => {
    const { records, problems, summary } = await collect(fixture('pomi-long-2020-09.csv'), 'pomi-long');
    expect(problems).toEqual([]);
    expect(records[0]).toEqual({
      kind: 'record',
      row: 3,
      record: {
        type: 'status',
        practiceCode: 'A81001',
        service: 'appointments',
        level: 'enabled',
        effectiveDate: '2020-09-30',
        supplier: 'EMIS',
        ccgCode: '00K',
      },
    });
    const levels = records.map(
      (r) =>
        `${r.record.practiceCode} ${'service' in r.record ? r.record.service : ''} ` +
        `${'level' in r.record ? r.record.level : ''}`,
    );
    expect(levels).toEqual([
      'A81001 appointments enabled',
      'A81001 prescriptions enabled',
      'A81001 records capable',
      'A81002 appointments enabled',
      'A81002 prescriptions enabled',
      'A81002 records enabled',
      'A81004 appointments enabled',
      'A81004 prescriptions capable',
      'A81005 appointments capable',
      'A81005 prescriptions enabled',
      'A81005 records not_capable',
    ]);
    expect(records[records.length - 1].record).toMatchObject({ supplier: 'MICROTEST', ccgCode: '00M' });
    expect(summary).toMatchObject({
      rowsRead: 24,
      records: 11,
      skipped: { [LEVEL_NOT_KNOWN]: 1, [LIST_SIZE_NOT_IMPORTED]: 4, [UPTAKE_NOT_IMPORTED]: 8 },
    });
  });

  it('yields Patient_List_Size as list-size records with includeListSizes', async () => {
    const { records, summary } = await collect(fixture('pomi-long-2020-09.csv'), 'pomi-long', {
      includeListSizes: true,
    });
    const sizes = records.filter((r) => r.record.type === 'list-size').map((r) => r.record);
    expect(sizes).toEqual([
      { type: 'list-size', practiceCode: 'A81001', effectiveDate: '2020-09-30', patients: 4012 },
      { type: 'list-size', practiceCode: 'A81002', effectiveDate: '2020-09-30', patients: 19502 },
      { type: 'list-size', practiceCode: 'A81004', effectiveDate: '2020-09-30', patients: 10301 },
      { type: 'list-size', practiceCode: 'A81005', effectiveDate: '2020-09-30', patients: 8046 },
    ]);
    expect(summary.records).toBe(15);
  });

  it('skips and counts a zero or NULL Patient_List_Size (no registered list; not given)', async () => {
    const file = [
      'report_period_end,practice_code,system_supplier,field,value',
      '30SEP2020,A81001,EMIS,Patient_List_Size,0',
      '30SEP2020,A81002,EMIS,Patient_List_Size,NULL',
      '30SEP2020,A81003,EMIS,Patient_List_Size,5120',
    ].join('\n');
    const { records, problems, summary } = await collect(bytes(file), 'pomi-long', { includeListSizes: true });
    expect(records.map((r) => r.record)).toEqual([
      { type: 'list-size', practiceCode: 'A81003', effectiveDate: '2020-09-30', patients: 5120 },
    ]);
    expect(problems).toEqual([]);
    expect(summary.skipped).toEqual({ [NO_REGISTERED_LIST]: 1, [LIST_SIZE_NOT_GIVEN]: 1 });
  });

  it('accepts the sub-ICB header, ISO and DD/MM/YYYY dates; reports bad codes and values', async () => {
    const file = [
      'report_period_end,region_code,sub_ICB_location_code,practice_code,system_supplier,field,value',
      '2023-03-31,Y63,00L,a84002,TPP,Sys_Appts_Enbld,1',
      '31/03/2023,Y63,00L,A84003,Vision,SYS_PRESC_ENBLD,2',
      '2023-03-31,Y63,00L,A84005,EMIS,Sys_DetCodeRec_Enbld,3',
      '2023-03-31,Y63,00L,84005,EMIS,Sys_DetCodeRec_Enbld,2',
      '2023-03-31,Y63,00L,A84005,EMIS,Sys_Other,2',
      '31MAR2023,Y63,00L,A84006,EMIS,Sys_Appts_Enbld,',
    ].join('\n');
    const { records, problems, summary } = await collect(bytes(file), 'pomi-long');
    expect(records.map((r) => r.record)).toEqual([
      {
        type: 'status',
        practiceCode: 'A84002',
        service: 'appointments',
        level: 'capable',
        effectiveDate: '2023-03-31',
        supplier: 'TPP',
        ccgCode: '00L',
      },
      {
        type: 'status',
        practiceCode: 'A84003',
        service: 'prescriptions',
        level: 'enabled',
        effectiveDate: '2023-03-31',
        supplier: 'INPS',
        ccgCode: '00L',
      },
    ]);
    expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [4, 'value', '3'],
      [5, 'practice_code', '84005'],
      [7, 'value', ''],
    ]);
    expect(summary.skipped).toEqual({ [FIELD_NOT_IMPORTED]: 1 });
  });
});
