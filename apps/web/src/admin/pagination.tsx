import { Link, useSearchParams } from 'react-router';

/** The page number in the URL (`?page=2`, or `name`), 1 when absent or not a positive whole number. */
export function usePageParam(name = 'page'): number {
  const [params] = useSearchParams();
  const page = Number(params.get(name));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The pages to offer: the first, the last, and two either side of the current, with gaps between. */
function pageItems(current: number, pages: number): (number | 'gap')[] {
  const items: (number | 'gap')[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= 2) items.push(p);
    else if (items[items.length - 1] !== 'gap') items.push('gap');
  }
  return items;
}

interface Props {
  /** From the API's page: items in all, this page, its size. */
  total: number;
  page: number;
  pageSize: number;
  /** What is paged, for the landmark's name ("Pages of users"). */
  label: string;
  /** The search parameter holding the page number (several lists on one page need their own). */
  param?: string;
}

/**
 * The design system's numbered pagination. Each page is a link (the page number in the URL, other
 * parameters kept), so Back, Forward and a sent link show the same page. Nothing when there is one page.
 */
export function Pagination({ total, page, pageSize, label, param = 'page' }: Props) {
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefOf = (p: number) => {
    const next = new URLSearchParams(params);
    if (p === 1) next.delete(param);
    else next.set(param, String(p));
    const search = next.toString();
    return search ? `?${search}` : '?';
  };
  return (
    <nav className="nhsuk-pagination nhsuk-pagination--numbered" aria-label={label}>
      {page > 1 && (
        <Link to={hrefOf(page - 1)} className="nhsuk-pagination__previous" rel="prev">
          <span className="nhsuk-pagination__title">
            Previous<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
        </Link>
      )}
      <ul className="nhsuk-pagination__list">
        {pageItems(page, pages).map((item, i) =>
          item === 'gap' ? (
            <li key={`gap-${i}`} className="nhsuk-pagination__item nhsuk-pagination__item--ellipsis">
              ⋯
            </li>
          ) : (
            <li
              key={item}
              className={`nhsuk-pagination__item${item === page ? ' nhsuk-pagination__item--current' : ''}`}
            >
              <Link
                className="nhsuk-pagination__link"
                to={hrefOf(item)}
                aria-label={`Page ${item}`}
                aria-current={item === page ? 'page' : undefined}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pages && (
        <Link to={hrefOf(page + 1)} className="nhsuk-pagination__next" rel="next">
          <span className="nhsuk-pagination__title">
            Next<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
        </Link>
      )}
    </nav>
  );
}
