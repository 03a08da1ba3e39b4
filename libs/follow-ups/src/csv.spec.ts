import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        { a: 'plain', b: 'with, comma', c: 3 },
        { a: 'say "hi"', b: '=SUM(A1)', c: null },
      ],
    );
    expect(csv).toBe('a,b,c\r\nplain,"with, comma",3\r\n"say ""hi""",\'=SUM(A1),\r\n');
  });
});
