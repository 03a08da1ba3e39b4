import { problemsCsv } from './problems-csv';

describe('problemsCsv', () => {
  it('writes a header and one line per problem, quoting what needs it and defusing formulas', () => {
    expect(
      problemsCsv([
        { row: 0, reason: 'stopped after 1000 rows with problems' },
        {
          row: 48,
          column: 'column 15 (ccg code)',
          value: '13T',
          reason: 'CCG 13T is not known: import the CCGs first',
        },
        { row: 50, column: 'name', value: '=HYPERLINK("x")', reason: 'a "quoted", reason\nover two lines' },
      ]),
    ).toBe(
      'row,column,value,reason\r\n' +
        '0,,,stopped after 1000 rows with problems\r\n' +
        '48,column 15 (ccg code),13T,CCG 13T is not known: import the CCGs first\r\n' +
        `50,name,"'=HYPERLINK(""x"")","a ""quoted"", reason\nover two lines"\r\n`,
    );
  });

  it('is a header alone when there are no problems', () => {
    expect(problemsCsv([])).toBe('row,column,value,reason\r\n');
  });
});
