import { useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import { TableScroll } from '../common/table-scroll';
import { ApiErrorSummary, Loading } from '../layout/status';
import { type AreaProps, areaQuery } from './area';
import { knownAtPhrase } from './known-on';
import { headlineRows, percent, points } from './figures';
import { longDate, monthYear } from '../common/formats';

interface FiguresOn extends AreaProps {
  /** The month-end shown (YYYY-MM-DD). */
  asOf: string;
  /** The API's `knownAt`: the status history as it stood at that instant. */
  knownAt?: string;
}

/** The summary of a date and area (as known now, or at `knownAt`); the page also reads its error. */
export function useSummary({ asOf, knownAt, ...area }: FiguresOn) {
  const where = areaQuery(area);
  return useQuery({
    queryKey: ['summary', asOf, where.regionCode ?? null, where.ccgCode ?? null, knownAt ?? null],
    queryFn: async () =>
      dataOr(await api.GET('/api/v1/reports/summary', { params: { query: { asOf, ...where, knownAt } } })),
  });
}

/**
 * The six headline figures at a month-end, a year earlier and the change, then the API's own sentences, of
 * England, a region or a CCG, as known now or at `knownAt`.
 */
export function ProgressInNumbers(props: FiguresOn) {
  const { asOf, knownAt } = props;
  const where = areaQuery(props);
  const summary = useSummary(props);
  const text = useQuery({
    queryKey: ['summary-text', asOf, where.regionCode ?? null, where.ccgCode ?? null, knownAt ?? null],
    queryFn: async () =>
      dataOr(
        await api.GET('/api/v1/reports/summary', {
          params: { query: { asOf, ...where, knownAt, format: 'text' } },
          parseAs: 'text',
        }),
      ),
  });

  if (summary.isPending) return <Loading what="the figures" />;
  if (summary.isError)
    return (
      <ApiErrorSummary
        title="The figures could not be loaded"
        error={summary.error}
        retry={() => void summary.refetch()}
      />
    );

  const data = summary.data;
  return (
    <>
      <TableScroll label="Progress in numbers table">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">
            Progress in numbers at the end of {monthYear(data.asOf)}
            {knownAt ? `, ${knownAtPhrase(knownAt)}` : ''}
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col" className="nhsuk-table__header">
                Figure
              </th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                {longDate(data.asOf)}
              </th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                {longDate(data.previousYear.asOf)}
              </th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                Change (percentage points)
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {headlineRows(data).map((row) => (
              <tr key={row.label} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__header">
                  {row.label}
                </th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{percent(row.now)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{percent(row.yearEarlier)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{points(row.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {data.practicesWithoutListSize > 0 && (
        <p className="nhsuk-body-s">
          {data.practicesWithoutListSize} practices have no list size on this date: they count as practices but add no
          patients.
        </p>
      )}

      <h2 className="nhsuk-heading-l">In words</h2>
      {text.isPending && <Loading what="the text" />}
      {text.isError && <ApiErrorSummary title="The text could not be loaded" error={text.error} />}
      {text.isSuccess && <ArticleText text={text.data} />}
    </>
  );
}

/** The API's "Progress in numbers" text: its first line as a lead paragraph, its "•" lines as a list. */
function ArticleText({ text }: { text: string }) {
  const lines = text.split('\n').filter((line) => line.trim());
  const bullets = lines.filter((line) => line.startsWith('•')).map((line) => line.replace(/^•\s*/, ''));
  const others = lines.filter((line) => !line.startsWith('•'));
  return (
    <div className="app-article" data-testid="article-text">
      {others.map((line) => (
        <p key={line} className="nhsuk-body">
          {line}
        </p>
      ))}
      <ul className="nhsuk-list nhsuk-list--bullet">
        {bullets.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
