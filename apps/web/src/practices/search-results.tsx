import { Pagination } from '../common/pagination';
import { TableScroll } from '../common/table-scroll';
import { PAGE_SIZE, SORTS, writeListState, type ListState } from './list-state';
import { PracticeLink } from '../common/practice-link';
import { type PracticePage } from './words';
import { count } from '../common/formats';
import { type CurrentLevel, type Service, SERVICES, systemName } from '../common/words';

interface Props {
  state: ListState;
  data: PracticePage;
  /** The page shown is the previous search's while the new one loads. */
  stale: boolean;
}

/** A page of practices as a table, the count in words (announced), and NHS pagination below. */
export function SearchResults({ state, data, stale }: Props) {
  const first = data.total === 0 ? 0 : (data.page - 1) * data.pageSize + 1;
  const last = (data.page - 1) * data.pageSize + data.items.length;
  const sortText = SORTS.find((s) => s.value === state.sort)?.text ?? '';
  return (
    <div
      className="app-practice-results"
      aria-busy={stale}
      // What the rows shown are the answer to (the list's URL query), once they are: browser tests and the
      // benchmark wait on it. Absent while the previous search's rows are still on screen.
      data-results-for={stale ? undefined : writeListState(state).toString()}
    >
      <p className="nhsuk-body" role="status">
        {data.total === 0
          ? 'No practices match.'
          : data.items.length === 0
            ? `No practices on page ${data.page}: ${count(data.total)} match.`
            : `Showing ${count(first)} to ${count(last)} of ${count(data.total)} ${noun(data.total)}.`}
      </p>
      {data.items.length > 0 && (
        <TableScroll label="Practices table">
          <table className="nhsuk-table app-practice-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--m">
              Practices, by {sortText.charAt(0).toLowerCase() + sortText.slice(1)}
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col" className="nhsuk-table__header">
                  Practice
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Code
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Postcode
                </th>
                <th scope="col" className="nhsuk-table__header">
                  System
                </th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                  List size
                </th>
                {SERVICES.map((s) => (
                  <th key={s.key} scope="col" className="nhsuk-table__header">
                    {SHORT_NAMES[s.key]}
                    <span className="nhsuk-u-visually-hidden">: {s.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {data.items.map((p) => (
                <tr key={p.code} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header app-practice-table__name">
                    <PracticeLink code={p.code} name={p.name} />
                  </th>
                  <td className="nhsuk-table__cell">{p.code}</td>
                  <td className="nhsuk-table__cell app-nowrap">{p.postcode ?? 'None'}</td>
                  <td className="nhsuk-table__cell">{systemName(p.clinicalSystem)}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                    {p.listSize ? count(p.listSize.patients) : 'None'}
                  </td>
                  {SERVICES.map((s) => (
                    <td key={s.key} className="nhsuk-table__cell app-nowrap">
                      {SHORT_LEVELS[p.services[s.key].level]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ResultPages state={state} total={data.total} />
    </div>
  );
}

/** The services' names in the table's narrow headers (the full name follows for screen readers). */
const SHORT_NAMES: Record<Service, string> = {
  appointments: 'Appointments',
  prescriptions: 'Prescriptions',
  records: 'Records',
};

/** A level in a narrow cell: POMI's own short words and the code ("Capable" is 1: capable, not enabled). */
const SHORT_LEVELS: Record<CurrentLevel, string> = {
  not_capable: 'Not capable (0)',
  capable: 'Capable (1)',
  enabled: 'Enabled (2)',
  unknown: 'No status',
};

const noun = (n: number) => (n === 1 ? 'practice' : 'practices');

function ResultPages({ state, total }: { state: ListState; total: number }) {
  const to = (page: number) => `?${writeListState({ ...state, page }).toString()}`;
  return <Pagination total={total} page={state.page} pageSize={PAGE_SIZE} hrefOf={to} label="Pages of practices" />;
}
