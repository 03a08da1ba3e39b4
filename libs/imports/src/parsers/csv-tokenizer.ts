/**
 * A streaming RFC 4180 tokenizer for the parsers, written for speed: csv-parse spent about four times as long
 * as PostgreSQL's own COPY on the same file, which made an import's goal of 40 % of COPY out of reach.
 * Text goes in chunk by chunk (any cut, even inside a quote or between CR and LF); complete records come
 * out with the physical line where they start.
 *
 * Dialect (what csv-parse did with the options the parsers used): comma separator, `"` quotes with `""` as
 * an escaped quote, records end at CRLF, LF or CR; a quote only opens a quoted field at the start of the
 * field (elsewhere it is an ordinary character); text after a closing quote is kept (`"ab"c` → `abc`);
 * a blank line is the record `['']`; rows may have any number of fields.
 *
 * Limits stop the tokenizer with a fatal reason instead of building huge values: more than `maxColumns`
 * fields in a record, or more than `maxRecordSize` characters in one (an unclosed quote, or not a CSV).
 */
/** A record as `readCsvRows` hands it on (`kind` included, so it is not copied into another object). */
export interface CsvRecord {
  kind: 'row';
  line: number;
  fields: string[];
}

export type CsvLimitHit = { line: number; reason: string };

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class CsvTokenizer {
  private fields: string[] = [];
  private field = '';
  private recordChars = 0;
  private fieldStart = true;
  private quoted = false;
  /** A quote ended the last chunk inside a quoted field: `""` or the closing quote, the next chunk says. */
  private quoteAtEnd = false;
  /** The last chunk ended with CR: a LF starting the next chunk belongs to the same line break. */
  private crAtEnd = false;
  /** Inside quotes, whether the last character seen was CR (for counting CRLF as one line). */
  private quotedCr = false;
  private line = 1;
  private recordLine = 1;
  /** Set once a limit is hit; the tokenizer then ignores further input. */
  limitHit: CsvLimitHit | null = null;

  constructor(
    private readonly maxRecordSize: number,
    private readonly maxColumns: number,
  ) {}

  /** The line where the record being read starts (the next record's line between records). */
  get currentLine(): number {
    return this.recordLine;
  }

  /** Tokenizes `text`, pushing complete records to `out`. Returns false once a limit is hit. */
  push(text: string, out: CsvRecord[]): boolean {
    if (this.limitHit) return false;
    const n = text.length;
    let i = 0;
    if (this.crAtEnd) {
      this.crAtEnd = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    if (this.quoteAtEnd && n > 0) {
      this.quoteAtEnd = false;
      if (text.charCodeAt(0) === QUOTE) {
        this.field += '"';
        this.quotedCr = false;
        i++;
      } else this.quoted = false;
    }
    while (i < n) {
      if (this.quoted) {
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        if (end > i) {
          this.countQuotedBreaks(text, i, end);
          this.field += text.slice(i, end);
        }
        if (q === -1 || q + 1 === n) {
          this.quoteAtEnd = q !== -1;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          this.quotedCr = false;
          i = q + 2;
        } else {
          this.quoted = false;
          i = q + 1;
        }
        continue;
      }
      if (this.fieldStart && text.charCodeAt(i) === QUOTE) {
        this.quoted = true;
        this.quotedCr = false;
        this.fieldStart = false;
        i++;
        continue;
      }
      let j = i;
      let c = 0;
      for (; j < n; j++) {
        c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
      }
      if (j > i) {
        this.field = this.field === '' ? text.slice(i, j) : this.field + text.slice(i, j);
        this.fieldStart = false;
      }
      if (j === n) break;
      if (!this.endField()) return false;
      if (c === COMMA) {
        this.fieldStart = true;
        i = j + 1;
        continue;
      }
      // A line break ends the record.
      out.push({ kind: 'row', line: this.recordLine, fields: this.fields });
      this.fields = [];
      this.recordChars = 0;
      this.fieldStart = true;
      this.line++;
      this.recordLine = this.line;
      i = j + 1;
      if (c === CR) {
        if (i < n) {
          if (text.charCodeAt(i) === LF) i++;
        } else this.crAtEnd = true;
      }
    }
    if (this.recordChars + this.field.length > this.maxRecordSize) return this.tooLong();
    return true;
  }

  /**
   * Ends the input: the last record if the text did not end with a line break. Returns an unclosed
   * quote as a problem of the record's line (the record itself is dropped), or null.
   */
  end(out: CsvRecord[]): CsvLimitHit | null {
    if (this.limitHit) return null;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.quoted = false;
    }
    if (this.quoted)
      return { line: this.recordLine, reason: 'a quoted field is not closed before the end of the file' };
    if (this.fields.length > 0 || this.field !== '' || !this.fieldStart) {
      if (!this.endField()) return null;
      out.push({ kind: 'row', line: this.recordLine, fields: this.fields });
      this.fields = [];
    }
    return null;
  }

  private endField(): boolean {
    this.recordChars += this.field.length;
    if (this.recordChars > this.maxRecordSize) return this.tooLong();
    if (this.fields.length >= this.maxColumns) {
      this.limitHit = {
        line: this.recordLine,
        reason: `line ${this.recordLine} has more than ${this.maxColumns} fields: not a CSV file of this format`,
      };
      return false;
    }
    this.fields.push(this.field);
    this.field = '';
    return true;
  }

  private tooLong(): false {
    this.limitHit = {
      line: this.recordLine,
      reason: `a record is longer than ${this.maxRecordSize} characters (an unclosed quote, or not a CSV file)`,
    };
    return false;
  }

  /** Line breaks kept inside a quoted field still count as physical lines (CRLF once). */
  private countQuotedBreaks(text: string, from: number, to: number): void {
    if (text.indexOf('\n', from) === -1 && text.indexOf('\r', from) === -1) {
      if (to > from) this.quotedCr = false;
      return;
    }
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === CR) this.line++;
      else if (c === LF && !this.quotedCr) this.line++;
      this.quotedCr = c === CR;
    }
  }
}
