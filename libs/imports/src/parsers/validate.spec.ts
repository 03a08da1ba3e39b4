import { isCalendarDate, LEVELS, SERVICES } from '@app/domain';
import { firstInvalidUtf8, InputDecoder, InputRejectedError, windows1252ToUtf8 } from './decode';
import {
  calendarDate,
  integer,
  level,
  parseDate,
  postcode,
  practiceCode,
  requiredText,
  service,
  supplier,
  truncate,
} from './validate';

describe('field rules', () => {
  it('take every service and level of the domain, and the calendar dates the API takes', () => {
    for (const s of SERVICES) expect(service(s)).toEqual({ ok: true, value: s });
    LEVELS.forEach((l, i) => {
      expect(level(l)).toEqual({ ok: true, value: l });
      expect(level(String(i))).toEqual({ ok: true, value: l });
    });
    for (const date of [
      '2014-02-28',
      '2016-02-29',
      '2014-02-29',
      '2014-02-30',
      '2014-04-31',
      '2014-13-01',
      '1899-12-31',
      '2014-00-10',
    ]) {
      const ours = parseDate(date, ['YYYY-MM-DD']);
      expect([date, ours.ok]).toEqual([date, isCalendarDate(date)]);
    }
  });

  it('postcodes as the API takes them (empty is none); names at most 200 characters', () => {
    expect(postcode(' ts6   0ha ')).toEqual({ ok: true, value: 'TS6 0HA' });
    expect(postcode('')).toEqual({ ok: true, value: null });
    for (const bad of ['NOT A PC', 'TS6 0HAX', '12345']) expect(postcode(bad).ok).toBe(false);
    expect(requiredText('x'.repeat(200), 'name').ok).toBe(true);
    expect(requiredText('x'.repeat(201), 'name')).toEqual({ ok: false, reason: 'name is longer than 200 characters' });
  });

  it('practice codes: trimmed, upper-cased, a letter and five digits', () => {
    expect(practiceCode(' a81001 ')).toEqual({ ok: true, value: 'A81001' });
    for (const bad of ['A8100', 'A810011', '181001', 'AA1001', 'A8100O', '']) expect(practiceCode(bad).ok).toBe(false);
  });

  it('dates: every layout, real calendar dates only', () => {
    expect(parseDate('19740401', ['YYYYMMDD'])).toEqual({ ok: true, value: '1974-04-01' });
    expect(parseDate('30/04/2015', ['DD/MM/YYYY'])).toEqual({ ok: true, value: '2015-04-30' });
    expect(parseDate('1/4/2015', ['DD/MM/YYYY'])).toEqual({ ok: true, value: '2015-04-01' });
    expect(parseDate('01jan2021', ['DDMONYYYY'])).toEqual({ ok: true, value: '2021-01-01' });
    expect(parseDate('29FEB2020', ['DDMONYYYY'])).toEqual({ ok: true, value: '2020-02-29' });
    expect(parseDate('29FEB2021', ['DDMONYYYY'])).toEqual({ ok: false, reason: 'no such day in that month' });
    expect(parseDate('31SPT2020', ['DDMONYYYY'])).toEqual({ ok: false, reason: 'no such month' });
    expect(parseDate('2014-02-30', ['YYYY-MM-DD'])).toEqual({ ok: false, reason: 'no such day in that month' });
    expect(parseDate('2014-2-3', ['YYYY-MM-DD', 'DD/MM/YYYY'])).toEqual({
      ok: false,
      reason: 'not a date (expected YYYY-MM-DD or DD/MM/YYYY)',
    });
    expect(parseDate('', ['YYYYMMDD'])).toEqual({ ok: false, reason: 'date is missing' });
    expect(calendarDate(2100, 2, 29).ok).toBe(false);
    expect(calendarDate(2000, 2, 29)).toEqual({ ok: true, value: '2000-02-29' });
  });

  it('integers: digits only, in range', () => {
    expect(integer('0', 0, 10)).toEqual({ ok: true, value: 0 });
    expect(integer(' 2000000 ', 0, 2_000_000)).toEqual({ ok: true, value: 2_000_000 });
    for (const bad of ['-1', '1.5', '1,000', '1e3', '0x10', 'NULL', '', '99999999999999999999'])
      expect(integer(bad, 0, 2_000_000).ok).toBe(false);
  });

  it('suppliers and truncation', () => {
    expect(['EMIS', 'EMIS Health', 'tpp', 'INPS', 'Vision', 'Microtest', 'NK', '', 'iSoft'].map(supplier)).toEqual([
      'EMIS',
      'EMIS',
      'TPP',
      'INPS',
      'INPS',
      'MICROTEST',
      'UNKNOWN',
      'UNKNOWN',
      'OTHER',
    ]);
    expect(truncate('x'.repeat(150))).toHaveLength(101);
    expect(truncate('short')).toBe('short');
  });
});

describe('input decoder', () => {
  it('maps the Windows-1252 high range', () => {
    expect(windows1252ToUtf8(Buffer.from([0x80, 0x92, 0x93, 0x94, 0x96, 0xa3, 0xe9])).toString()).toBe('€’“”–£é');
  });

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(Buffer.from('abc é 🏥'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0xa9, 0xe9, 0x61]))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });

  it('carries a character split across chunks and strips the BOM', () => {
    const decoder = new InputDecoder();
    const all = Buffer.from('\ufeffZoë 🏥\n');
    const out = [...all].map((b) => decoder.push(Buffer.from([b])));
    out.push(decoder.end());
    expect(Buffer.concat(out).toString()).toBe('Zoë 🏥\n');
    expect(decoder.bomStripped).toBe(true);
  });

  it('after a UTF-8 BOM, invalid UTF-8 is rejected rather than guessed', () => {
    const decoder = new InputDecoder();
    expect(() => {
      decoder.push(Buffer.from('\ufeffcode,name\n'));
      decoder.push(Buffer.from('Y54,Caf\xe9\n', 'latin1'));
    }).toThrow(InputRejectedError);
  });

  it('a truncated UTF-8 character at the very end is invalid UTF-8', () => {
    const strict = new InputDecoder('utf-8');
    strict.push(Buffer.from('code,name\nY54,Caf'));
    strict.push(Buffer.from([0xc3]));
    expect(() => strict.end()).toThrow('the file is not valid UTF-8 (byte 18)');
  });
});
