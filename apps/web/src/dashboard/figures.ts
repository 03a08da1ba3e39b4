import type { Summary } from '../api/client';
import { type Service, SERVICES } from '../common/words';

type ServiceFigures = Summary['services'][Service];
export type Measure = 'practicesCapablePct' | 'patientsAtEnabledPct';

/** The two headline measures per service (the figures the programme publishes). */
export const MEASURES: { key: Measure; name: string }[] = [
  { key: 'practicesCapablePct', name: 'practices capable' },
  { key: 'patientsAtEnabledPct', name: 'patients at practices offering' },
];

export interface HeadlineRow {
  label: string;
  now: number | null;
  yearEarlier: number | null;
  change: number | null;
}

/** The six headline figures of a summary, as the API computed them (the page only formats them). */
export function headlineRows(summary: Summary): HeadlineRow[] {
  return SERVICES.flatMap(({ key, name }) => {
    const figures: ServiceFigures = summary.services[key];
    return MEASURES.map((measure) => ({
      label: `${name}: ${measure.name}`,
      now: figures[measure.key],
      yearEarlier: figures.previousYear[measure.key],
      change: figures.change[measure.key],
    }));
  });
}

/** 91.2% (one decimal, as the API gives it); "No data" for a figure with nothing to count. */
export const percent = (value: number | null) => (value === null ? 'No data' : `${value.toFixed(1)}%`);

/** +27.4, −3.0 or 0.0 percentage points. */
export const points = (value: number | null) =>
  value === null ? 'No data' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}`;
