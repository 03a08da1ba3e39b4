import { type FormEvent } from 'react';
import { Button, Select, TextInput } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';
import { type AuditFilters, ENTITY_TYPES, useAllUsers, useAudit } from '../admin/audit';
import { practicePath } from '../common/practice-link';
import { dateTime } from '../admin/formats';
import { count } from '../common/formats';
import { Pagination, usePageParam } from '../common/pagination';
import { ApiErrorSummary, Loading } from '../layout/status';
import { useTitle } from '../layout/use-title';
import '../admin/admin.css';
import { TableScroll } from '../common/table-scroll';

const FILTER_NAMES = ['userId', 'entityType', 'entityId', 'from', 'to'] as const;

/** The filters as the URL holds them (what is not there is not filtered). */
function filtersOf(params: URLSearchParams): AuditFilters {
  const userId = Number(params.get('userId'));
  const text = (name: string) => params.get(name)?.trim() || undefined;
  return {
    userId: Number.isInteger(userId) && userId > 0 ? userId : undefined,
    entityType: text('entityType'),
    entityId: text('entityId'),
    from: text('from'),
    to: text('to'),
  };
}

/** Where an entry's entity has a page of its own in the app. */
function entityLink(type: string, id: string): string | undefined {
  if (type === 'practice') return practicePath(id);
  if (type === 'user') return `/admin/users/${id}`;
  if (type === 'import_run') return `/admin/imports/${id}`;
  return undefined;
}

/** Who changed what and when, newest first; the filters (user, entity, dates) and the page in the URL. */
export function AdminAuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const page = usePageParam();
  const audit = useAudit(filters, page);
  const users = useAllUsers();
  useTitle('Audit log', audit.isError);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = form.get(name);
      if (typeof value === 'string' && value.trim()) next.set(name, value.trim());
    }
    setParams(next);
  };

  return (
    <>
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">Admin</span>
        Audit log
      </h1>
      {/* Keyed by the URL: Back and Forward refill the boxes. */}
      <form key={params.toString()} noValidate onSubmit={apply} aria-label="Filter the audit log">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <Select id="userId" name="userId" label="Changed by" defaultValue={filters.userId ?? ''}>
              <Select.Option value="">Anyone</Select.Option>
              {users.data?.items.map((u) => (
                <Select.Option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </Select.Option>
              ))}
            </Select>
          </div>
          <div className="nhsuk-grid-column-one-half">
            <Select id="entityType" name="entityType" label="What changed" defaultValue={filters.entityType ?? ''}>
              <Select.Option value="">Anything</Select.Option>
              {ENTITY_TYPES.map((t) => (
                <Select.Option key={t.value} value={t.value}>
                  {t.text}
                </Select.Option>
              ))}
            </Select>
          </div>
        </div>
        <TextInput
          id="entityId"
          name="entityId"
          label="Its code or number"
          hint="For example a practice code (A81001), a user's or an import's number"
          defaultValue={filters.entityId ?? ''}
          width={10}
          spellCheck={false}
        />
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-half">
            <TextInput id="from" name="from" type="date" label="From (date)" defaultValue={filters.from ?? ''} />
          </div>
          <div className="nhsuk-grid-column-one-half">
            <TextInput
              id="to"
              name="to"
              type="date"
              label="Before (date)"
              hint="Changes up to the start of this day"
              defaultValue={filters.to ?? ''}
            />
          </div>
        </div>
        <div className="nhsuk-button-group">
          <Button type="submit" secondary>
            Show changes
          </Button>
          <Link to="/admin/audit" className="nhsuk-link">
            Clear the filters
          </Link>
        </div>
      </form>
      {audit.isError && (
        <ApiErrorSummary title="The audit log cannot be shown" error={audit.error} retry={() => void audit.refetch()} />
      )}
      {audit.isPending && <Loading what="the audit log" />}
      {audit.data && audit.data.total === 0 && <p className="nhsuk-body">No change matches these filters.</p>}
      {audit.data && audit.data.total > 0 && (
        <>
          <TableScroll label="Audit log table">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption">
                Changes, newest first ({count(audit.data.total)}), page {audit.data.page}
              </caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">What</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {audit.data.items.map((e) => {
                  const href = entityLink(e.entityType, e.entityId);
                  return (
                    <tr key={e.id}>
                      <td>{dateTime(e.at)}</td>
                      <td>{e.userEmail ?? 'The system'}</td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>
                        {e.entityType} {href ? <Link to={href}>{e.entityId}</Link> : e.entityId}
                      </td>
                      <td className="nhsuk-body-s app-audit-details">{JSON.stringify(e.details)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <Pagination
            total={audit.data.total}
            page={audit.data.page}
            pageSize={audit.data.pageSize}
            label="Pages of the audit log"
            around={2}
          />
        </>
      )}
    </>
  );
}
