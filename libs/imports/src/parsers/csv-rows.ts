import { StringDecoder } from 'node:string_decoder';
import { CsvRecord, CsvTokenizer } from './csv-tokenizer';
import { InputDecoder, InputRejectedError } from './decode';

/**
 * Streams raw CSV rows out of a byte stream, one source chunk at a time: the next chunk is only read when
 * the consumer has taken every row of the previous one, so backpressure reaches the source and memory
 * stays flat whatever the file size. Rows carry the 1-based line where they start.
 */
export type CsvItem =
  CsvRecord | { kind: 'error'; line: number; reason: string } | { kind: 'fatal'; line: number; reason: string };

export interface CsvLimits {
  maxRecordSize: number;
  maxColumns: number;
}

const SLICE = 64 * 1024;

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new InputRejectedError('the input stream did not give bytes or text');
}

/**
 * Yields the rows of `source` in batches, one batch per slice of at most 64 KiB; a fatal item, if any,
 * ends the last batch (after the complete rows before it). Line numbers are physical lines, counted by
 * the tokenizer (line breaks inside quoted fields included), so they are exact with any line ends.
 */
export async function* readCsvRows(
  source: AsyncIterable<unknown>,
  decoder: InputDecoder,
  limits: CsvLimits,
): AsyncGenerator<CsvItem[]> {
  const tokenizer = new CsvTokenizer(limits.maxRecordSize, limits.maxColumns);
  // The decoder hands out whole UTF-8 characters per chunk; slices of a chunk may still cut one.
  const text = new StringDecoder('utf8');
  /** Tokenizes `bytes`; the batch of its rows, ending with a fatal item when a limit was hit. */
  const feed = (bytes: Buffer): { batch: CsvItem[]; stop: boolean } => {
    const batch: CsvItem[] = [];
    const ok = tokenizer.push(text.write(bytes), batch as CsvRecord[]);
    if (!ok) batch.push({ kind: 'fatal', ...tokenizer.limitHit! });
    return { batch, stop: !ok };
  };

  try {
    for await (const chunk of source) {
      const bytes = decoder.push(toBuffer(chunk));
      for (let at = 0; at < bytes.length; at += SLICE) {
        const { batch, stop } = feed(bytes.subarray(at, at + SLICE));
        if (batch.length) yield batch;
        if (stop) return;
      }
    }
  } catch (err) {
    const reason =
      err instanceof InputRejectedError
        ? err.message
        : `the file could not be read: ${String((err as Error)?.message ?? err)}`;
    yield [{ kind: 'fatal', line: 0, reason }];
    return;
  }
  let tail: Buffer;
  try {
    tail = decoder.end();
  } catch (err) {
    yield [{ kind: 'fatal', line: 0, reason: (err as Error).message }];
    return;
  }
  const { batch, stop } = feed(tail);
  if (stop) {
    yield batch;
    return;
  }
  const out: CsvRecord[] = [];
  const unclosed = tokenizer.push(text.end(), out) ? tokenizer.end(out) : null;
  const last = [...batch, ...out];
  if (tokenizer.limitHit) last.push({ kind: 'fatal', ...tokenizer.limitHit });
  // Fatal, not a row problem: everything after the quote was read as that one field, so the rows it
  // swallowed are neither imported nor reported (partial mode would call the rest of the file a success).
  else if (unclosed) last.push({ kind: 'fatal', ...unclosed });
  yield last;
}
