import { Pagination as NhsPagination } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';
import { pageCount, pageLinks, parsePage } from './page-numbers';

interface Props {
  /** From the API's page: items in all, this page, its size. */
  total: number;
  page: number;
  pageSize: number;
  /**
   * The address of another page. By default the page number is the URL's `param` (`page`), the other
   * search parameters kept; lists with state of their own give their own.
   */
  hrefOf?: (page: number) => string;
  param?: string;
  /** What is paged, for the landmark's name ("Pages of users"). */
  label: string;
  /** Pages shown either side of the current one (1 by default). */
  around?: number;
}

/**
 * The design system's numbered pagination: previous, the first and last page, the pages around this one
 * (gaps shown as an ellipsis), next. Links, so each page has an address and Back returns to it. Nothing
 * when there is one page (unless the URL names a page past the end, so there is a way back).
 */
export function Pagination({ total, page, pageSize, hrefOf, param, label, around }: Props) {
  const paramHref = usePageHref(param);
  const href = hrefOf ?? paramHref;
  const pages = pageCount(total, pageSize);
  if (pages <= 1 && page <= 1) return null;
  return (
    <NhsPagination aria-label={label}>
      {/* No text of our own: the component's "Previous page" (the last word for screen readers only). */}
      {page > 1 && <NhsPagination.Link previous asElement={Link} to={href(page - 1)} />}
      {pageLinks(Math.min(page, pages), pages, around).map((n, i) =>
        n === 'gap' ? (
          <NhsPagination.Item key={`gap-${i}`} ellipsis />
        ) : (
          <NhsPagination.Item
            key={n}
            number={n}
            current={n === page}
            aria-current={n === page ? 'page' : undefined}
            asElement={Link}
            to={href(n)}
          />
        ),
      )}
      {page < pages && <NhsPagination.Link next asElement={Link} to={href(page + 1)} />}
    </NhsPagination>
  );
}

/** The page number in the URL (`?page=2`, or another parameter), 1 when absent or not a page number. */
export function usePageParam(name = 'page'): number {
  const [params] = useSearchParams();
  return parsePage(params.get(name));
}

/** The address of a page of a list whose page number is the URL's `name` parameter, the others kept. */
export function usePageHref(name = 'page'): (page: number) => string {
  const [params] = useSearchParams();
  return (page: number) => {
    const next = new URLSearchParams(params);
    if (page === 1) next.delete(name);
    else next.set(name, String(page));
    return `?${next.toString()}`;
  };
}
