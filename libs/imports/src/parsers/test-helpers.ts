import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Clock, DEFAULT_TIME_ZONE } from '@app/domain';
import { parseFile } from './index';
import type { FormatRecordMap, ImportFormat, ParseOptions, ParseSummary, ProblemEvent, RecordEvent } from './types';

/** Helpers for the parser specs only. */
export const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'imports');

export function fixture(name: string): Readable {
  return createReadStream(join(FIXTURES, name));
}

/** A byte stream of `content`, handed out in chunks of `chunkSize` bytes (to cut rows and characters). */
export function bytes(content: string | Buffer, chunkSize = 64 * 1024): Readable {
  const all = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const chunks: Buffer[] = [];
  for (let at = 0; at < all.length; at += chunkSize) chunks.push(all.subarray(at, at + chunkSize));
  return Readable.from(chunks, { objectMode: false });
}

export interface Collected<T> {
  records: RecordEvent<T>[];
  problems: ProblemEvent[];
  summary: ParseSummary;
  /** Event kinds in order, to check that the summary comes last and once. */
  kinds: string[];
}

export async function collect<F extends ImportFormat>(
  stream: Readable,
  format: F,
  options: Partial<ParseOptions> = {},
): Promise<Collected<FormatRecordMap[F]>> {
  const records: RecordEvent<FormatRecordMap[F]>[] = [];
  const problems: ProblemEvent[] = [];
  const kinds: string[] = [];
  let summary: ParseSummary | undefined;
  for await (const event of parseFile(stream, format, { today: new Clock(DEFAULT_TIME_ZONE).today(), ...options })) {
    kinds.push(event.kind);
    if (event.kind === 'record') records.push(event);
    else if (event.kind === 'problem') problems.push(event);
    else summary = event.summary;
  }
  if (!summary) throw new Error('no summary event');
  return { records, problems, summary, kinds };
}
