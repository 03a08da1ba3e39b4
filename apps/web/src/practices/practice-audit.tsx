import { Pagination } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorSummary, Loading } from '../layout/status';
import { AUDIT_PAGE_SIZE, usePracticeAudit } from './queries';
import { count, dateTimeText } from '../common/formats';
import { TableScroll } from '../common/table-scroll';

/** "status.record" in words; an action not listed here is shown as the API names it. */
const ACTIONS: Record<string, string> = {
  'practice.create': 'Created the practice',
  'practice.update': 'Edited the details',
  'list_size.record': 'Recorded a list size',
  'status.record': 'Recorded a status',
};

/** The audit entry's details in one line: "service: records; level: capable". */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean)}`)
    .join('; ');
}

/**
 * Who changed what at the practice, newest first, ten at a time (`auditPage` in the URL). Shown only to
 * those the API lets read the audit log (admins; the caller decides), so nobody sees a refusal.
 */
export function PracticeAudit({ code }: { code: string }) {
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('auditPage')) || 1);
  const audit = usePracticeAudit(code, page);
  if (audit.isPending) return <Loading what="the changes" />;
  if (audit.isError)
    return (
      <ApiErrorSummary title="The changes could not be loaded" error={audit.error} retry={() => void audit.refetch()} />
    );
  const { items, total } = audit.data;
  if (total === 0) return <p className="nhsuk-body">No changes recorded.</p>;
  const pages = Math.ceil(total / AUDIT_PAGE_SIZE);
  const to = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('auditPage', String(p));
    else next.delete('auditPage');
    return `?${next.toString()}`;
  };
  return (
    <>
      <TableScroll label="Who changed what table">
        <table className="nhsuk-table" aria-busy={audit.isPlaceholderData}>
          <caption className="nhsuk-table__caption nhsuk-table__caption--m">
            Changes, newest first ({count(total)} in all)
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col" className="nhsuk-table__header">
                When
              </th>
              <th scope="col" className="nhsuk-table__header">
                Who
              </th>
              <th scope="col" className="nhsuk-table__header">
                What
              </th>
              <th scope="col" className="nhsuk-table__header">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {items.map((e) => (
              <tr key={e.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{dateTimeText(e.at)}</td>
                <td className="nhsuk-table__cell">{e.userEmail ?? 'The system'}</td>
                <td className="nhsuk-table__cell">{ACTIONS[e.action] ?? e.action}</td>
                <td className="nhsuk-table__cell">{detailsText(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {pages > 1 && (
        <Pagination aria-label="Pages of changes">
          {page > 1 && <Pagination.Link previous asElement={Link} to={to(page - 1)} href={to(page - 1)} />}
          {page < pages && <Pagination.Link next asElement={Link} to={to(page + 1)} href={to(page + 1)} />}
        </Pagination>
      )}
    </>
  );
}
