import { Pagination } from 'nhsuk-react-components';
import { Link } from 'react-router';

interface Props {
  page: number;
  pageSize: number;
  /** The API's count of all rows the filters match. */
  total: number;
  /** The address of another page (its search parameters kept). */
  hrefOf: (page: number) => string;
  /** What the pages are of, for screen readers. */
  label?: string;
}

/**
 * The design system's numbered pagination: previous, the first and last page, the pages around this one
 * (gaps shown as an ellipsis), next. Links, so each page has an address and Back returns to it.
 */
export function ListPagination({ page, pageSize, total, hrefOf, label = 'Pages of follow-ups' }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages);
  return (
    <Pagination aria-label={label}>
      {page > 1 && <Pagination.Link previous asElement={Link} to={hrefOf(page - 1)} />}
      {shown.flatMap((p, i) => [
        ...(i > 0 && p - shown[i - 1] > 1 ? [<Pagination.Item key={`gap-${p}`} ellipsis />] : []),
        <Pagination.Item
          key={p}
          number={p}
          current={p === page}
          asElement={Link}
          to={hrefOf(p)}
          visuallyHiddenText={`Page ${p} of ${pages}`}
          aria-current={p === page ? 'page' : undefined}
        />,
      ])}
      {page < pages && <Pagination.Link next asElement={Link} to={hrefOf(page + 1)} />}
    </Pagination>
  );
}
