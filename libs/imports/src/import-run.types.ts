import type { ServiceName } from './parsers';

/** What the sender chose for a run (stored with it; the worker reads them back). */
export interface ImportOptions {
  /** Commit the valid rows and report the others; default false: any problem rejects the whole file. */
  partial?: boolean;
  /** `list-size-quarterly`: the date the list sizes apply from (`YYYY-MM-DD`). */
  effectiveDate?: string;
  /** `pomi-wide`: the service the file is about. */
  service?: ServiceName;
  /** `pomi-long`: also import `Patient_List_Size` rows as list sizes. */
  includeListSizes?: boolean;
  encoding?: 'auto' | 'utf-8' | 'windows-1252';
}

/** A problem with a row (row 0: the file as a whole). */
export interface ImportProblem {
  row: number;
  column?: string;
  value?: string;
  reason: string;
}

export interface ChangeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** What an import changed, by kind of data; only the kinds the format carries are present. */
export interface ImportChanges {
  regions?: ChangeCounts;
  ccgs?: ChangeCounts;
  onsCcgCodes?: ChangeCounts;
  practices?: ChangeCounts;
  listSizes?: ChangeCounts;
  /** `updated` is never used: events are append-only; `unchanged` = rows whose level was already so. */
  statusEvents?: ChangeCounts;
  /** POMI files name each practice's clinical system; `updated` = practices whose system changed. */
  clinicalSystems?: ChangeCounts;
}

export interface ImportSummary {
  changes: ImportChanges;
  /** Rows left out on purpose, by reason (e.g. "not a GP practice"). */
  skipped: Record<string, number>;
  encoding: 'utf-8' | 'windows-1252';
  bomStripped: boolean;
  notes: string[];
  /** Time spent processing (parse, checks, writes), not waiting in the queue. */
  durationMs: number;
}
