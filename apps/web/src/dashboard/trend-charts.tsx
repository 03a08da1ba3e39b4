import { lazy, useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import { ApiErrorSummary, Loading } from '../layout/status';
import { type AreaProps, areaQuery } from './area';
import { MEASURES, percent } from './figures';
import { type Service, SERVICES } from '../common/words';
import { ChartWithTable } from '../common/chart-with-table';
import { fieldProblem } from './field-problem';
import { knownAtPhrase } from './known-on';
import { monthYear } from '../common/formats';
import { monthCount, type Trend } from './trend-range';
import { TrendRangeForm } from './trend-range-form';
import './trend-charts.css';

// ECharts comes in its own chunk, after the figures are on the page.
const loadTrendChart = () => import('./trend-chart');
const TrendChart = lazy(loadTrendChart);

interface Range {
  from: string;
  to: string;
}

interface TrendChartsProps extends AreaProps {
  /** The months shown (YYYY-MM): by default the 24 up to the dashboard's date (trend-range.ts). */
  range: Range;
  onRangeChange: (range: Range) => void;
  /** The range form shows a problem of its own, or no longer does. */
  onRangeInvalid: (invalid: boolean) => void;
  /** The API's `knownAt`: the status history as it stood at that instant. */
  knownAt?: string;
}

/** The month-end figures of one service over the range, in the area, as known now or at `knownAt`. */
function useTrend(service: Service, range: Range, area: AreaProps, knownAt: string | undefined) {
  const where = areaQuery(area);
  return useQuery({
    queryKey: [
      'trend',
      service,
      range.from,
      range.to,
      where.regionCode ?? null,
      where.ccgCode ?? null,
      knownAt ?? null,
    ],
    queryFn: async () =>
      dataOr(
        await api.GET('/api/v1/reports/trend', {
          params: { query: { service, from: range.from, to: range.to, ...where, knownAt } },
        }),
      ),
  });
}

/** Monthly trend charts, one per service, over the chosen months (the form above them); each with its table. */
export function TrendCharts({ range, onRangeChange, onRangeInvalid, knownAt, ...area }: TrendChartsProps) {
  // The first service's answer tells the form whether the API refused the range (all three ask the same).
  const first = useTrend(SERVICES[0].key, range, area, knownAt);
  const problem = fieldProblem(first.error, ['from', 'to']);
  useEffect(() => onRangeInvalid(problem !== undefined), [problem, onRangeInvalid]);
  const count = monthCount(range.from, range.to);
  // The chunk is fetched once the page is drawn, while the trends load, not only when their data is in
  // (npm run bench:web: that made chunk and data one after the other).
  useEffect(() => void loadTrendChart(), []);
  return (
    // Not a labelled region: its name would be one more match for the date form's labels "Month" and "Year".
    <section>
      <h2 className="nhsuk-heading-l">{count > 1 ? `Trends over ${count} months` : 'Trends'}</h2>
      <TrendRangeForm
        key={`${range.from}/${range.to}`}
        from={range.from}
        to={range.to}
        apiProblem={problem}
        onChange={onRangeChange}
        onInvalid={onRangeInvalid}
      />
      <p className="nhsuk-body">
        Month-end figures from {monthYear(`${range.from}-01`)} to {monthYear(`${range.to}-01`)}
        {knownAt ? `, ${knownAtPhrase(knownAt)}` : ''}.
      </p>
      {SERVICES.map((service) => (
        <ServiceTrend key={service.key} service={service} range={range} area={area} knownAt={knownAt} />
      ))}
    </section>
  );
}

function ServiceTrend({
  service,
  range,
  area,
  knownAt,
}: {
  service: { key: Service; name: string };
  range: Range;
  area: AreaProps;
  knownAt?: string;
}) {
  const trend = useTrend(service.key, range, area, knownAt);
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
      {trend.isSuccess && <TrendView name={service.name} trend={trend.data} knownAt={knownAt} />}
    </div>
  );
}

function TrendView({ name, trend, knownAt }: { name: string; trend: Trend; knownAt?: string }) {
  const first = trend.points[0]?.asOf;
  const last = trend.points.at(-1)?.asOf;
  const span = first && last ? `${monthYear(first)} to ${monthYear(last)}` : 'no months';
  // No "month" in the name: the date form's fields are found by the label "Month" (and by screen readers too).
  const description =
    `Line chart of ${name}, ${span}: ` +
    `${MEASURES.map((m) => `share of ${m.name}`).join(' and ')}, in per cent. The figures are in the table below.`;
  return (
    <ChartWithTable
      description={description}
      figureClassName="app-trend-chart__figure"
      chart={<TrendChart points={trend.points} />}
      toggle="Show the data as a table"
      caption={
        <>
          {name}: month-end figures, {span}
          {knownAt ? `, ${knownAtPhrase(knownAt)}` : ''}
        </>
      }
    >
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
    </ChartWithTable>
  );
}
