import { lazy, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import { ApiErrorSummary, Loading } from '../layout/status';
import { barrierName, SERVICES } from '../common/words';
import { barrierMatrix, type BarrierMatrix } from './barrier-matrix';
import { count } from '../common/formats';
import { ChartWithTable } from '../common/chart-with-table';
import './barriers.css';

// ECharts comes in its own chunk, after the figures are on the page.
const BarrierChart = lazy(() => import('./barrier-chart'));

interface BarriersProps {
  /** A region's ODS code; England when absent (and no CCG). */
  regionCode?: string;
  /** A CCG's ODS code: only its practices. */
  ccgCode?: string;
  /** The area's name, as the page's heading gives it. */
  areaName: string;
}

/**
 * The barrier report (GET /reports/barriers, by category) for the dashboard's area: practices reporting
 * each barrier, per service, as a bar chart with the same figures as a table behind a details toggle.
 * Every barrier recorded so far: barriers are today's follow-up work, not month-end figures, so the
 * dashboard's date does not apply to them (the text says so).
 */
export function Barriers({ regionCode, ccgCode, areaName }: BarriersProps) {
  const report = useQuery({
    queryKey: ['barriers', regionCode ?? null, ccgCode ?? null],
    queryFn: async () =>
      dataOr(await api.GET('/api/v1/reports/barriers', { params: { query: { regionCode, ccgCode } } })),
  });
  const matrix = useMemo(() => (report.data ? barrierMatrix(report.data) : undefined), [report.data]);

  return (
    // Not a labelled region: its name would be one more match for other controls' labels.
    <section>
      <h2 className="nhsuk-heading-l">Barriers reported by practices</h2>
      <p className="nhsuk-body">
        Barriers recorded by support staff in follow-ups with practices in {areaName}, from the first recorded to today,
        whatever the date chosen above. A practice may report more than one barrier.
      </p>
      {report.isPending && <Loading what="the barriers" />}
      {report.isError && (
        <ApiErrorSummary
          title="The barriers could not be loaded"
          error={report.error}
          retry={() => void report.refetch()}
        />
      )}
      {matrix &&
        (matrix.categories.length === 0 ? (
          <p className="nhsuk-body">No barrier has been recorded for a practice in {areaName}.</p>
        ) : (
          <BarrierView matrix={matrix} areaName={areaName} />
        ))}
    </section>
  );
}

function BarrierView({ matrix, areaName }: { matrix: BarrierMatrix; areaName: string }) {
  // Few common words: getByLabel finds this name too, and the page's forms have labels like "Area" and "Month".
  const description =
    `Bar chart: practices in ${areaName} reporting each barrier, a bar each for ` +
    `${SERVICES.map((s) => s.name).join('; ')}; most reported first. The figures are in the table below.`;
  return (
    <ChartWithTable
      description={description}
      figureClassName="app-barrier-chart"
      chart={<BarrierChart matrix={matrix} />}
      toggle="Show the barriers as a table"
      caption={<>Practices in {areaName} reporting each barrier, by service, to date</>}
    >
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col" className="nhsuk-table__header">
            Barrier
          </th>
          {SERVICES.map((s) => (
            <th key={s.key} scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {matrix.categories.map((category, i) => (
          <tr key={category} className="nhsuk-table__row">
            <th scope="row" className="nhsuk-table__header">
              {barrierName(category)}
            </th>
            {SERVICES.map((s) => (
              <td key={s.key} className="nhsuk-table__cell nhsuk-table__cell--numeric">
                {count(matrix.practices[s.key][i])}
              </td>
            ))}
          </tr>
        ))}
        <tr className="nhsuk-table__row">
          <th scope="row" className="nhsuk-table__header">
            {ANY_BARRIER}
          </th>
          {SERVICES.map((s) => (
            <td key={s.key} className="nhsuk-table__cell nhsuk-table__cell--numeric">
              {count(matrix.anyBarrier[s.key])}
            </td>
          ))}
        </tr>
      </tbody>
    </ChartWithTable>
  );
}

/** The last row: practices reporting any barrier for the service, each practice once (the API's totals). */
export const ANY_BARRIER = 'Any barrier (each practice once)';
