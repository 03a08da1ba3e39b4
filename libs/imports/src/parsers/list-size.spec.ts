import { listSizeEffectiveDateFromFileName, NO_REGISTERED_LIST, NOT_ALL_AGES_TOTAL, NOT_GP_TYPE } from './index';
import { bytes, collect, fixture } from './test-helpers';

const QUARTERLY_HEADER =
  'Regional Office Name,Regional Office Code,Area Team Name,Area Team Code,PCO Name,PCO Code,Practice Name,' +
  'Practice Code,' +
  ['0-4', '5-14', '15-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+']
    .flatMap((b) => [`Male ${b}`, `Female ${b}`])
    .join(',');
const quarterlyRow = (code: string, bands: (number | string)[]) =>
  `LONDON,Y56,AT,Q61,CCG,07R00,A PRACTICE,${code},${bands.join(',')}`;

describe('list-size-quarterly parser', () => {
  it('sums the 18 age bands of the real file; zero lists are skipped and counted', async () => {
    const { records, problems, summary } = await collect(
      fixture('Patient_List_Size_2013_04-06-excerpt.csv'),
      'list-size-quarterly',
      {
        effectiveDate: '2013-04-01',
      },
    );
    expect(problems).toEqual([]);
    expect(records[0]).toEqual({
      kind: 'record',
      row: 12,
      record: { type: 'list-size', practiceCode: 'E87012', effectiveDate: '2013-04-01', patients: 942 },
    });
    // F83677 PRINCE OF WALES ROAD PRACTICE: 22+33+65+49+94+118+303+291+203+138+154+70+85+62+40+32+43+44
    expect(records.find((r) => r.record.practiceCode === 'F83677')!.record.patients).toBe(1846);
    expect(records).toHaveLength(22);
    expect(records.reduce((sum, r) => sum + r.record.patients, 0)).toBe(107606);
    expect(summary).toMatchObject({ rowsRead: 37, records: 22, skipped: { [NO_REGISTERED_LIST]: 15 }, fatal: null });
  });

  it('needs an effectiveDate option, a real date not in the future', async () => {
    for (const [options, message] of [
      [{}, /effectiveDate option is required/],
      [{ effectiveDate: '2014-02-30' }, /no such day/],
      [{ effectiveDate: '2099-01-01', today: '2025-01-01' }, /in the future/],
    ] as const) {
      const { records, problems, summary } = await collect(
        fixture('Patient_List_Size_2013_04-06-excerpt.csv'),
        'list-size-quarterly',
        options,
      );
      expect(records).toEqual([]);
      expect(problems).toEqual([{ kind: 'problem', row: 0, reason: expect.stringMatching(message), fatal: true }]);
      expect(summary.fatal).toMatch(message);
    }
  });

  it('reports bad band values and totals over 2,000,000', async () => {
    const file = [
      QUARTERLY_HEADER,
      quarterlyRow('A81001', Array(18).fill(10)),
      quarterlyRow('A81002', [...Array(17).fill(10), '-3']),
      quarterlyRow('A81003', [...Array(17).fill(0), 'x']),
      quarterlyRow('A81004', Array(18).fill(150000)),
    ].join('\n');
    const { records, problems } = await collect(bytes(file), 'list-size-quarterly', { effectiveDate: '2014-01-01' });
    expect(records.map((r) => [r.record.practiceCode, r.record.patients])).toEqual([['A81001', 180]]);
    expect(problems).toEqual([
      { kind: 'problem', row: 3, column: 'Female 75+', value: '-3', reason: 'not a whole number' },
      { kind: 'problem', row: 4, column: 'Female 75+', value: 'x', reason: 'not a whole number' },
      { kind: 'problem', row: 5, value: '2700000', reason: 'the age bands add up to 2700000, more than 2000000' },
    ]);
  });

  it('names the missing columns of a file in another layout', async () => {
    const { problems, summary } = await collect(bytes('Practice Code,Male 0-4\nA81001,3\n'), 'list-size-quarterly', {
      effectiveDate: '2014-01-01',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].reason).toMatch(
      /^header not recognised for list-size-quarterly: missing column\(s\) Female 0-4; Male 5-14; .*Female 75\+ \(found: Practice Code, Male 0-4\)$/,
    );
    expect(summary.header).toEqual(['Practice Code', 'Male 0-4']);
  });

  it('derives the effective date from the published file name', () => {
    expect(listSizeEffectiveDateFromFileName('Patient_List_Size_2013_04-06.csv')).toBe('2013-04-01');
    expect(listSizeEffectiveDateFromFileName('/x/Patient_List_Size_2015_01-03.csv')).toBe('2015-01-01');
    expect(listSizeEffectiveDateFromFileName('epraccur.csv')).toBeNull();
  });
});

describe('list-size-gp-reg parser', () => {
  it('reads the real January 2021 file: one record per practice dated by EXTRACT_DATE', async () => {
    const { records, problems, summary } = await collect(
      fixture('gp-reg-pat-prac-all-2021-01-excerpt.csv'),
      'list-size-gp-reg',
    );
    expect(problems).toEqual([]);
    expect(records[0]).toEqual({
      kind: 'record',
      row: 2,
      record: { type: 'list-size', practiceCode: 'A84002', effectiveDate: '2021-01-01', patients: 5903 },
    });
    expect(records).toHaveLength(30);
    expect(records.reduce((sum, r) => sum + r.record.patients, 0)).toBe(279810);
    expect(summary).toMatchObject({ rowsRead: 30, records: 30, skipped: {} });
  });

  it('skips breakdown rows and non-GP rows, and checks dates and numbers', async () => {
    const file = [
      'PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS',
      'GP_PRAC_PAT_LIST,01JAN2021,GP,00L,E38000130,A84002,NE65 7UW,ALL,ALL,5903',
      'GP_PRAC_PAT_LIST,01JAN2021,GP,00L,E38000130,A84002,NE65 7UW,MALE,ALL,2903',
      'GP_PRAC_PAT_LIST,01JAN2021,GP,00L,E38000130,A84002,NE65 7UW,ALL,0_4,300',
      'GP_PRAC_PAT_LIST,01JAN2021,CCG,00L,E38000130,00L,,ALL,ALL,320000',
      'GP_PRAC_PAT_LIST,31FEB2021,GP,00L,E38000130,A84003,NE63 9UT,ALL,ALL,14738',
      'GP_PRAC_PAT_LIST,01JAN2021,GP,00L,E38000130,A84005,NE22 6JX,ALL,ALL,2000001',
      'GP_PRAC_PAT_LIST,01JAN2099,GP,00L,E38000130,A84006,NE66 2NL,ALL,ALL,18638',
      'GP_PRAC_PAT_LIST,01JAN2021,GP,00L,E38000130,A84007,NE66 2NL,ALL,ALL,0',
    ].join('\n');
    const { records, problems, summary } = await collect(bytes(file), 'list-size-gp-reg', { today: '2025-06-01' });
    expect(records.map((r) => r.record.practiceCode)).toEqual(['A84002']);
    expect(problems).toEqual([
      { kind: 'problem', row: 6, column: 'EXTRACT_DATE', value: '31FEB2021', reason: 'no such day in that month' },
      { kind: 'problem', row: 7, column: 'NUMBER_OF_PATIENTS', value: '2000001', reason: 'out of range 0..2000000' },
      {
        kind: 'problem',
        row: 8,
        column: 'EXTRACT_DATE',
        value: '01JAN2099',
        reason: 'effective date is in the future (after 2025-06-01)',
      },
    ]);
    expect(summary.skipped).toEqual({ [NOT_ALL_AGES_TOTAL]: 2, [NOT_GP_TYPE]: 1, [NO_REGISTERED_LIST]: 1 });
  });
});
