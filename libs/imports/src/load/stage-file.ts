import type { ReadStream } from 'node:fs';
import type { ImportProblem } from '../import-run.types';
import { ImportFormat, ParseOptions, ParseSummary, parseFileBatches } from '../parsers';
import type { StageWriter } from './stage-writer';

export interface StagedFile {
  summary: ParseSummary;
  /** The parser's problems, in file order: the first `keep` rows' and every problem of the whole file (row 0). */
  problems: ImportProblem[];
  /** Records written to the stage. */
  staged: number;
  /** The line where the last row read starts (where the parser stopped, when it stopped early). */
  lastLine: number;
}

/**
 * Streams a file through its parser into the stage: records go to COPY, problems are kept (the first
 * `keep`), and `onProgress` hears how many bytes and lines were read after each slice. Never more than one slice
 * of the file in memory. The COPY is cancelled if anything throws, so the transaction can roll back.
 */
export async function stageFile(
  source: ReadStream,
  format: ImportFormat,
  options: ParseOptions,
  writer: StageWriter,
  onProgress: (bytesRead: number, linesRead: number) => void,
  keep: number,
): Promise<StagedFile> {
  const problems: ImportProblem[] = [];
  let summary: ParseSummary | undefined;
  let line = 0;
  try {
    for await (const batch of parseFileBatches(source, format, options)) {
      for (const event of batch) {
        if (event.kind !== 'summary' && event.row > line) line = event.row;
        if (event.kind === 'record') writer.add(event.row, event.record);
        else if (event.kind === 'problem') {
          // A problem of the whole file (row 0, e.g. "stopped after 1,000 rows with problems") comes
          // last but says why the file ended: always kept, and sorted first in the run's list.
          if (problems.length < keep || event.row === 0) {
            const { row, column, value, reason } = event;
            problems.push({
              row,
              ...(column !== undefined ? { column } : {}),
              ...(value !== undefined ? { value } : {}),
              reason,
            });
          }
        } else summary = event.summary;
      }
      await writer.flush();
      onProgress(source.bytesRead, line);
    }
    await writer.end();
  } catch (err) {
    await writer.abort(err as Error);
    throw err;
  }
  if (!summary) throw new Error('the parser ended without a summary');
  return { summary, problems, staged: writer.count, lastLine: line };
}
