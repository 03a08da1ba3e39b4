/** A page number to link to, or a gap between them (shown as an ellipsis). */
export type PageLink = number | 'gap';

/**
 * The numbered links of the design system's pagination: the first and last pages, the current one and
 * `around` pages either side of it, with a gap where pages are left out (1 … 4 5 6 … 12).
 */
export function pageLinks(current: number, pages: number, around = 1): PageLink[] {
  const near = Array.from({ length: 2 * around + 1 }, (_, i) => current - around + i);
  const shown = [...new Set([1, ...near, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const links: PageLink[] = [];
  for (const n of shown) {
    const previous = links.at(-1);
    if (typeof previous === 'number' && n - previous === 2) links.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) links.push('gap');
    links.push(n);
  }
  return links;
}

/** How many pages `total` items make, `pageSize` to a page (at least one, so page 1 always exists). */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** A URL's page number: a whole number from 1, else 1. */
export function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
