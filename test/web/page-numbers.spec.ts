import { pageCount, pageLinks, parsePage } from '../../apps/web/src/common/page-numbers';

/** The numbered pagination's links (apps/web/src/common/page-numbers.ts): plain functions, no browser. */
describe('page numbers of the design system’s pagination', () => {
  it('shows the first, last, current and neighbouring pages, with gaps for the rest', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 2)).toEqual([1, 2]);
    expect(pageLinks(1, 12)).toEqual([1, 2, 'gap', 12]);
    expect(pageLinks(5, 12)).toEqual([1, 'gap', 4, 5, 6, 'gap', 12]);
    expect(pageLinks(12, 12)).toEqual([1, 'gap', 11, 12]);
  });

  it('shows a single left-out page rather than a gap for it', () => {
    expect(pageLinks(4, 12)).toEqual([1, 2, 3, 4, 5, 'gap', 12]);
    expect(pageLinks(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('can show more pages either side of the current one', () => {
    expect(pageLinks(1, 12, 2)).toEqual([1, 2, 3, 'gap', 12]);
    expect(pageLinks(7, 12, 2)).toEqual([1, 'gap', 5, 6, 7, 8, 9, 'gap', 12]);
  });

  it('counts pages (at least one) and reads a page number from the URL', () => {
    expect([pageCount(0, 20), pageCount(20, 20), pageCount(21, 20)]).toEqual([1, 1, 2]);
    expect(['2', null, '0', '-1', '1.5', 'x', '100001'].map(parsePage)).toEqual([2, 1, 1, 1, 1, 1, 1]);
  });
});
