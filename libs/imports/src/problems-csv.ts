import type { ImportProblem } from './import-run.types';

const COLUMNS = ['row', 'column', 'value', 'reason'] as const;

/**
 * A run's problems as RFC 4180 CSV (CRLF, quotes doubled). A value from the file starting with = + - @
 * gets a ' before it, so a spreadsheet opening the list never runs it as a formula (the values are
 * whatever the uploaded file held).
 */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  const lines = [COLUMNS.join(','), ...problems.map((p) => COLUMNS.map((c) => cell(p[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
