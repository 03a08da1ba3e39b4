import { bytes, collect, fixture } from './test-helpers';

const HEADER = 'practice_code,service,level,effective_date,note';

describe('status-csv parser', () => {
  it('reads our status CSV, with codes 0/1/2, UK dates and quoted notes', async () => {
    const { records, problems, summary } = await collect(fixture('status-updates.csv'), 'status-csv');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.row, r.record])).toEqual([
      [
        2,
        {
          type: 'status',
          practiceCode: 'A81043',
          service: 'appointments',
          level: 'enabled',
          effectiveDate: '2014-09-30',
        },
      ],
      [
        3,
        {
          type: 'status',
          practiceCode: 'A81044',
          service: 'prescriptions',
          level: 'capable',
          effectiveDate: '2014-09-30',
          note: 'Capable; practice to decide, says "next month"',
        },
      ],
      [
        4,
        {
          type: 'status',
          practiceCode: 'A81057',
          service: 'records',
          level: 'not_capable',
          effectiveDate: '2014-09-30',
        },
      ],
      [
        5,
        {
          type: 'status',
          practiceCode: 'A81057',
          service: 'records',
          level: 'capable',
          effectiveDate: '2015-03-31',
          note: 'supplier upgrade',
        },
      ],
    ]);
    expect(summary).toMatchObject({
      header: ['practice_code', 'service', 'level', 'effective_date', 'note'],
      rowsRead: 4,
      records: 4,
    });
  });

  it('takes the columns in any order and the note as optional', async () => {
    const { records } = await collect(
      bytes('Level,Effective_Date,Service,Practice_Code\n2,2015-01-31,Records,A81001\n'),
      'status-csv',
    );
    expect(records[0].record).toEqual({
      type: 'status',
      practiceCode: 'A81001',
      service: 'records',
      level: 'enabled',
      effectiveDate: '2015-01-31',
    });
  });

  it('takes a row that ends before its optional trailing note; one short of a required column is refused', async () => {
    const { records, problems } = await collect(
      bytes(`${HEADER}\nA81006,Records,Capable,2015-07-31\nA81007,Records,Capable\n`),
      'status-csv',
    );
    expect(records.map((r) => r.record)).toEqual([
      { type: 'status', practiceCode: 'A81006', service: 'records', level: 'capable', effectiveDate: '2015-07-31' },
    ]);
    expect(problems).toEqual([{ kind: 'problem', row: 3, reason: 'the row has 3 fields, expected 5' }]);
  });

  it('reports every bad field of a row', async () => {
    const file = [HEADER, 'A8100,bookings,3,2014-02-30,', `A81001,records,enabled,2099-01-01,${'x'.repeat(2001)}`].join(
      '\n',
    );
    const { records, problems, summary } = await collect(bytes(file), 'status-csv', { today: '2025-01-01' });
    expect(records).toEqual([]);
    expect(problems).toEqual([
      {
        kind: 'problem',
        row: 2,
        column: 'practice_code',
        value: 'A8100',
        reason: expect.stringContaining('ODS practice code'),
      },
      {
        kind: 'problem',
        row: 2,
        column: 'service',
        value: 'bookings',
        reason: 'not a service (appointments, prescriptions, records)',
      },
      {
        kind: 'problem',
        row: 2,
        column: 'level',
        value: '3',
        reason: 'not a level (not_capable, capable, enabled or 0, 1, 2)',
      },
      { kind: 'problem', row: 2, column: 'effective_date', value: '2014-02-30', reason: 'no such day in that month' },
      {
        kind: 'problem',
        row: 3,
        column: 'effective_date',
        value: '2099-01-01',
        reason: 'effective date is in the future (after 2025-01-01)',
      },
      {
        kind: 'problem',
        row: 3,
        column: 'note',
        value: `${'x'.repeat(100)}…`,
        reason: 'a note has at most 2000 characters',
      },
    ]);
    expect(summary).toMatchObject({ rowsRead: 2, records: 0, rowsWithProblems: 2, problems: 6 });
  });

  it('names the missing columns', async () => {
    const { problems } = await collect(
      bytes('practice,service,status,date\nA81001,records,2,2015-01-01\n'),
      'status-csv',
    );
    expect(problems).toEqual([
      {
        kind: 'problem',
        row: 1,
        fatal: true,
        reason:
          'header not recognised for status-csv: missing column(s) practice_code; level; effective_date ' +
          '(found: practice, service, status, date)',
      },
    ]);
  });
});
