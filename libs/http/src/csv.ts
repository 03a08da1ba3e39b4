import { stringify } from 'csv-stringify/sync';

/** A CSV cell: text (defused and quoted as needed), a number as it is, or empty (null, undefined). */
export type CsvCell = string | number | null | undefined;

/**
 * The app's one CSV writer (the report downloads, the barrier report, an import's problems), on
 * csv-stringify: RFC 4180, a header row, CRLF line ends, a field quoted when it holds a comma, quote or line
 * break (quotes doubled). Text that a spreadsheet would run as a formula (=, +, -, @, tab or CR first, or
 * their full-width forms) gets a leading apostrophe (CSV injection); numbers, negative ones too, are
 * written as they are.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows], { record_delimiter: 'windows', escape_formulas: true });
}

/** `toCsv` of objects: one column per key in `columns`, in that order (a missing key is an empty cell). */
export function recordsToCsv<K extends string>(
  columns: readonly K[],
  rows: readonly Partial<Record<K, CsvCell>>[],
): string {
  return toCsv(
    columns,
    rows.map((row) => columns.map((c) => row[c])),
  );
}
