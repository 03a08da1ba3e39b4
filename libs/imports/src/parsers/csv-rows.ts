import { CsvError, parse, Parser } from 'csv-parse';
import { InputDecoder, InputRejectedError } from './decode';

/**
 * Streams raw CSV rows out of a byte stream with csv-parse, one source chunk at a time: the next chunk is
 * only read when the consumer has taken every row of the previous one, so backpressure reaches the source
 * and memory stays flat whatever the file size. Rows carry the 1-based line where they start.
 */
export type CsvItem =
  | { kind: 'row'; line: number; fields: string[] }
  | { kind: 'error'; line: number; reason: string }
  | { kind: 'fatal'; line: number; reason: string };

export interface CsvLimits {
  maxRecordSize: number;
  maxColumns: number;
}

const SLICE = 64 * 1024;

/**
 * Counts the fields of the current record, quote-aware, before csv-parse sees the bytes: a line of a
 * million commas would otherwise become a million-element array (csv-parse's `max_record_size` only counts
 * field characters). Also counts lines, for the message.
 */
class FieldCountGuard {
  private state = 0; // 0 unquoted, 1 inside quotes, 2 quote seen inside quotes
  private fieldStart = true;
  private fields = 1;
  private breaks = 0;
  private prevCR = false;
  failure: string | null = null;
  failureLine = 0;

  constructor(private readonly max: number) {}

  /** -1 when the bytes are fine, else the offset where the record with too many fields starts (0 if earlier). */
  scan(bytes: Buffer): number {
    let recordStart = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if ((b === 0x0a && !this.prevCR) || b === 0x0d) this.breaks++;
      this.prevCR = b === 0x0d;
      if (this.state === 1) {
        if (b === 0x22) this.state = 2;
        continue;
      }
      if (this.state === 2) {
        if (b === 0x22) {
          this.state = 1;
          continue;
        }
        this.state = 0;
      }
      if (b === 0x22 && this.fieldStart) {
        this.state = 1;
      } else if (b === 0x2c) {
        this.fieldStart = true;
        if (++this.fields > this.max) {
          this.failureLine = this.breaks + 1;
          this.failure = `line ${this.failureLine} has more than ${this.max} fields: not a CSV file of this format`;
          return recordStart;
        }
      } else if (b === 0x0a || b === 0x0d) {
        this.fieldStart = true;
        this.fields = 1;
        recordStart = i + 1;
      } else {
        this.fieldStart = false;
      }
    }
    return -1;
  }
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new InputRejectedError('the input stream did not give bytes or text');
}

/** A csv-parse error as a problem at `line`, the line where the record being read starts. */
function describe(err: unknown, line: number, limits: CsvLimits): { line: number; reason: string } {
  switch ((err as CsvError)?.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return { line, reason: `a record is longer than ${limits.maxRecordSize} characters (an unclosed quote, or not a CSV file)` };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line, reason: 'a quoted field is not closed before the end of the file' };
    default:
      return { line, reason: `unreadable CSV: ${String((err as Error)?.message ?? err)}` };
  }
}

/** Physical lines a record spans beyond its first: line breaks kept inside its quoted fields. */
function innerBreaks(fields: string[]): number {
  let n = 0;
  for (const field of fields) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    n += field.match(/\r\n|\r|\n/g)!.length;
  }
  return n;
}

/**
 * Yields the rows of `source` in batches, one batch per slice of at most 64 KiB; a fatal item, if any,
 * ends the last batch. Line numbers are counted from the records themselves (every line break outside
 * quotes ends a record, and blank lines are records too), so they are exact with any line ends.
 */
export async function* readCsvRows(source: AsyncIterable<unknown>, decoder: InputDecoder, limits: CsvLimits): AsyncGenerator<CsvItem[]> {
  let out: CsvItem[] = [];
  let nextLine = 1;
  const skipped: unknown[] = [];
  const guard = new FieldCountGuard(limits.maxColumns);
  const parser: Parser = parse({
    bom: false, // stripped by the decoder
    relax_column_count: true, // column counts are checked per format, as row problems
    relax_quotes: true,
    skip_records_with_error: true, // in practice only "quote not closed" at the end of the input
    max_record_size: limits.maxRecordSize,
    record_delimiter: ['\r\n', '\n', '\r'],
    on_skip: (err) => {
      if (err?.code === 'CSV_MAX_RECORD_SIZE') throw err; // csv-parse would report it for every further byte
      skipped.push(err);
      return undefined;
    },
  });
  parser.on('data', (fields: string[]) => {
    out.push({ kind: 'row', line: nextLine, fields });
    nextLine += 1 + innerBreaks(fields);
  });
  parser.on('error', () => undefined); // errors arrive through the write/end callbacks below

  const take = () => {
    const batch = out;
    out = [];
    return batch;
  };
  const write = (bytes: Buffer) => new Promise<unknown>((resolve) => parser.write(bytes, (err) => resolve(err)));
  const finish = () =>
    new Promise<unknown>((resolve) => {
      parser.once('end', () => resolve(undefined));
      parser.once('error', (err) => resolve(err));
      parser.end();
    });
  const fatal = (err: unknown): CsvItem =>
    err instanceof InputRejectedError ? { kind: 'fatal', line: 0, reason: err.message } : { kind: 'fatal', ...describe(err, nextLine, limits) };
  const tooWide = (): CsvItem => ({ kind: 'fatal', line: guard.failureLine, reason: guard.failure! });

  try {
    let readError: unknown;
    try {
      for await (const chunk of source) {
        const bytes = decoder.push(toBuffer(chunk));
        for (let at = 0; at < bytes.length; at += SLICE) {
          const slice = bytes.subarray(at, at + SLICE);
          const cut = guard.scan(slice);
          const err = await write(cut < 0 ? slice : slice.subarray(0, cut));
          // Too many fields: the rows before that record are complete, flush them out first.
          const endErr = !err && cut >= 0 ? await finish() : undefined;
          if (err || endErr || cut >= 0) {
            yield [...take(), err || endErr ? fatal(err ?? endErr) : tooWide()];
            return;
          }
          if (out.length) yield take();
        }
      }
    } catch (err) {
      readError = err;
    }
    if (readError !== undefined) {
      const known = readError instanceof InputRejectedError || readError instanceof CsvError;
      const reason = `the file could not be read: ${String((readError as Error)?.message ?? readError)}`;
      yield [...take(), known ? fatal(readError) : { kind: 'fatal', line: 0, reason }];
      return;
    }
    const tail = decoder.end();
    const cut = guard.scan(tail);
    const err = tail.length ? await write(cut < 0 ? tail : tail.subarray(0, cut)) : undefined;
    const endErr = err ? undefined : await finish();
    const last = take();
    for (const e of skipped) last.push({ kind: 'error', ...describe(e, nextLine, limits) });
    if (err || endErr) last.push(fatal(err ?? endErr));
    else if (cut >= 0) last.push(tooWide());
    yield last;
  } catch (err) {
    // decoder.end() on the last bytes
    yield [...take(), fatal(err)];
  } finally {
    parser.destroy();
  }
}
