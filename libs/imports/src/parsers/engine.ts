import type { Readable } from 'node:stream';
import { readCsvRows } from './csv-rows';
import { InputDecoder } from './decode';
import type { ImportFormat, ParseEvent, ParseOptions, ParseSummary, ProblemEvent } from './types';
import { Check, truncate } from './validate';

/**
 * The shared core: turns CSV rows into record / problem events for one format described by a FormatSpec,
 * checks the header (or the fixed column count of a headerless file), counts what it skips, stops on
 * fatal input, and ends with a summary event.
 */
export interface ColumnSpec {
  key: string;
  /** Header names accepted for this column; compared ignoring case, spaces and punctuation. */
  names: string[];
}

export type ResolvedOptions = Required<Omit<ParseOptions, 'effectiveDate' | 'service'>> &
  Pick<ParseOptions, 'effectiveDate' | 'service'>;

export interface RowContext<T> {
  readonly line: number;
  /** The field of a column, untrimmed ('' when the file has no such column). */
  get(key: string): string;
  has(key: string): boolean;
  /** Runs a check on a column's field; on failure records a problem naming the column and value. */
  check<V>(key: string, fn: (raw: string) => Check<V>): V | undefined;
  problem(key: string | undefined, reason: string, value?: string): void;
  record(record: T): void;
  /** Leaves the row out on purpose (not a problem), counted under `reason` in the summary. */
  skip(reason: string): void;
}

export interface FormatSpec<T> {
  format: ImportFormat;
  /** Headerless files: a label per column, e.g. `column 15 (ccg code)`. */
  fixedColumns?: { key: string; label: string }[];
  required?: ColumnSpec[];
  optional?: ColumnSpec[];
  /** Returns a message when the options do not suit the format (the file is then not read). */
  checkOptions?(options: ResolvedOptions): string | null;
  row(ctx: RowContext<T>, options: ResolvedOptions): void;
}

export const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9+]/g, '');

export function resolveOptions(options: ParseOptions): ResolvedOptions {
  return {
    ...options,
    includeListSizes: options.includeListSizes ?? false,
    encoding: options.encoding ?? 'auto',
    maxRecordSize: options.maxRecordSize ?? 65_536,
    maxColumns: options.maxColumns ?? 1_000,
    maxProblems: options.maxProblems ?? 1_000,
  };
}

const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');

/**
 * The RowContext handed to a format's `row()`: one object per parse, reset for each row (no closures
 * allocated per row, which showed in the profile of million-row files).
 */
class RowState<T> implements RowContext<T> {
  line = 0;
  skipped: string | null = null;
  readonly problems: ProblemEvent[] = [];
  readonly records: T[] = [];
  private fields: string[] = [];
  private cols: Map<string, number> = new Map();

  constructor(private readonly labels: Map<string, string>) {}

  reset(line: number, fields: string[], cols: Map<string, number>): this {
    this.line = line;
    this.fields = fields;
    this.cols = cols;
    this.skipped = null;
    this.problems.length = 0;
    this.records.length = 0;
    return this;
  }

  get(key: string): string {
    return this.fields[this.cols.get(key) ?? -1] ?? '';
  }

  has(key: string): boolean {
    return this.cols.has(key);
  }

  check<V>(key: string, fn: (raw: string) => Check<V>): V | undefined {
    const result = fn(this.get(key));
    if (result.ok) return result.value;
    this.problem(key, result.reason);
    return undefined;
  }

  problem(key: string | undefined, reason: string, value?: string): void {
    const v = value ?? (key === undefined ? undefined : this.get(key));
    this.problems.push({
      kind: 'problem',
      row: this.line,
      ...(key === undefined ? {} : { column: this.labels.get(key) ?? key }),
      ...(v === undefined ? {} : { value: truncate(v) }),
      reason,
    });
  }

  record(record: T): void {
    this.records.push(record);
  }

  skip(reason: string): void {
    this.skipped = reason;
  }
}

/** Column positions by key, or the list of missing required columns. */
function matchHeader<T>(spec: FormatSpec<T>, header: string[]): { index: Map<string, number> } | { missing: string[] } {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const n = normaliseHeader(name);
    if (!positions.has(n)) positions.set(n, i);
  });
  const index = new Map<string, number>();
  const missing: string[] = [];
  for (const [columns, required] of [
    [spec.required ?? [], true],
    [spec.optional ?? [], false],
  ] as const) {
    for (const column of columns) {
      const at = column.names.map((name) => positions.get(normaliseHeader(name))).find((i) => i !== undefined);
      if (at !== undefined) index.set(column.key, at);
      else if (required) missing.push(column.names.join(' or '));
    }
  }
  return missing.length ? { missing } : { index };
}

/**
 * Runs one format over a byte stream, yielding its events in batches (one per slice of input read);
 * the last batch ends with the summary event.
 */
export async function* runFormatBatches<T>(
  source: Readable,
  spec: FormatSpec<T>,
  options: ParseOptions,
): AsyncGenerator<ParseEvent<T>[], void, undefined> {
  const opts = resolveOptions(options);
  const decoder = new InputDecoder(opts.encoding);
  const summary: ParseSummary = {
    format: spec.format,
    rowsRead: 0,
    records: 0,
    rowsWithProblems: 0,
    problems: 0,
    skipped: {},
    blankLines: 0,
    encoding: decoder.encoding,
    bomStripped: false,
    header: null,
    fatal: null,
    notes: decoder.notes,
  };
  const done = (): ParseEvent<T> => {
    summary.encoding = decoder.encoding;
    summary.bomStripped = decoder.bomStripped;
    return { kind: 'summary', summary };
  };
  const stop = (row: number, reason: string): ProblemEvent => {
    summary.fatal = reason;
    summary.problems++;
    return { kind: 'problem', row, reason, fatal: true };
  };

  const optionError = spec.checkOptions?.(opts) ?? null;
  if (optionError) {
    source.destroy();
    yield [stop(0, optionError), done()];
    return;
  }

  const fixed = spec.fixedColumns;
  let index: Map<string, number> | null = fixed ? new Map(fixed.map((c, i) => [c.key, i])) : null;
  const labels = new Map<string, string>(fixed?.map((c) => [c.key, c.label]) ?? []);
  let width = fixed?.length ?? 0;
  // A row may stop short of the header when only optional columns are missing (a status CSV without
  // its trailing note, as a spreadsheet saves it): those read as empty.
  let minWidth = width;
  const rowState = new RowState<T>(labels);

  /** Handles one CSV row; returns false when the parse must stop. */
  const handle = (line: number, fields: string[], events: ParseEvent<T>[]): boolean => {
    if (isBlank(fields)) {
      summary.blankLines++;
      return true;
    }
    if (!index) {
      const header = fields.map((f) => f.trim());
      summary.header = header;
      const matched = matchHeader(spec, header);
      if ('missing' in matched) {
        const found = header
          .slice(0, 20)
          .map((h) => truncate(h, 40))
          .join(', ');
        const separator = header.length === 1 ? /[;\t|]/.exec(header[0])?.[0] : undefined;
        const hint = separator
          ? `; the file seems to separate fields with ${JSON.stringify(separator)}, not commas`
          : '';
        events.push(
          stop(
            line,
            `header not recognised for ${spec.format}: missing column(s) ${matched.missing.join('; ')} ` +
              `(found: ${found})${hint}`,
          ),
        );
        return false;
      }
      index = matched.index;
      for (const [key, i] of index) labels.set(key, header[i]);
      width = header.length;
      minWidth = 1 + Math.max(...(spec.required ?? []).map((c) => index!.get(c.key) ?? 0));
      return true;
    }
    summary.rowsRead++;
    const extra = fields.length > width && isBlank(fields.slice(width));
    const row = rowState.reset(line, fields, index);
    const { problems, records } = row;
    const short = fields.length < width && fields.length >= minWidth;
    if (fields.length !== width && !extra && !short) {
      if (fixed && summary.rowsRead === 1) {
        events.push(
          stop(line, `not in the ${spec.format} layout: the first row has ${fields.length} fields, expected ${width}`),
        );
        return false;
      }
      problems.push({ kind: 'problem', row: line, reason: `the row has ${fields.length} fields, expected ${width}` });
    } else {
      spec.row(row, opts);
    }
    if (problems.length) {
      summary.rowsWithProblems++;
      summary.problems += problems.length;
      events.push(...problems);
      if (opts.maxProblems > 0 && summary.rowsWithProblems >= opts.maxProblems) {
        events.push(
          stop(
            0,
            `stopped after ${opts.maxProblems} rows with problems: is this the right file and format (${spec.format})?`,
          ),
        );
        return false;
      }
    } else if (row.skipped !== null) {
      summary.skipped[row.skipped] = (summary.skipped[row.skipped] ?? 0) + 1;
    } else {
      for (const record of records) {
        summary.records++;
        events.push({ kind: 'record', row: line, record });
      }
    }
    return true;
  };

  let stopped = false;
  for await (const batch of readCsvRows(source, decoder, opts)) {
    const events: ParseEvent<T>[] = [];
    for (const item of batch) {
      if (item.kind === 'row') stopped = !handle(item.line, item.fields, events);
      else if (item.kind === 'fatal') {
        events.push(stop(item.line, item.reason));
        stopped = true;
      } else {
        summary.rowsRead++;
        summary.rowsWithProblems++;
        summary.problems++;
        events.push({ kind: 'problem', row: item.line, reason: item.reason });
      }
      if (stopped) break;
    }
    if (stopped) {
      events.push(done());
      yield events;
      return;
    }
    if (events.length) yield events;
  }
  const last: ParseEvent<T>[] = [];
  if (!index || (summary.rowsRead === 0 && fixed)) last.push(stop(0, 'the file is empty'));
  else if (summary.rowsRead === 0) last.push(stop(0, 'no data rows: the file has a header only'));
  last.push(done());
  yield last;
}
