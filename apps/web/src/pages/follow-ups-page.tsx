import '../follow-ups/follow-ups.css';
import { useSearchParams } from 'react-router';
import { useAreaName } from '../dashboard/area-select';
import { filterParams, listQuery, PAGE_SIZE, readFilters, type Filters } from '../follow-ups/filters';
import { FiltersForm } from '../follow-ups/filters-form';
import { FollowUpsTable } from '../follow-ups/follow-ups-table';
import { Pagination } from '../common/pagination';
import { useFollowUps } from '../follow-ups/queries';
import { mayOwnFollowUps } from '../follow-ups/access';
import { ApiErrorSummary, Loading } from '../layout/status';
import { useTitle } from '../layout/use-title';
import { useSession } from '../session/use-session';

const COUNT = new Intl.NumberFormat('en-GB');

/**
 * The follow-ups lists: the signed-in user's ("My follow-ups") or everyone's, by region, with filters; the
 * API orders them soonest due first and pages them. Every filter and the page are in the address.
 */
export function FollowUpsPage() {
  const session = useSession();
  const ownsFollowUps = session.status === 'signed-in' && mayOwnFollowUps(session.user.role);
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, ownsFollowUps);
  const regionName = useAreaName(filters.region);
  const heading = filters.owner === 'mine' ? 'My follow-ups' : 'Follow-ups';
  const where = filters.region ? `in ${regionName}` : 'in all regions';
  useTitle(`${heading} ${where}${filters.page > 1 ? `, page ${filters.page}` : ''}`);
  const list = useFollowUps(listQuery(filters));

  const hrefOf = (page: number) => `?${filterParams({ ...filters, page }).toString()}`;
  const apply = (next: Filters) => setParams(filterParams(next));

  return (
    <>
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">{filters.region ? regionName : 'All regions'}</span>
        {heading}
      </h1>
      <FiltersForm key={params.toString()} value={filters} ownsFollowUps={ownsFollowUps} onApply={apply} />
      {list.isPending && <Loading what="the follow-ups" />}
      {list.isError && (
        <ApiErrorSummary
          title="The follow-ups could not be loaded"
          error={list.error}
          retry={() => void list.refetch()}
        />
      )}
      {list.isSuccess && (
        <>
          <p className="nhsuk-body" role="status">
            {COUNT.format(list.data.total)} {list.data.total === 1 ? 'follow-up matches' : 'follow-ups match'} the
            filters
            {list.data.total > PAGE_SIZE ? `; page ${list.data.page} of ${Math.ceil(list.data.total / PAGE_SIZE)}` : ''}
            .
          </p>
          {list.data.items.length > 0 ? (
            <FollowUpsTable caption={`${heading} ${where}, soonest due first`} items={list.data.items} />
          ) : (
            <p className="nhsuk-body">No follow-ups match these filters.</p>
          )}
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            hrefOf={hrefOf}
            label="Pages of follow-ups"
          />
        </>
      )}
    </>
  );
}
