import { BreakdownDto, ServiceFiguresDto, TrendDto } from './figures.dto';
import { SERVICES } from '@app/domain';
import { CsvCell, toCsv } from '@app/http';

/** The figures as CSV, by the app's one writer (`toCsv`, libs/http): an empty cell is null (no figure). */
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

function figureCells(f: ServiceFiguresDto): CsvCell[] {
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
        b.by,
        g.code,
        g.name,
        s,
        b.asOf,
        ...figureCells(f),
        g.practicesWithoutListSize,
        b.previousAsOf,
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
  const rows = t.points.map((p) => [p.month, p.asOf, t.service, ...figureCells(p), p.practicesWithoutListSize]);
  return toCsv(header, rows);
}
