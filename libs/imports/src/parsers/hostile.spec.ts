import { Readable } from 'node:stream';
import { parseFile } from './index';
import { bytes, collect, fixture } from './test-helpers';

const REGIONS = ['code,name', 'Y54,North of England', 'Y56,"London, the capital"', 'Y57,South of England'];
const codes = (records: { record: { code: string } }[]) => records.map((r) => r.record.code);

/** Checks the contract every hostile input must keep: events end with exactly one summary. */
function expectOneSummaryLast(kinds: string[]) {
  expect(kinds.filter((k) => k === 'summary')).toHaveLength(1);
  expect(kinds[kinds.length - 1]).toBe('summary');
}

describe('hostile input', () => {
  it('strips a UTF-8 byte order mark', async () => {
    const { records, summary } = await collect(
      bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REGIONS.join('\n'))])),
      'regions',
    );
    expect(codes(records)).toEqual(['Y54', 'Y56', 'Y57']);
    expect(summary).toMatchObject({ bomStripped: true, header: ['code', 'name'], encoding: 'utf-8' });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line ends with the same rows and line numbers, quoted commas kept', async (_name, eol) => {
    const { records, summary } = await collect(bytes(REGIONS.join(eol) + eol, 7), 'regions');
    expect(records.map((r) => [r.row, r.record.code, r.record.name])).toEqual([
      [2, 'Y54', 'North of England'],
      [3, 'Y56', 'London, the capital'],
      [4, 'Y57', 'South of England'],
    ]);
    expect(summary.blankLines).toBe(0);
  });

  it('reads mixed line ends, blank lines and quoted line breaks, counting physical lines', async () => {
    const file = 'code,name\r\nY54,North\n\n"Y55","Midlands\r\nand East"\rY56,London\r\n';
    const { records, summary } = await collect(bytes(file, 3), 'regions');
    expect(records.map((r) => [r.row, r.record.code, r.record.name])).toEqual([
      [2, 'Y54', 'North'],
      [4, 'Y55', 'Midlands and East'],
      [6, 'Y56', 'London'],
    ]);
    expect(summary).toMatchObject({ rowsRead: 3, blankLines: 1 });
  });

  it('accepts string chunks from an object-mode stream', async () => {
    const { records } = await collect(Readable.from(['code,na', 'me\nY54,No', 'rth\n']), 'regions');
    expect(records.map((r) => r.record)).toEqual([{ type: 'region', code: 'Y54', name: 'North' }]);
  });

  it.each([
    ['an empty file', ''],
    ['a BOM only', '\ufeff'],
    ['blank lines only', '\r\n\r\n  \r\n'],
  ])('%s: "the file is empty"', async (_name, content) => {
    for (const format of ['regions', 'epraccur'] as const) {
      const { records, problems, summary, kinds } = await collect(bytes(content), format);
      expect(records).toEqual([]);
      expect(problems).toEqual([{ kind: 'problem', row: 0, reason: 'the file is empty', fatal: true }]);
      expect(summary.fatal).toBe('the file is empty');
      expectOneSummaryLast(kinds);
    }
  });

  it('a header only: "no data rows"', async () => {
    for (const content of ['code,name', 'code,name\r\n', 'code,name\n\n\n']) {
      const { problems, summary } = await collect(bytes(content), 'regions');
      expect(problems).toEqual([
        { kind: 'problem', row: 0, reason: 'no data rows: the file has a header only', fatal: true },
      ]);
      expect(summary).toMatchObject({ rowsRead: 0, header: ['code', 'name'] });
    }
  });

  it('a missing header names the missing columns', async () => {
    const { records, problems, summary } = await collect(bytes('Y54,North of England\nY56,London\n'), 'regions');
    expect(records).toEqual([]);
    expect(problems).toEqual([
      {
        kind: 'problem',
        row: 1,
        fatal: true,
        reason:
          'header not recognised for regions: missing column(s) code or region_code; name or region_name ' +
          '(found: Y54, North of England)',
      },
    ]);
    expect(summary.rowsRead).toBe(0);
  });

  it('a semicolon-separated file gets a hint', async () => {
    const { problems } = await collect(bytes('code;name\nY54;North\n'), 'regions');
    expect(problems[0].reason).toBe(
      'header not recognised for regions: missing column(s) code or region_code; name or region_name ' +
        '(found: code;name); the file seems to separate fields with ";", not commas',
    );
  });

  describe('encodings', () => {
    const latin = Buffer.from('code,name\nY56,Caf\xe9 \x93London\x94 \x80\n', 'latin1');

    it('reads a Windows-1252 file as such and says so', async () => {
      const { records, summary } = await collect(bytes(latin), 'regions');
      expect(records[0].record.name).toBe('Café “London” €');
      expect(summary.encoding).toBe('windows-1252');
      expect(summary.notes).toEqual(['the file is not UTF-8 (byte 18): read as Windows-1252']);
    });

    it('rejects invalid UTF-8 when told the file is UTF-8', async () => {
      const { records, summary } = await collect(bytes(latin), 'regions', { encoding: 'utf-8' });
      expect(records).toEqual([]);
      expect(summary.fatal).toBe('the file is not valid UTF-8 (byte 18); save it as "CSV UTF-8"');
    });

    it('reads Windows-1252 when told to', async () => {
      const { records, summary } = await collect(bytes(latin), 'regions', { encoding: 'windows-1252' });
      expect(records[0].record.name).toBe('Café “London” €');
      expect(summary.notes).toEqual([]);
    });

    it('rejects a file that mixes UTF-8 and another encoding, after the rows before it', async () => {
      const head = Buffer.from('code,name\nY54,Nörth\n' + 'Y55,Midlands\n'.repeat(10));
      const { records, problems, summary } = await collect(
        bytes(Buffer.concat([head, Buffer.from('Y56,Caf\xe9\n', 'latin1')]), 64),
        'regions',
      );
      expect(records[0].record.name).toBe('Nörth');
      expect(problems[problems.length - 1]).toMatchObject({
        fatal: true,
        reason: expect.stringMatching(/^the file mixes encodings: .* byte 159;/),
      });
      expect(summary.fatal).toMatch(/mixes encodings/);
    });

    it('rejects UTF-8 text followed by another encoding within one chunk too', async () => {
      const file = Buffer.concat([Buffer.from('code,name\nY57,Sörth\n'), Buffer.from('Y55,Caf\xe9\n', 'latin1')]);
      const { records, summary } = await collect(bytes(file), 'regions');
      expect(records).toEqual([]);
      expect(summary.fatal).toBe(
        'the file mixes encodings: UTF-8 text, then an invalid UTF-8 byte at byte 29; save it as "CSV UTF-8"',
      );
    });

    it('keeps multi-byte characters cut across chunks', async () => {
      const { records, summary } = await collect(bytes('code,name\nY56,Zoë’s 🏥 “practice”\n', 1), 'regions');
      expect(records[0].record.name).toBe('Zoë’s 🏥 “practice”');
      expect(summary.encoding).toBe('utf-8');
    });
  });

  describe('binary and wrong files', () => {
    it.each([
      ['NUL bytes', Buffer.from('code,name\nY54,No\0rth\n'), /^not a text\/CSV file: binary byte 0x00 at byte 17$/],
      ['an .xlsx (zip)', Buffer.from('PK\x03\x04\x14\x00\x06\x00rest', 'latin1'), /ZIP archive/],
      ['an .xls', Buffer.from('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', 'latin1'), /Excel .xls/],
      ['UTF-16', Buffer.from('\ufeffcode,name\n', 'utf16le'), /UTF-16/],
      ['a PNG', Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'latin1'), /not a text\/CSV file/],
    ])('rejects %s: "not a text/CSV file"', async (_name, content, message) => {
      const { records, problems, summary, kinds } = await collect(bytes(content), 'regions');
      expect(records).toEqual([]);
      expect(problems).toEqual([{ kind: 'problem', row: 0, reason: expect.stringMatching(message), fatal: true }]);
      expect(summary.fatal).toMatch(message);
      expectOneSummaryLast(kinds);
    });

    it('rejects pseudo-random bytes without crashing or hanging', async () => {
      let seed = 42;
      const noise = Buffer.from(
        Buffer.alloc(300_000, 0).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff),
      );
      for (const format of ['epraccur', 'status-csv', 'pomi-long'] as const) {
        const { records, summary, kinds } = await collect(bytes(noise), format);
        expect(records).toEqual([]);
        expect(summary.fatal).toMatch(/not a text\/CSV file/);
        expectOneSummaryLast(kinds);
      }
    });

    it('stops at a row of 10,000 columns with one clear problem, after the good rows', async () => {
      const file = `code,name\nY54,North\n${'x,'.repeat(10_000)}x\nY56,London\n`;
      const { records, problems, summary } = await collect(bytes(file), 'regions');
      expect(codes(records)).toEqual(['Y54']);
      expect(problems).toEqual([
        {
          kind: 'problem',
          row: 3,
          reason: 'line 3 has more than 1000 fields: not a CSV file of this format',
          fatal: true,
        },
      ]);
      expect(summary.fatal).toMatch(/more than 1000 fields/);
    });

    it('a line of ten million commas is refused without building the record', async () => {
      const { summary } = await collect(bytes(`code,name\n${','.repeat(10_000_000)}\n`), 'regions');
      expect(summary.fatal).toBe('line 2 has more than 1000 fields: not a CSV file of this format');
    });

    it('an absurdly long field stops the parse with one problem', async () => {
      const file = `code,name\nY54,North\nY55,${'m'.repeat(1_000_000)}\nY56,London\n`;
      const { records, problems } = await collect(bytes(file), 'regions');
      expect(codes(records)).toEqual(['Y54']);
      expect(problems).toEqual([
        {
          kind: 'problem',
          row: 3,
          reason: 'a record is longer than 65536 characters (an unclosed quote, or not a CSV file)',
          fatal: true,
        },
      ]);
    });

    it('an unclosed quote stops the parse: in a big file at the record limit, in a small one at its end', async () => {
      const big = `code,name\nY54,"North\n${'Y55,Midlands\n'.repeat(20_000)}`;
      const first = await collect(bytes(big), 'regions');
      expect(first.records).toEqual([]);
      expect(first.summary.fatal).toMatch(/longer than 65536 characters/);
      // The rows after the quote were swallowed by it: the file cannot be read as a whole.
      const small = await collect(bytes('code,name\nY54,North\nY56,"London\nY57,South\n'), 'regions');
      expect(codes(small.records)).toEqual(['Y54']);
      expect(small.problems).toEqual([
        { kind: 'problem', row: 3, reason: 'a quoted field is not closed before the end of the file', fatal: true },
      ]);
      expect(small.summary.fatal).toBe('a quoted field is not closed before the end of the file');
    });

    it('stops after maxProblems rows with problems (the wrong file for the format)', async () => {
      const { problems, summary } = await collect(fixture('ccgs.csv'), 'regions', { maxProblems: 3 });
      expect(problems.filter((p) => !p.fatal)).toHaveLength(3);
      expect(problems[problems.length - 1]).toEqual({
        kind: 'problem',
        row: 0,
        fatal: true,
        reason: 'stopped after 3 rows with problems: is this the right file and format (regions)?',
      });
      expect(summary).toMatchObject({ rowsRead: 3, rowsWithProblems: 3 });
    });

    it('a stream that fails mid-way gives the rows before and a fatal problem', async () => {
      let fail = () => undefined as void;
      let reads = 0;
      const source = new Readable({
        read() {
          if (reads++ === 0) this.push('code,name\nY54,North\nY55,Mid');
          else fail = () => this.destroy(new Error('disk on fire'));
        },
      });
      const events = [];
      for await (const event of parseFile(source, 'regions', { today: '2025-01-01' })) {
        events.push(event);
        if (event.kind === 'record') setImmediate(() => fail());
      }
      expect(events.map((e) => e.kind)).toEqual(['record', 'problem', 'summary']);
      expect(events[0]).toMatchObject({ row: 2, record: { code: 'Y54' } });
      expect(events[1]).toEqual({
        kind: 'problem',
        row: 0,
        reason: 'the file could not be read: disk on fire',
        fatal: true,
      });
    });

    it('an unknown format is a programming error', () => {
      expect(() => parseFile(bytes(''), 'xlsx' as never, { today: '2025-01-01' })).toThrow(
        'unknown import format: xlsx',
      );
    });
  });
});
