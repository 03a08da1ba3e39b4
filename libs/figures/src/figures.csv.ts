import { BreakdownDto, ServiceFiguresDto, TrendDto } from './figures.dto';
import { SERVICES } from '@app/domain';

/**
 * CSV (RFC 4180): a header row, comma-separated, CRLF line ends, fields quoted when they hold a comma,
 * quote or line break (quotes doubled). Text cells that a spreadsheet would run as a formula (=, +, -,
 * @ first) get a leading apostrophe; numbers are written as they are. Empty cell = null (no figure).
 */
const FIGURE_COLUMNS = [
  'practices_total',
  'practices_capable',
  'practices_enabled',
  'practices_unknown',
  'patients_total',
  'patients_at_capable',
  'patients_at_enabled',
  'practices_capable_pct',
  'practices_enabled_pct',
  'patients_at_capable_pct',
  'patients_at_enabled_pct',
];

function figureCells(f: ServiceFiguresDto): Array<number | null> {
  return [
    f.practices.total,
    f.practices.capable,
    f.practices.enabled,
    f.practices.unknown,
    f.patients.total,
    f.patients.atCapable,
    f.patients.atEnabled,
    f.practicesCapablePct,
    f.practicesEnabledPct,
    f.patientsAtCapablePct,
    f.patientsAtEnabledPct,
  ];
}

export function breakdownCsv(b: BreakdownDto): string {
  const header = [
    'by',
    'code',
    'name',
    'service',
    'as_of',
    ...FIGURE_COLUMNS,
    'practices_without_list_size',
    'previous_as_of',
    'previous_practices_capable_pct',
    'previous_practices_enabled_pct',
    'previous_patients_at_capable_pct',
    'previous_patients_at_enabled_pct',
    'change_practices_capable_pct',
    'change_practices_enabled_pct',
    'change_patients_at_capable_pct',
    'change_patients_at_enabled_pct',
  ];
  const rows = b.groups.flatMap((g) =>
    SERVICES.map((s) => {
      const f = g.services[s];
      return [
        text(b.by),
        text(g.code),
        text(g.name),
        text(s),
        text(b.asOf),
        ...figureCells(f),
        g.practicesWithoutListSize,
        text(b.previousAsOf),
        f.previousYear.practicesCapablePct,
        f.previousYear.practicesEnabledPct,
        f.previousYear.patientsAtCapablePct,
        f.previousYear.patientsAtEnabledPct,
        f.change.practicesCapablePct,
        f.change.practicesEnabledPct,
        f.change.patientsAtCapablePct,
        f.change.patientsAtEnabledPct,
      ];
    }),
  );
  return toCsv(header, rows);
}

export function trendCsv(t: TrendDto): string {
  const header = ['month', 'as_of', 'service', ...FIGURE_COLUMNS, 'practices_without_list_size'];
  const rows = t.points.map((p) => [
    text(p.month),
    text(p.asOf),
    text(t.service),
    ...figureCells(p),
    p.practicesWithoutListSize,
  ]);
  return toCsv(header, rows);
}

/** A text cell, as opposed to a number: quoted when needed and defused against formula injection. */
class Text {
  constructor(readonly value: string) {}
}
const text = (value: string) => new Text(value);

export function toCsv(header: string[], rows: Array<Array<number | null | Text>>): string {
  const lines = [header.map((h) => cell(text(h))), ...rows.map((r) => r.map(cell))];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

function cell(v: number | null | Text): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v.value) ? `'${v.value}` : v.value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
