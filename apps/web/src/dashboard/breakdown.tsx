import { lazy, type ReactNode, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';
import { Button } from 'nhsuk-react-components';
import { TableScroll } from '../common/table-scroll';
import { ChartFigure } from '../common/chart-figure';
import { api, dataOr } from '../api/client';
import { saveFile } from '../common/save-file';
import { ApiErrorSummary, Loading } from '../layout/status';
import {
  BYS,
  breakdownsIn,
  cellsOf,
  FIGURES,
  firstOrder,
  hasCodes,
  PARAM,
  shownGroups,
  type Breakdown as BreakdownData,
  type BreakdownView,
  type By,
  type SortKey,
  viewOf,
} from './breakdown-state';
import { percent, points } from './figures';
import { count, dateTimeText, longDate, monthYear } from '../common/formats';
import './breakdown.css';

// ECharts comes in its own chunk, after the table is on the page.
const BreakdownChart = lazy(() => import('./breakdown-chart'));

/** At most this many bars: the first rows of the table as sorted and filtered (all ~200 CCGs would be a wall). */
export const CHART_ROWS = 25;

export interface BreakdownProps {
  /** The dashboard's month-end (YYYY-MM-DD). */
  asOf: string;
  /** A region's ODS code: its CCGs or clinical systems. England when neither code is given. */
  regionCode?: string;
  /** A CCG's ODS code: its clinical systems. */
  ccgCode?: string;
  /** The figures as known at this instant (ISO 8601), when the page asks for them. */
  knownAt?: string;
}

const byOf = (key: By) => BYS.find((b) => b.key === key)!;

/**
 * Breakdown by region, CCG or clinical system (GET /reports/breakdown) of one of the six headline figures:
 * a sortable, filterable table, a bar chart of the rows as shown, and the API's CSV. What is shown, the
 * sort and the filter live in the URL (`by`, `figure`, `sort`, `order`, `filter`).
 */
export function Breakdown({ asOf, regionCode, ccgCode, knownAt }: BreakdownProps) {
  const [params, setParams] = useSearchParams();
  const area = { regionCode, ccgCode };
  const urlView = viewOf(params, area);
  // What is typed in the filter shows at once; the URL follows (the router renders its changes in a
  // transition, so an input bound to the URL alone would drop keystrokes typed before it catches up).
  const [filter, setFilter] = useFilterText(urlView.filter);
  const view = { ...urlView, filter };
  const offered = breakdownsIn(area);
  const query = { asOf, by: view.by, regionCode, ccgCode, knownAt };

  const breakdown = useQuery({
    queryKey: ['breakdown', view.by, asOf, regionCode ?? null, ccgCode ?? null, knownAt ?? null],
    queryFn: async () => dataOr(await api.GET('/api/v1/reports/breakdown', { params: { query } })),
  });

  const download = useMutation({
    mutationFn: async () => {
      const csv = dataOr(
        await api.GET('/api/v1/reports/breakdown', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' }),
      );
      saveFile(csv, csvFileName(view.by, asOf, area, knownAt));
    },
  });

  /** Changes some of the breakdown's parameters; `replace` for typing, so Back does not step letter by letter. */
  const change = (values: Partial<Record<keyof typeof PARAM, string | null>>, replace = false) =>
    setParams(
      () => {
        // From the address as it is now, not as last rendered: two changes in a row (a choice, then another
        // before the page has drawn the first) must both stay.
        const next = new URLSearchParams(window.location.search);
        for (const [name, value] of Object.entries(values)) {
          const key = PARAM[name as keyof typeof PARAM];
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace, preventScrollReset: true },
    );

  const by = byOf(view.by);
  return (
    <section className="app-breakdown">
      <h2 className="nhsuk-heading-l">Breakdown</h2>
      <p className="nhsuk-body">
        One figure for each{' '}
        {offered
          .map((b) => b.noun)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}
        {regionCode || ccgCode ? ' in the area shown' : ' in England'}, at the same point a year earlier and the change.
        Choose a column heading to sort by it.
      </p>
      <div className="app-breakdown__controls">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="breakdown-by">
            Break down by
          </label>
          <select
            className="nhsuk-select"
            id="breakdown-by"
            value={view.by}
            // Another kind of group: the filter was for names of the old one; a code sort may not apply.
            onChange={(e) =>
              change({ by: e.target.value, filter: null, ...codeSortDropped(view, e.target.value as By) })
            }
          >
            {offered.map((b) => (
              <option key={b.key} value={b.key}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="breakdown-figure">
            Figure shown
          </label>
          <select
            className="nhsuk-select"
            id="breakdown-figure"
            value={view.figure.id}
            onChange={(e) => change({ figure: e.target.value })}
          >
            {FIGURES.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="breakdown-filter">
          Filter by name or code
        </label>
        <div className="nhsuk-hint" id="breakdown-filter-hint">
          Only the {by.plural} whose name or code contains these letters, for example Leeds
        </div>
        <input
          className="nhsuk-input nhsuk-input--width-20"
          id="breakdown-filter"
          type="search"
          aria-describedby="breakdown-filter-hint"
          autoComplete="off"
          spellCheck={false}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            change({ filter: e.target.value }, true);
          }}
        />
      </div>

      {breakdown.isPending && <Loading what="the breakdown" />}
      {breakdown.isError && (
        <ApiErrorSummary
          title="The breakdown could not be loaded"
          error={breakdown.error}
          retry={() => void breakdown.refetch()}
        />
      )}
      {breakdown.isSuccess && (
        <BreakdownResult
          data={breakdown.data}
          view={view}
          onSort={(sort) => {
            // The order as the address has it now: a second choice before the page has drawn the first
            // still turns the order round.
            const now = viewOf(new URLSearchParams(window.location.search), area);
            change({ sort, order: now.sort === sort ? (now.order === 'asc' ? 'desc' : 'asc') : firstOrder(sort) });
          }}
          download={
            <>
              {download.isError && <ApiErrorSummary title="The CSV could not be downloaded" error={download.error} />}
              <Button type="button" secondary disabled={download.isPending} onClick={() => download.mutate()}>
                Download as CSV
              </Button>
              <p className="nhsuk-body-s">
                The CSV has every {by.noun} of the breakdown (not only those shown), a row for each service, with every
                count and figure.
              </p>
            </>
          }
        />
      )}
    </section>
  );
}

function BreakdownResult({
  data,
  view,
  onSort,
  download,
}: {
  data: BreakdownData;
  view: BreakdownView;
  /** Sort by this column: its first order, or the other order when it is the column sorted already. */
  onSort: (sort: SortKey) => void;
  download: ReactNode;
}) {
  const by = byOf(data.by);
  const rows = shownGroups(data.groups, view);
  const charted = rows.slice(0, CHART_ROWS);
  const columns: { key: SortKey; name: string; numeric: boolean }[] = [
    { key: 'name', name: by.name, numeric: false },
    ...(hasCodes(data.by) ? [{ key: 'code' as const, name: 'Code', numeric: false }] : []),
    { key: 'practices', name: 'Practices in scope', numeric: true },
    { key: 'now', name: longDate(data.asOf), numeric: true },
    { key: 'previous', name: longDate(data.previousAsOf), numeric: true },
    { key: 'change', name: 'Change (percentage points)', numeric: true },
  ];
  const sortedBy = columns.find((c) => c.key === view.sort)!;
  const knownAt = data.knownAt ? `, as known on ${dateTimeText(data.knownAt)}` : '';
  const figureName = `${view.figure.label}${knownAt}`;
  const description =
    `Bar chart of ${view.figure.label} on ${longDate(data.asOf)} by ${by.name}` +
    `${knownAt}: the first ${charted.length} of the ${rows.length} rows of the table below, in its order.`;

  return (
    <>
      <p className="nhsuk-body" role="status">
        Showing {rows.length} of {data.groups.length} {by.plural}
        {view.filter.trim() && <> whose name or code contains &ldquo;{view.filter.trim()}&rdquo;</>}, sorted by{' '}
        {sortedBy.name} ({orderWords(sortedBy, view.order)}).
      </p>

      {charted.length > 0 && (
        <div className="app-breakdown__chart">
          <h3 className="nhsuk-heading-s">{figureName}</h3>
          <ChartFigure description={description}>
            <BreakdownChart rows={charted.map((g) => ({ name: g.name, value: cellsOf(g, view.figure).now }))} />
          </ChartFigure>
          {rows.length > charted.length && (
            <p className="nhsuk-body-s">
              The chart shows the first {charted.length} of {rows.length} {by.plural} in the table&rsquo;s order; the
              table below has them all.
            </p>
          )}
        </div>
      )}

      {download}

      <TableScroll label="Breakdown table" narrowOnly>
        <table className="nhsuk-table app-breakdown__table">
          <caption className="nhsuk-table__caption">
            Breakdown by {by.noun} at the end of {monthYear(data.asOf)}
            <span className="nhsuk-caption-m">{figureName}</span>
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              {columns.map((c) => {
                const sorted = c.key === view.sort;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={`nhsuk-table__header${c.numeric ? ' nhsuk-table__header--numeric' : ''}`}
                    aria-sort={sorted ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" className="app-sort-button" onClick={() => onSort(c.key)}>
                      {c.name}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((g) => {
              const cells = cellsOf(g, view.figure);
              return (
                <tr key={g.code} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header">
                    {g.name}
                  </th>
                  {hasCodes(data.by) && <td className="nhsuk-table__cell">{g.code}</td>}
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{count(cells.practices)}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{percent(cells.now)}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{percent(cells.previous)}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{points(cells.change)}</td>
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr className="nhsuk-table__row">
                <td className="nhsuk-table__cell" colSpan={columns.length}>
                  No {by.noun} has &ldquo;{view.filter.trim()}&rdquo; in its name or code.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/**
 * The filter's text: what the person typed, at once; the URL's when the address changes otherwise (Back,
 * Forward, another breakdown chosen). Typing replaces the address, so a REPLACE is the page's own echo.
 */
function useFilterText(fromUrl: string): [string, (text: string) => void] {
  const location = useLocation();
  const navigationType = useNavigationType();
  const [text, setText] = useState(fromUrl);
  const [seen, setSeen] = useState(location.key);
  if (seen !== location.key) {
    // Adjusting state while rendering (React's pattern for state derived from a change of props).
    setSeen(location.key);
    if (navigationType !== NavigationType.Replace && text !== fromUrl) setText(fromUrl);
  }
  return [text, setText];
}

/** "A to Z", "largest first"…: the direction in words, for the status line. */
function orderWords(column: { numeric: boolean }, order: 'asc' | 'desc'): string {
  if (column.numeric) return order === 'asc' ? 'smallest first' : 'largest first';
  return order === 'asc' ? 'A to Z' : 'Z to A';
}

/** A code sort makes no sense for clinical systems (their code is their name): back to the default. */
function codeSortDropped(view: BreakdownView, by: By): { sort?: null; order?: null } {
  return view.sort === 'code' && !hasCodes(by) ? { sort: null, order: null } : {};
}

/** breakdown-ccg-2014-09-30.csv; with the area (breakdown-Y54-ccg-…) and the known-on instant when set. */
export function csvFileName(
  by: By,
  asOf: string,
  area: { regionCode?: string; ccgCode?: string },
  knownAt?: string,
): string {
  const where = area.ccgCode ?? area.regionCode;
  const known = knownAt ? `-known-${knownAt.replace(/[^0-9TZ]/g, '')}` : '';
  return `breakdown-${where ? `${where}-` : ''}${by}-${asOf}${known}.csv`;
}
