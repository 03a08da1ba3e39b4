import { recordsToCsv, toCsv } from './csv';

describe('the CSV writer', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    const csv = recordsToCsv(
      ['a', 'b', 'c'],
      [
        { a: 'plain', b: 'with, comma', c: 3 },
        { a: 'say "hi"', b: '=SUM(A1)', c: null },
      ],
    );
    expect(csv).toBe('a,b,c\r\nplain,"with, comma",3\r\n"say ""hi""",\'=SUM(A1),\r\n');
  });

  it('defuses text that starts a formula, keeps negative numbers, quotes line breaks', () => {
    const rows = [
      ['+1', -3.5],
      ['-1', 0],
      ['@me', null],
      ['\tx', undefined],
      ['=a,b', 7],
      ['a\r\nb', ''],
    ];
    expect(toCsv(['x', 'y'], rows)).toBe(
      'x,y\r\n' + "'+1,-3.5\r\n" + "'-1,0\r\n" + "'@me,\r\n" + "'\tx,\r\n" + `"'=a,b",7\r\n` + '"a\r\nb",\r\n',
    );
  });

  it('is a header alone when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});
