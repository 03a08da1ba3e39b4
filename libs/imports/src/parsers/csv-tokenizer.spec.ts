import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CsvRecord, CsvTokenizer } from './csv-tokenizer';

/** Tokenizes `text` cut into the given chunk sizes (cycled). */
function tokenize(text: string, cuts: number[] = [text.length || 1], limits = { size: 65_536, columns: 1000 }) {
  const t = new CsvTokenizer(limits.size, limits.columns);
  const out: CsvRecord[] = [];
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = Math.max(1, cuts[k % cuts.length]);
    if (!t.push(text.slice(at, at + size), out)) return { out, limit: t.limitHit, unclosed: null };
    at += size;
  }
  return { out, limit: t.limitHit, unclosed: t.end(out) };
}

/** A field written the way a spreadsheet would: quoted when it must be, sometimes when it need not be. */
const encode = (value: string, forceQuote: boolean) =>
  forceQuote || /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;

const fieldArb = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\r', 'é', '🏥'), maxLength: 6 });
const fileArb = fc.record({
  rows: fc.array(fc.array(fc.tuple(fieldArb, fc.boolean()), { minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 8,
  }),
  eols: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
  finalEol: fc.boolean(),
  cuts: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
});

describe('CsvTokenizer', () => {
  it('gives the same records as csv-parse, with physical start lines, however the text is cut', () => {
    fc.assert(
      fc.property(fileArb, ({ rows, eols, finalEol, cuts }) => {
        const lines = rows.map((row) => row.map(([v, q]) => encode(v, q)).join(','));
        let text = '';
        const starts: number[] = [];
        let line = 1;
        lines.forEach((l, k) => {
          starts.push(line);
          const eol = eols[k % eols.length];
          line += 1 + (l.match(/\r\n|\r|\n/g)?.length ?? 0);
          text += l + (k < lines.length - 1 || finalEol ? eol : '');
        });
        const expected: string[][] = parse(text, {
          relax_column_count: true,
          relax_quotes: true,
          record_delimiter: ['\r\n', '\n', '\r'],
        });
        const { out, limit, unclosed } = tokenize(text, cuts);
        expect(limit).toBeNull();
        expect(unclosed).toBeNull();
        expect(out.map((r) => r.fields)).toEqual(expected);
        expect(out.map((r) => r.line)).toEqual(starts);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a blank line as one empty field, and the last record without a line break', () => {
    expect(tokenize('a,b\n\nc').out).toEqual([
      { kind: 'row', line: 1, fields: ['a', 'b'] },
      { kind: 'row', line: 2, fields: [''] },
      { kind: 'row', line: 3, fields: ['c'] },
    ]);
  });

  it('treats a quote inside an unquoted field as text, and keeps text after a closing quote', () => {
    expect(tokenize('ab"c,"x"y,"q""r"\n').out[0].fields).toEqual(['ab"c', 'xy', 'q"r']);
  });

  it('reports an unclosed quote at the end as a problem of the line where the record starts', () => {
    const { out, unclosed } = tokenize('a\n"b\nc', [2]);
    expect(out).toEqual([{ kind: 'row', line: 1, fields: ['a'] }]);
    expect(unclosed).toEqual({ line: 2, reason: 'a quoted field is not closed before the end of the file' });
  });

  it('stops at too many fields or too long a record without building either', () => {
    const wide = tokenize(`a\n${','.repeat(5000)}\n`, [100], { size: 65_536, columns: 10 });
    expect(wide.out).toEqual([{ kind: 'row', line: 1, fields: ['a'] }]);
    expect(wide.limit).toEqual({ line: 2, reason: 'line 2 has more than 10 fields: not a CSV file of this format' });
    const long = tokenize(`a\n"${'x'.repeat(500)}`, [7], { size: 100, columns: 10 });
    expect(long.limit?.reason).toBe('a record is longer than 100 characters (an unclosed quote, or not a CSV file)');
  });
});
