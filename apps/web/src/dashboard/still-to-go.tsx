import { useQuery } from '@tanstack/react-query';
import { api, dataOr } from '../api/client';
import { TableScroll } from '../common/table-scroll';
import { ApiErrorSummary, Loading } from '../layout/status';
import { type AreaProps, areaQuery } from './area';
import { count, longDate, monthYear } from '../common/formats';
import { SERVICES } from '../common/words';
import { knownAtPhrase } from './known-on';

/** Net practices newly offering per month: one decimal, as the API gives it; −2.5 when fewer offer. */
export const pace = (value: number) => `${value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}`;
/** The API's projected month (YYYY-MM) as "March 2016", or its reason when there is none. */
export const projected = (month: string | null, reason: string | null) =>
  month ? monthYear(`${month}-01`) : (reason ?? 'Not known');

/**
 * What none of the published dashboards showed: per service, the practices in the area still to go, the
 * net pace over the last six months and the month every practice would offer it at that pace
 * (GET /reports/outlook; the page formats, the API computes), as known now or at `knownAt`.
 */
export function StillToGo({ asOf, knownAt, ...area }: { asOf: string; knownAt?: string } & AreaProps) {
  const where = areaQuery(area);
  const outlook = useQuery({
    queryKey: ['outlook', asOf, where.regionCode ?? null, where.ccgCode ?? null, knownAt ?? null],
    queryFn: async () =>
      dataOr(await api.GET('/api/v1/reports/outlook', { params: { query: { asOf, ...where, knownAt } } })),
  });

  return (
    <>
      <h2 className="nhsuk-heading-l">Still to go</h2>
      {outlook.isPending && <Loading what="the outlook" />}
      {outlook.isError && (
        <ApiErrorSummary
          title="The outlook could not be loaded"
          error={outlook.error}
          retry={() => void outlook.refetch()}
        />
      )}
      {outlook.isSuccess && (
        <>
          <TableScroll label="Practices still to go table">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption">
                Practices still to go at the end of {monthYear(outlook.data.asOf)}
                {knownAt ? `, ${knownAtPhrase(knownAt)}` : ''}
              </caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col" className="nhsuk-table__header">
                    Service
                  </th>
                  {COLUMNS.map((name) => (
                    <th key={name} scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {SERVICES.map(({ key, name }) => {
                  const s = outlook.data.services[key];
                  return (
                    <tr key={key} className="nhsuk-table__row">
                      <th scope="row" className="nhsuk-table__header">
                        {name}
                      </th>
                      <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(s.inScope)}</td>
                      <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(s.offering)}</td>
                      <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(s.stillToGo)}</td>
                      <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{pace(s.pacePerMonth)}</td>
                      <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                        {projected(s.projectedMonth, s.reason)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <p className="nhsuk-body-s">
            Pace: practices newly offering the service, net of those that stopped, per month from{' '}
            {longDate(outlook.data.sixMonthsEarlier)} to {longDate(outlook.data.asOf)}. The projected month is when
            every practice in scope would offer it if that pace went on.
          </p>
        </>
      )}
    </>
  );
}

/** The column headers, in the order of the cells. */
export const COLUMNS = [
  'Practices in scope',
  'Offering',
  'Still to go',
  'Net pace per month, last six months',
  'Every practice offering by',
];
