import { collect, bytes, fixture } from './test-helpers';
import { NOT_A_GP_PRACTICE } from './index';

const row = (fields: Record<number, string>) =>
  Array.from({ length: 27 }, (_, i) => `"${fields[i + 1] ?? ''}"`).join(',');
const gp = (over: Record<number, string> = {}) =>
  row({
    1: 'A81001',
    2: 'THE DENSHAM SURGERY',
    3: 'Y54',
    10: 'TS18 1HU',
    11: '19740401',
    13: 'A',
    14: 'B',
    15: '00K',
    26: '4',
    ...over,
  });

describe('epraccur parser', () => {
  it('reads the real ODS practice list excerpt: GP practices only, others skipped and counted', async () => {
    const { records, problems, summary, kinds } = await collect(fixture('epraccur-2015-09-excerpt.csv'), 'epraccur');
    expect(problems).toEqual([]);
    expect(records[0]).toEqual({
      kind: 'record',
      row: 1,
      record: {
        type: 'practice',
        code: 'A81043',
        name: 'THE MANOR HOUSE SURGERY',
        postcode: 'TS6 0HA',
        regionCode: 'Y54',
        ccgCode: '00M',
        openedOn: '1974-04-01',
        closedOn: null,
        status: 'A',
      },
    });
    expect(records).toHaveLength(23);
    const closed = records.find((r) => r.record.code === 'A85601')!;
    expect(closed.row).toBe(21);
    expect(closed.record).toMatchObject({
      status: 'C',
      openedOn: '1974-04-01',
      closedOn: '2014-06-30',
      ccgCode: '00F',
    });
    expect(records.find((r) => r.record.code === 'A85015')!.record.status).toBe('D');
    expect(records.find((r) => r.record.code === 'Y05008')!.record).toMatchObject({
      status: 'P',
      openedOn: '2015-07-01',
      regionCode: 'Y55',
    });
    expect(summary).toMatchObject({
      rowsRead: 27,
      records: 23,
      skipped: { [NOT_A_GP_PRACTICE]: 4 },
      fatal: null,
      header: null,
    });
    expect(kinds[kinds.length - 1]).toBe('summary');
  });

  it('upper-cases and trims codes', async () => {
    const { records } = await collect(bytes(gp({ 1: ' a81001 ', 15: '00k' }) + '\n'), 'epraccur');
    expect(records[0].record).toMatchObject({ code: 'A81001', ccgCode: '00K' });
  });

  it('reports each bad field with its row, column and value, and keeps going', async () => {
    const file = [
      gp(),
      gp({ 1: 'A8100', 11: '20140230' }),
      gp({ 12: '19700101', 13: 'X' }),
      gp({ 15: 'TOOLONG', 3: '' }),
      gp({ 1: 'A81002' }),
    ].join('\r\n');
    const { records, problems, summary } = await collect(bytes(file), 'epraccur');
    expect(records.map((r) => [r.row, r.record.code])).toEqual([
      [1, 'A81001'],
      [5, 'A81002'],
    ]);
    expect(problems).toEqual([
      {
        kind: 'problem',
        row: 2,
        column: 'column 1 (code)',
        value: 'A8100',
        reason: expect.stringContaining('ODS practice code'),
      },
      {
        kind: 'problem',
        row: 2,
        column: 'column 11 (open date)',
        value: '20140230',
        reason: 'no such day in that month',
      },
      {
        kind: 'problem',
        row: 3,
        column: 'column 12 (close date)',
        value: '19700101',
        reason: 'the close date is not after the open date',
      },
      {
        kind: 'problem',
        row: 3,
        column: 'column 13 (status)',
        value: 'X',
        reason: expect.stringContaining('A, C, D or P'),
      },
      {
        kind: 'problem',
        row: 4,
        column: 'column 3 (region code)',
        value: '',
        reason: expect.stringContaining('missing'),
      },
      {
        kind: 'problem',
        row: 4,
        column: 'column 15 (ccg code)',
        value: 'TOOLONG',
        reason: expect.stringContaining('CCG code'),
      },
    ]);
    expect(summary).toMatchObject({ rowsRead: 5, records: 2, rowsWithProblems: 3, problems: 6, fatal: null });
  });

  it('rejects a file whose first row is not 27 fields: not an epraccur file', async () => {
    const { records, problems, summary } = await collect(
      fixture('gp-reg-pat-prac-all-2021-01-excerpt.csv'),
      'epraccur',
    );
    expect(records).toEqual([]);
    expect(problems).toEqual([
      {
        kind: 'problem',
        row: 1,
        reason: 'not in the epraccur layout: the first row has 10 fields, expected 27',
        fatal: true,
      },
    ]);
    expect(summary.fatal).toMatch(/first row has 10 fields/);
  });

  it('a later row with the wrong number of fields is a row problem; trailing empty fields are tolerated', async () => {
    const file = [gp(), '"A81002","SHORT"', gp({ 1: 'A81003' }) + ',,'].join('\n');
    const { records, problems } = await collect(bytes(file), 'epraccur');
    expect(records.map((r) => r.record.code)).toEqual(['A81001', 'A81003']);
    expect(problems).toEqual([{ kind: 'problem', row: 2, reason: 'the row has 2 fields, expected 27' }]);
  });
});
