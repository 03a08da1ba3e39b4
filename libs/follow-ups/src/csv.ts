/**
 * RFC 4180 CSV (CRLF line ends, quotes doubled). Text starting with = + - @ is prefixed with ' so a
 * spreadsheet never runs it as a formula (CSV injection).
 */
export function toCsv(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the callers' cells are strings and numbers
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
