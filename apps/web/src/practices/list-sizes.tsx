import { lazy } from 'react';
import { ChartFigure } from '../common/chart-figure';
import type { ListSizeEntry } from './words';
import { count, dateTimeText, longDate } from '../common/formats';
import { TableScroll } from '../common/table-scroll';

// ECharts comes in its own chunk, after the practice's details are on the page.
const ListSizeChart = lazy(() => import('./list-size-chart'));

/** The list size over time: a chart, and the same figures as a table beside it (newest first, as the API gives). */
export function ListSizes({ entries }: { entries: ListSizeEntry[] }) {
  if (entries.length === 0) return <p className="nhsuk-body">No list size recorded.</p>;
  const oldest = entries.at(-1)!.effectiveDate;
  const newest = entries[0].effectiveDate;
  const description =
    `Step chart of the registered list size from ${longDate(oldest)} to ${longDate(newest)}. ` +
    'The figures are in the table below.';
  return (
    <>
      <ChartFigure description={description} className="app-list-size-chart">
        <ListSizeChart entries={entries} />
      </ChartFigure>
      <TableScroll label="List size over time table">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m">List size over time</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col" className="nhsuk-table__header">
                From
              </th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                Patients
              </th>
              <th scope="col" className="nhsuk-table__header">
                Recorded
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {entries.map((e) => (
              <tr key={e.effectiveDate} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__header">
                  {longDate(e.effectiveDate)}
                </th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(e.patients)}</td>
                <td className="nhsuk-table__cell">
                  {dateTimeText(e.recordedAt)}, {e.source === 'import' ? 'by an import' : 'by hand'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
