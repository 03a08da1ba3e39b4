import type { ClinicalSystem, Level, Service } from '@app/domain';
/**
 * Types shared by the streaming import parsers (see README.md in this folder for the formats).
 * The parsers are pure: no database, no Nest. Values follow the domain's rules (libs/domain):
 * upper-case ODS codes, `YYYY-MM-DD` calendar dates, the service and level words of DESIGN.md.
 */

export type ImportFormat =
  | 'epraccur'
  | 'regions'
  | 'ccgs'
  | 'ccg-lookup'
  | 'ccg-codes'
  | 'list-size-quarterly'
  | 'list-size-gp-reg'
  | 'pomi-wide'
  | 'pomi-long'
  | 'status-csv';

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'epraccur',
  'regions',
  'ccgs',
  'ccg-lookup',
  'ccg-codes',
  'list-size-quarterly',
  'list-size-gp-reg',
  'pomi-wide',
  'pomi-long',
  'status-csv',
];

/** The values of the domain's `Service`, `Level` and `ClinicalSystem` (libs/domain/src/words.ts). */
export type ServiceName = `${Service}`;
export type LevelName = `${Level}`;
export type SupplierName = `${ClinicalSystem}`;
export type PracticeStatus = 'A' | 'C' | 'D' | 'P';

export interface PracticeRecord {
  type: 'practice';
  code: string;
  name: string;
  postcode: string | null;
  regionCode: string;
  ccgCode: string;
  openedOn: string | null;
  closedOn: string | null;
  status: PracticeStatus;
}

export interface RegionRecord {
  type: 'region';
  code: string;
  name: string;
}

export interface CcgRecord {
  type: 'ccg';
  code: string;
  name: string;
  regionCode: string;
}

/** A row of the 2013 ONS lookup `CCG13_NHSAT13_NHSCR13_EW_LU.csv` (ONS codes only). */
export interface OnsCcgLookupRecord {
  type: 'ons-ccg-lookup';
  ccgOnsCode: string;
  ccgName: string;
  areaTeamOnsCode: string;
  areaTeamName: string;
  regionOnsCode: string;
  regionName: string;
  /** The ODS region code (Y54..Y57) of the region, or null when the ONS code is not a known 2013 region. */
  regionCode: string | null;
}

/** A row of `CCG_APR_2013.csv`: the ONS code and the 3-character ODS code of a CCG. */
export interface OnsCcgCodeRecord {
  type: 'ons-ccg-code';
  ccgOnsCode: string;
  ccgCode: string;
  ccgName: string;
}

export interface ListSizeRecord {
  type: 'list-size';
  practiceCode: string;
  effectiveDate: string;
  patients: number;
}

export interface StatusRecord {
  type: 'status';
  practiceCode: string;
  service: ServiceName;
  level: LevelName;
  effectiveDate: string;
  note?: string;
  supplier?: SupplierName;
  ccgCode?: string;
}

export interface FormatRecordMap {
  epraccur: PracticeRecord;
  regions: RegionRecord;
  ccgs: CcgRecord;
  'ccg-lookup': OnsCcgLookupRecord;
  'ccg-codes': OnsCcgCodeRecord;
  'list-size-quarterly': ListSizeRecord;
  'list-size-gp-reg': ListSizeRecord;
  'pomi-wide': StatusRecord;
  /** List-size records only with `includeListSizes: true`. */
  'pomi-long': StatusRecord | ListSizeRecord;
  'status-csv': StatusRecord;
}

export type AnyImportRecord = FormatRecordMap[ImportFormat];

export interface RecordEvent<T> {
  kind: 'record';
  /** 1-based line of the file where the row starts (the header is line 1). */
  row: number;
  record: T;
}

export interface ProblemEvent {
  kind: 'problem';
  /** 1-based line where the row starts; 0 for a problem with the file as a whole. */
  row: number;
  /** The column as named in the file's header (or `column 15 (ccg code)` for headerless files). */
  column?: string;
  /** The offending value, cut to 100 characters. */
  value?: string;
  reason: string;
  /** Set when this problem stopped the parse (the summary's `fatal` says the same). */
  fatal?: true;
}

export interface ParseSummary {
  format: ImportFormat;
  /** Data rows read: not the header, not blank lines. */
  rowsRead: number;
  records: number;
  /** Rows that produced at least one problem (and no record). */
  rowsWithProblems: number;
  /** Problem events yielded, file-level ones included. */
  problems: number;
  /** Rows left out on purpose (not problems), by reason, e.g. `{ 'not a GP practice': 4540 }`. */
  skipped: Record<string, number>;
  blankLines: number;
  /** How the bytes were read; `windows-1252` only after the fallback described in `notes`. */
  encoding: 'utf-8' | 'windows-1252';
  bomStripped: boolean;
  /** The header row as found (null for headerless formats or when there was none). */
  header: string[] | null;
  /** Why the file was rejected or the parse stopped early; null when it was read to the end. */
  fatal: string | null;
  notes: string[];
}

export interface SummaryEvent {
  kind: 'summary';
  summary: ParseSummary;
}

export type ParseEvent<T> = RecordEvent<T> | ProblemEvent | SummaryEvent;

export interface ParseOptions {
  /** Required by `list-size-quarterly` (the file has no date), `YYYY-MM-DD`. */
  effectiveDate?: string;
  /** Required by `pomi-wide` (one file per service). */
  service?: ServiceName;
  /** `pomi-long`: also yield `Patient_List_Size` rows as list-size records (default false: skipped, counted). */
  includeListSizes?: boolean;
  /**
   * Effective dates after this date are problems: today in the app's zone, which the caller takes from
   * its `Clock` (the parsers keep no clock of their own).
   */
  today: string;
  /** `auto` (default): UTF-8, falling back to Windows-1252 when the file is not UTF-8 and nothing before was. */
  encoding?: 'auto' | 'utf-8' | 'windows-1252';
  /** Characters in one record (default 65,536). */
  maxRecordSize?: number;
  /** More fields than this in one record stops the parse (default 1,000). */
  maxColumns?: number;
  /** Stop after this many rows with problems (default 1,000; 0 = never). */
  maxProblems?: number;
}
