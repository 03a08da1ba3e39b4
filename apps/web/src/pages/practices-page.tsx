import { useNavigate, useSearchParams } from 'react-router';
import { useTitle } from '../layout/use-title';
import { ApiErrorSummary, Loading } from '../layout/status';
import { listQuery, readListState, writeListState, type ListState } from '../practices/list-state';
import { usePracticeList } from '../practices/queries';
import { SearchFilters } from '../practices/search-filters';
import { SearchResults } from '../practices/search-results';
import '../practices/practices.css';

/**
 * Practices: search by code, name or postcode, filter, sort, a page at a time. The whole state is in the
 * URL (`/practices?q=manor&regionCode=Y54&service=records&level=capable&sort=listSize&order=desc&page=2`):
 * a search can be sent as a link, and Back and Forward step through the searches made.
 */
export function PracticesPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = readListState(params);
  const list = usePracticeList(listQuery(state));
  useTitle(state.q ? `Practices matching “${state.q}”` : 'Practices', list.isError);

  // Each pause in typing would otherwise be a step of Back: the search box's updates replace the entry.
  const show = (next: ListState, typing = false) =>
    void navigate({ search: `?${writeListState(next).toString()}` }, { replace: typing });

  return (
    <>
      <h1 className="nhsuk-heading-xl">Practices</h1>
      <SearchFilters state={state} onChange={show} />
      {list.isError && (
        <ApiErrorSummary
          title="The practices could not be loaded"
          error={list.error}
          retry={() => void list.refetch()}
        />
      )}
      {list.isPending && <Loading what="the practices" />}
      {list.data && <SearchResults state={state} data={list.data} stale={list.isPlaceholderData} />}
    </>
  );
}
