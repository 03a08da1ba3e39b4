import { lazy, Suspense, useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import { ApiErrorSummary, Loading } from '../layout/status';
import { MEASURES, percent, SERVICES, type ServiceKey } from './figures';
import { monthYear } from './month-end';
import { trendRange, TREND_MONTHS, type Trend } from './trend-range';
import './trend-charts.css';

// ECharts comes in its own chunk, after the figures are on the page.
const loadTrendChart = () => import('./trend-chart');
const TrendChart = lazy(loadTrendChart);

interface TrendChartsProps {
  /** The dashboard's month-end (YYYY-MM-DD): the last month of the charts. */
  asOf: string;
  /** A region's ODS code; England when absent. */
  regionCode?: string;
}

/** Monthly trend charts, one per service, over the 24 months up to the dashboard's date; each with its table. */
export function TrendCharts({ asOf, regionCode }: TrendChartsProps) {
  const range = trendRange(asOf);
  // The chunk is fetched once the page is drawn, while the trends load, not only when their data is in
  // (npm run bench:web: that made chunk and data one after the other).
  useEffect(() => void loadTrendChart(), []);
  return (
    // Not a labelled region: its name would be one more match for the date form's labels "Month" and "Year".
    <section>
      <h2 className="nhsuk-heading-l">Trends over {TREND_MONTHS} months</h2>
      <p className="nhsuk-body">
        Month-end figures from {monthYear(`${range.from}-01`)} to {monthYear(`${range.to}-01`)}.
      </p>
      {SERVICES.map((service) => (
        <ServiceTrend key={service.key} service={service} range={range} regionCode={regionCode} />
      ))}
    </section>
  );
}

function ServiceTrend({
  service,
  range,
  regionCode,
}: {
  service: { key: ServiceKey; name: string };
  range: { from: string; to: string };
  regionCode?: string;
}) {
  const trend = useQuery({
    queryKey: ['trend', service.key, range.from, range.to, regionCode ?? null],
    queryFn: async () =>
      dataOr(
        await api.GET('/api/v1/reports/trend', {
          params: { query: { service: service.key, from: range.from, to: range.to, regionCode } },
        }),
      ),
  });
  const headingId = `trend-${service.key}`;

  return (
    <div className="app-trend-chart">
      <h3 id={headingId} className="nhsuk-heading-m">
        {service.name}
      </h3>
      {trend.isPending && <Loading what={`the trend of ${service.name}`} />}
      {trend.isError && (
        <ApiErrorSummary
          title={`The trend of ${service.name} could not be loaded`}
          error={trend.error}
          retry={() => void trend.refetch()}
        />
      )}
      {trend.isSuccess && <TrendView name={service.name} trend={trend.data} />}
    </div>
  );
}

function TrendView({ name, trend }: { name: string; trend: Trend }) {
  const first = trend.points[0]?.asOf;
  const last = trend.points.at(-1)?.asOf;
  const span = first && last ? `${monthYear(first)} to ${monthYear(last)}` : 'no months';
  // No "month" in the name: the date form's fields are found by the label "Month" (and by screen readers too).
  const description =
    `Line chart of ${name}, ${span}: ` +
    `${MEASURES.map((m) => `share of ${m.name}`).join(' and ')}, in per cent. The figures are in the table below.`;
  return (
    <>
      <div role="img" aria-label={description} className="app-trend-chart__figure">
        <Suspense fallback={<Loading what="the chart" />}>
          <TrendChart points={trend.points} />
        </Suspense>
      </div>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Show the data as a table</span>
        </summary>
        <div className="nhsuk-details__text">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">
              {name}: month-end figures, {span}
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col" className="nhsuk-table__header">
                  Month
                </th>
                {MEASURES.map((m) => (
                  <th key={m.key} scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                    Share of {m.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {trend.points.map((point) => (
                <tr key={point.month} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header">
                    {monthYear(point.asOf)}
                  </th>
                  {MEASURES.map((m) => (
                    <td key={m.key} className="nhsuk-table__cell nhsuk-table__cell--numeric">
                      {percent(point[m.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
